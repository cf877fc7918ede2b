namespace MixBox.Cli;

/// <summary>
/// An output's temporary file, seen through its user's name: any failure to write it (disk
/// full, a file-size limit, an I/O error) becomes one <see cref="UserError"/> naming the path
/// the user gave, never the temporary file or the runtime's text.
/// </summary>
public sealed class OutputStream(FileStream file, string userPath) : Stream
{
    public string UserPath { get; } = userPath;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => file.Length;
    public override long Position { get => file.Position; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => file.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try { file.Write(buffer); }
        catch (Exception e) when (IoErrorText.IsFileError(e)) { throw Failed(e); }
    }

    public override void Flush() => Guard(file.Flush);

    /// <summary>Everything written reaches the disk (fsync), so a commit never renames a file still in the cache.</summary>
    public void FlushToDisk() => Guard(() => file.Flush(flushToDisk: true));

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) Guard(file.Dispose);
        base.Dispose(disposing);
    }

    private void Guard(Action action)
    {
        try { action(); }
        catch (Exception e) when (IoErrorText.IsFileError(e)) { throw Failed(e); }
    }

    private UserError Failed(Exception e) => new($"{UserPath}: cannot be written ({IoErrorText.Describe(e)}); no output was changed");
}
