using NAudio.Wave;

namespace MixBox.Cli.Tests;

internal static class WavFiles
{
    public static string Sine(string dir, string name, double frequency, double amplitude, double seconds, int rate = 48000, int bits = 24, int channels = 1, bool asFloat = false)
    {
        string path = Path.Combine(dir, name);
        var format = asFloat ? WaveFormat.CreateIeeeFloatWaveFormat(rate, channels) : new WaveFormat(rate, bits, channels);
        using var writer = new WaveFileWriter(path, format);
        int frames = (int)(seconds * rate);
        for (int i = 0; i < frames; i++)
            for (int c = 0; c < channels; c++)
            {
                double v = amplitude * Math.Sin(2 * Math.PI * frequency * (c + 1) * i / rate);
                if (bits == 8) writer.WriteByte((byte)(128 + Math.Round(v * 127))); // 8-bit PCM is unsigned
                else writer.WriteSample((float)v);
            }
        return path;
    }

    /// <summary>Reads a 24-bit PCM WAV into doubles (full-scale units), interleaved.</summary>
    public static double[] Read24(string path)
    {
        using var reader = new WaveFileReader(path);
        Assert.Equal(24, reader.WaveFormat.BitsPerSample);
        var bytes = new byte[reader.Length];
        reader.ReadExactly(bytes);
        return Enumerable.Range(0, bytes.Length / 3).Select(i => (bytes[3 * i] << 8 | bytes[3 * i + 1] << 16 | bytes[3 * i + 2] << 24) / 2147483648.0).ToArray();
    }
}

/// <summary>Stems made of exact integer samples, for bit-exact comparisons.</summary>
internal static class ExactStems
{
    /// <summary>A mono 24-bit PCM WAV of <paramref name="samples24"/> (each within ±2^23).</summary>
    public static string Mono24(string path, int[] samples24)
    {
        using var writer = new NAudio.Wave.WaveFileWriter(path, new NAudio.Wave.WaveFormat(48000, 24, 1));
        var bytes = new byte[samples24.Length * 3];
        for (int i = 0; i < samples24.Length; i++)
        {
            bytes[3 * i] = (byte)samples24[i];
            bytes[3 * i + 1] = (byte)(samples24[i] >> 8);
            bytes[3 * i + 2] = (byte)(samples24[i] >> 16);
        }
        writer.Write(bytes, 0, bytes.Length);
        return path;
    }

    /// <summary>Channel <paramref name="c"/>'s material: noise and a tone at a level of its own, 24-bit.</summary>
    public static int[] Material(int c, int frames, int seed = 17)
    {
        var random = new Random(seed + c);
        double level = Math.Pow(10, -(6 + 2 * c) / 20.0);
        return Enumerable.Range(0, frames).Select(i =>
            (int)Math.Round(level * 8388607 * (0.5 * Math.Sin(2 * Math.PI * (110 + 57 * c) * i / 48000.0) + 0.4 * (2 * random.NextDouble() - 1)))).ToArray();
    }
}
