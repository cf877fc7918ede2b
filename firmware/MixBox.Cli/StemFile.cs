namespace MixBox.Cli;

/// <summary>
/// One input file of a render, streamed on top of <see cref="WavReader"/>: its frames a block
/// at a time, then silence once it has ended (shorter stems are padded to the longest).
/// Memory: one block of decoded samples, whatever the file's length.
/// </summary>
public sealed class StemFile : IDisposable
{
    private readonly WavReader _reader;
    private int[] _decoded = Array.Empty<int>();
    private int _buffered;

    private StemFile(string path, WavReader reader)
    {
        Path = path;
        _reader = reader;
    }

    public string Path { get; }
    public string Name => System.IO.Path.GetFileName(Path);
    public WavFormat Format => _reader.Format;
    public int Channels => _reader.Format.Channels;
    public int SampleRate => _reader.Format.SampleRate;
    public long Frames => _reader.Frames;

    public static StemFile Open(string path) => new(path, WavReader.Open(path));

    /// <summary>
    /// The next <paramref name="frames"/> frames, interleaved (silence past the end of the file);
    /// valid until the next call.
    /// </summary>
    public ReadOnlySpan<int> Next(int frames)
    {
        int channels = Channels;
        if (_decoded.Length < frames * channels) Array.Resize(ref _decoded, frames * channels);
        while (_buffered < frames)
        {
            int n = _reader.Read(_decoded.AsSpan(_buffered * channels, (frames - _buffered) * channels));
            if (n == 0) break;
            _buffered += n;
        }
        if (_buffered < frames) Array.Clear(_decoded, _buffered * channels, (frames - _buffered) * channels);
        _buffered = 0;
        return _decoded.AsSpan(0, frames * channels);
    }

    public void Dispose() => _reader.Dispose();
}
