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
