namespace MixBox.Dsp.Tests;

/// <summary>Drives the main bus with a chosen stereo signal: channel 0 hard left, channel 1 hard right.</summary>
internal static class CompressorFixture
{
    public const int SampleRate = 48000;

    public static MixEngine StereoEngine()
    {
        var engine = new MixEngine(SampleRate, 2);
        engine.SetChannelPan(0, -100);
        engine.SetChannelPan(1, 100);
        return engine;
    }

    /// <summary>Runs left/right through the engine (32-frame blocks); returns (left, right) output.</summary>
    public static (int[] Left, int[] Right) Run(MixEngine engine, int[] left, int[] right)
    {
        var output = Render.Run(engine, Signals.Interleave(left, right), 32);
        return (Signals.Left(output), Signals.Right(output));
    }

    public static int[] Constant(int frames, double level) => Enumerable.Repeat(Signals.ToQ31Of24Bit(level), frames).ToArray();

    public static double Db(double linear) => 20 * Math.Log10(linear);

    public static double RmsOf(int[] x, int from, int to) => Signals.Rms(x[from..to].Select(v => v / Signals.FullScale));
}
