using MixBox.Dsp;

namespace MixBox.Cli;

/// <summary>
/// Plays the demo multitrack through the engine the way the box runs: 32-frame
/// audio blocks, and a 100 Hz control tick that moves knobs, presses keys and
/// reads the meters.
/// </summary>
public sealed class DemoSession
{
    public const int SampleRate = 48000;
    public const int BlockFrames = 32;
    public const double Seconds = 8.0;
    private const int ControlTickFrames = SampleRate / 100;

    public sealed record Result(int[] Stereo, MeterReading[] ChannelMeters, MeterReading DrumBusLeft, MeterReading MainLeft,
        MeterReading MainRight, int MaxGainReductionCentiDb, LoudnessReading Loudness);

    public static Result Run()
    {
        var input = DemoMultitrack.Render(SampleRate, Seconds);
        using var engine = new MixEngine(SampleRate, 8);
        SetUpScene(engine);

        int frames = input.Length / 8;
        var stereo = new int[frames * 2];
        var inBlock = new int[BlockFrames * 8];
        var outBlock = new int[BlockFrames * 2];
        for (int start = 0; start < frames; start += BlockFrames)
        {
            if (start % ControlTickFrames == 0) ControlTick(engine, (double)start / SampleRate);
            int n = Math.Min(BlockFrames, frames - start);
            Array.Copy(input, start * 8, inBlock, 0, n * 8);
            engine.Process(inBlock, outBlock, n);
            Array.Copy(outBlock, 0, stereo, start * 2, n * 2);
        }

        var channels = Enumerable.Range(0, 8).Select(c => engine.ReadMeter(MeterId.Channel(c))).ToArray();
        return new Result(stereo, channels, engine.ReadMeter(MeterId.SubLeft(0)),
            engine.ReadMeter(MeterId.MainLeft), engine.ReadMeter(MeterId.MainRight), engine.ReadGainReduction(), engine.ReadLoudness());
    }

    // Drums on sub-bus 0 (the drum bus), everything else straight to main.
    private static void SetUpScene(MixEngine engine)
    {
        int[] faders = { 0, -200, -900, -300, -600, -600, -100, -1000 };
        int[] pans = { 0, 5, 35, 0, -70, 70, 0, 0 };
        for (int c = 0; c < 8; c++)
        {
            engine.SetChannelFader(c, faders[c]);
            engine.SetChannelPan(c, pans[c]);
        }
        for (int c = 0; c < 3; c++) engine.SetChannelRoute(c, toMain: false, subBus: 0);
        engine.SetSubFader(0, -200);
        engine.SetChannelMute(6, true); // the lead comes in at bar 2
        engine.SetMainFader(-600);
        // Mix-bus glue: gentle ratio, slow attack, auto release, a little make-up;
        // the output stage keeps the DAC under -0.3 dBFS and dithers to 24 bits.
        engine.SetCompressor(thresholdCentiDb: -2200, ratioX100: 200, attackMicroseconds: 30000, releaseMilliseconds: 0,
            kneeCentiDb: 600, makeupCentiDb: 200, mixPercent: 100);
        engine.Set(EngineParam.CompSidechainHighPassHz, 0, 90);
        engine.SetOutputStage(safetyClip: true, ceilingCentiDb: -30, dither: true);
    }

    // The scripted performance: what a user's hands would do.
    private static void ControlTick(MixEngine engine, double t)
    {
        if (t == 2.0) engine.SetChannelMute(6, false);
        if (t >= 4.0 && t < 5.0) engine.SetChannelFader(2, -900 - (int)((t - 4.0) * 600)); // ride the hats down
        if (t == 6.0) engine.SetChannelSolo(6, true);                                       // solo the lead...
        if (t == 6.5) engine.SetChannelSolo(6, false);                                      // ...and back
        if (t >= 7.0) engine.SetMainFader(-600 - (int)((t - 7.0) * 2000));                 // fade out
    }
}
