namespace MixBox.Cli;

/// <summary>
/// What went wrong with a file, in words a user can act on: never the runtime's own exception
/// text (which names temporary files and .NET types). On Unix .NET puts the errno in an
/// IOException's HResult; EFBIG (a file-size limit) arrives as an ArgumentOutOfRangeException.
/// </summary>
public static class IoErrorText
{
    // errno values: Linux include/uapi/asm-generic/errno-base.h and errno.h (EDQUOT is 69 on macOS).
    private const int Eio = 5, Eexist = 17, Enotdir = 20, Eisdir = 21, Efbig = 27, Enospc = 28, Erofs = 30, Enotempty = 39, Edquot = 122, EdquotMac = 69;
    // Windows HRESULTs: ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL.
    private const int WinHandleDiskFull = unchecked((int)0x80070027), WinDiskFull = unchecked((int)0x80070070);

    /// <summary>True for the exceptions file operations throw (the ones <see cref="Describe"/> knows).</summary>
    public static bool IsFileError(Exception e) =>
        e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentOutOfRangeException or NotSupportedException;

    public static string Describe(Exception e) => e switch
    {
        UnauthorizedAccessException or System.Security.SecurityException => "permission denied",
        PathTooLongException => "the path is too long",
        DirectoryNotFoundException => "its directory does not exist",
        FileNotFoundException => "not found",
        ArgumentOutOfRangeException => "larger than the system's file-size limit",
        NotSupportedException => "not a path this system supports",
        IOException io => io.HResult switch
        {
            Enospc or Edquot or EdquotMac or WinHandleDiskFull or WinDiskFull => "no space left on the disk",
            Efbig => "larger than the system's file-size limit",
            Erofs => "the file system is read-only",
            Eexist or Eisdir or Enotempty => "a directory or another file is in the way",
            Enotdir => "a part of the path is not a directory",
            Eio => "input/output error from the disk",
            _ => $"the system refused it (error code {io.HResult})",
        },
        _ => "the system refused the operation",
    };
}
