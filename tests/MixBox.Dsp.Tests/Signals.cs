namespace MixBox.Dsp.Tests;

/// <summary>Test material as the codecs deliver it: Q1.31 with 24-bit resolution.</summary>
public static class Signals
{
    public const double FullScale = 2147483648.0;

    /// <summary>Full-scale units -> Q31 on the 24-bit grid (low 8 bits zero), clamped.</summary>
    public static int ToQ31Of24Bit(double x)
    {
        double code = Math.Round(x * 8388608.0);
        code = Math.Clamp(code, -8388608.0, 8388607.0);
        return (int)code * 256;
    }

    public static double[] ToDouble(int[] q31) => q31.Select(v => v / FullScale).ToArray();

    public static int[] Sine(int frames, double frequency, double amplitude, int sampleRate = 48000, double phase = 0)
        => Enumerable.Range(0, frames)
            .Select(i => ToQ31Of24Bit(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate + phase)))
            .ToArray();

    /// <summary>Uniform white noise in [-amplitude, amplitude], seeded.</summary>
    public static int[] Noise(int frames, double amplitude, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, frames).Select(_ => ToQ31Of24Bit(amplitude * (2 * random.NextDouble() - 1))).ToArray();
    }

    public static int[] Square(int frames, int period, int level)
        => Enumerable.Range(0, frames).Select(i => (i / (period / 2)) % 2 == 0 ? level : -level).ToArray();

    /// <summary>Interleaves per-channel signals into TDM frames.</summary>
    public static int[] Interleave(params int[][] channels)
    {
        int frames = channels[0].Length;
        var frame = new int[frames * channels.Length];
        for (int i = 0; i < frames; i++)
            for (int c = 0; c < channels.Length; c++)
                frame[i * channels.Length + c] = channels[c][i];
        return frame;
    }

    public static int[] Silence(int frames) => new int[frames];

    public static int[] Left(int[] stereo) => stereo.Where((_, i) => i % 2 == 0).ToArray();

    public static int[] Right(int[] stereo) => stereo.Where((_, i) => i % 2 == 1).ToArray();

    public static double Dbfs(double fullScaleUnits) => 20 * Math.Log10(fullScaleUnits);

    public static double Rms(IEnumerable<double> values)
    {
        double sum = 0;
        int n = 0;
        foreach (var v in values) { sum += v * v; n++; }
        return Math.Sqrt(sum / n);
    }
}

/// <summary>Runs the engine over a whole buffer in blocks of a chosen size.</summary>
public static class Render
{
    public static int[] Run(MixEngine engine, int[] input, int blockFrames)
    {
        int channels = engine.Channels;
        int frames = input.Length / channels;
        var output = new int[frames * 2];
        var inBlock = new int[blockFrames * channels];
        var outBlock = new int[blockFrames * 2];
        for (int start = 0; start < frames; start += blockFrames)
        {
            int n = Math.Min(blockFrames, frames - start);
            Array.Copy(input, start * channels, inBlock, 0, n * channels);
            engine.Process(inBlock, outBlock, n);
            Array.Copy(outBlock, 0, output, start * 2, n * 2);
        }
        return output;
    }
}
