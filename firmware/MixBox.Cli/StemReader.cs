using NAudio.Wave;

namespace MixBox.Cli;

/// <summary>One input file: mono or stereo, as Q1.31 samples per channel.</summary>
public sealed record Stem(string Path, int SampleRate, int[][] Channels)
{
    public int Frames => Channels[0].Length;
}

/// <summary>Reads WAV stems: 16/24/32-bit PCM or 32-bit float, mono or stereo; anything else is refused clearly.</summary>
public static class StemReader
{
    private static readonly Guid PcmSubFormat = new("00000001-0000-0010-8000-00aa00389b71");
    private static readonly Guid FloatSubFormat = new("00000003-0000-0010-8000-00aa00389b71");

    public static Stem Read(string path)
    {
        if (!File.Exists(path)) throw new UserError($"{path}: file not found");
        try
        {
            using var reader = new WaveFileReader(path);
            var format = reader.WaveFormat;
            bool isFloat = IsFloat(format);
            if (!isFloat && !(IsPcm(format) && format.BitsPerSample is 16 or 24 or 32))
                throw new UserError($"{path}: unsupported format ({format.Encoding}, {format.BitsPerSample}-bit): use 16/24/32-bit PCM or 32-bit float");
            if (format.Channels is not (1 or 2))
                throw new UserError($"{path}: {format.Channels} channels: stems must be mono or stereo");

            int bytesPerSample = format.BitsPerSample / 8;
            long frames = reader.Length / format.BlockAlign;
            var data = new byte[frames * format.BlockAlign];
            int read = 0;
            while (read < data.Length)
            {
                int n = reader.Read(data, read, data.Length - read);
                if (n <= 0) break;
                read += n;
            }
            if (read < data.Length) throw new UserError($"{path}: the data ends early ({read} of {data.Length} bytes)");

            var channels = Enumerable.Range(0, format.Channels).Select(_ => new int[frames]).ToArray();
            for (long i = 0; i < frames; i++)
                for (int c = 0; c < format.Channels; c++)
                    channels[c][i] = ToQ31(data, (int)(i * format.BlockAlign + c * bytesPerSample), format.BitsPerSample, isFloat);
            return new Stem(path, format.SampleRate, channels);
        }
        catch (Exception e) when (e is FormatException or EndOfStreamException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            throw new UserError($"{path}: not a readable WAV file ({e.Message.TrimEnd('.')})");
        }
    }

    private static bool IsPcm(WaveFormat f) =>
        f.Encoding == WaveFormatEncoding.Pcm || (f is WaveFormatExtensible x && x.SubFormat == PcmSubFormat);

    private static bool IsFloat(WaveFormat f) =>
        f.BitsPerSample == 32 && (f.Encoding == WaveFormatEncoding.IeeeFloat || (f is WaveFormatExtensible x && x.SubFormat == FloatSubFormat));

    private static int ToQ31(byte[] d, int at, int bits, bool isFloat)
    {
        if (isFloat)
        {
            double v = BitConverter.ToSingle(d, at) * 2147483648.0;
            return (int)Math.Clamp(Math.Round(v), int.MinValue, int.MaxValue); // beyond full scale clips, as a converter would
        }
        return bits switch
        {
            16 => BitConverter.ToInt16(d, at) << 16,
            24 => (d[at] << 8) | (d[at + 1] << 16) | (d[at + 2] << 24),
            _ => BitConverter.ToInt32(d, at),
        };
    }
}
