namespace MixBox.Cli;

/// <summary>
/// Streams a WAV file's frames as interleaved Q1.31 (see <see cref="WavFormat.ToQ31"/>), a block at
/// a time: memory is one block of about 64 KiB of file bytes (at least one frame), whatever the
/// file's length. The header is checked on opening (<see cref="WavHeader.Read"/>): a file that
/// opens holds every frame its header claims; if it shrinks while being read, that is a UserError too.
/// </summary>
public sealed class WavReader : IDisposable
{
    private const int BlockBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly string _name;
    private byte[]? _buffer;

    public WavHeader Header { get; }
    public WavFormat Format => Header.Format;
    /// <summary>Frames in the file (all present: checked on opening).</summary>
    public long Frames => Header.Frames;
    public long FramesRead { get; private set; }
    /// <summary>Frames read per full block.</summary>
    public int BlockFrames { get; }

    /// <summary>Reads from <paramref name="stream"/> (seekable: its length is what sizes are checked against), naming it <paramref name="name"/> in errors.</summary>
    public WavReader(Stream stream, string name, bool leaveOpen = false)
    {
        if (!stream.CanSeek || !stream.CanRead) throw new ArgumentException("the WAV reader needs a readable, seekable stream", nameof(stream));
        _stream = stream;
        _leaveOpen = leaveOpen;
        _name = name;
        Header = WavHeader.Read(stream, name);
        BlockFrames = Math.Max(1, BlockBytes / Format.BlockAlign);
        _stream.Position = Header.DataOffset;
    }

    /// <summary>Opens <paramref name="path"/>; a missing or unreadable file is a UserError.</summary>
    public static WavReader Open(string path)
    {
        if (Directory.Exists(path)) throw new UserError($"{path}: is a directory, not a WAV file");
        if (!File.Exists(path)) throw new UserError($"{path}: file not found");
        // A pipe would block the open and cannot seek; a device is no file to check sizes against.
        if (FileIdentity.Of(path) is { IsRegularFile: false }) throw new UserError($"{path}: not a regular file (a pipe or device): give a WAV file");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"{path}: cannot be opened ({IoErrorText.Describe(e)})");
        }
        try
        {
            return new WavReader(stream, path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads up to <paramref name="interleaved"/>.Length / Channels frames (never more than
    /// <see cref="BlockFrames"/>) into <paramref name="interleaved"/>; returns the frames read,
    /// 0 at the end of the data. <paramref name="interleaved"/> must hold at least one frame.
    /// </summary>
    public int Read(Span<int> interleaved)
    {
        int channels = Format.Channels, align = Format.BlockAlign, bytes = Format.BytesPerSample;
        if (interleaved.Length < channels) throw new ArgumentException($"room for {interleaved.Length} samples, less than one {channels}-channel frame", nameof(interleaved));
        long want = Math.Min(Math.Min(interleaved.Length / channels, BlockFrames), Frames - FramesRead);
        if (want <= 0) return 0;
        int frames = (int)want;
        _buffer ??= new byte[(int)Math.Min(BlockFrames, Frames) * align];
        var data = _buffer.AsSpan(0, frames * align);
        int done = 0;
        while (done < data.Length)
        {
            int n;
            try { n = _stream.Read(data[done..]); }
            catch (IOException e) { throw new UserError($"{_name}: read error ({IoErrorText.Describe(e)})"); }
            if (n <= 0)
                throw new UserError($"{_name}: truncated: the header claims {Frames} frames, the file ended after {FramesRead + done / align} (it changed while being read)");
            done += n;
        }
        int k = 0;
        for (int i = 0; i < frames; i++)
            for (int c = 0, at = i * align; c < channels; c++, at += bytes)
                interleaved[k++] = Format.ToQ31(data, at);
        FramesRead += frames;
        return frames;
    }

    public void Dispose()
    {
        if (!_leaveOpen) _stream.Dispose();
    }
}
