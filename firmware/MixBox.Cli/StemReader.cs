namespace MixBox.Cli;

/// <summary>One input file: mono or stereo, as Q1.31 samples per channel.</summary>
public sealed record Stem(string Path, int SampleRate, int[][] Channels)
{
    public int Frames => Channels[0].Length;
}

/// <summary>
/// Reads a whole WAV stem for the renderer (which still takes whole stems), on top of the
/// streaming <see cref="WavReader"/>: every format it reads, mono or stereo; anything else is refused clearly.
/// </summary>
public static class StemReader
{
    public static Stem Read(string path)
    {
        using var reader = WavReader.Open(path);
        var format = reader.Format;
        if (format.Channels is not (1 or 2))
            throw new UserError($"{path}: {format.Channels} channels: stems must be mono or stereo");
        if (reader.Frames > Array.MaxLength)
            throw new UserError($"{path}: {reader.Frames} frames: the renderer takes at most {Array.MaxLength} per stem");

        int channelCount = format.Channels;
        var channels = Enumerable.Range(0, channelCount).Select(_ => new int[reader.Frames]).ToArray();
        var block = new int[reader.BlockFrames * channelCount];
        int at = 0, n;
        while ((n = reader.Read(block)) > 0)
        {
            for (int i = 0; i < n; i++)
                for (int c = 0; c < channelCount; c++)
                    channels[c][at + i] = block[i * channelCount + c];
            at += n;
        }
        return new Stem(path, format.SampleRate, channels);
    }
}
