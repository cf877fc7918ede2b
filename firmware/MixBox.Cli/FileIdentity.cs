using System.Runtime.InteropServices;

namespace MixBox.Cli;

/// <summary>
/// Which file a path reaches, whatever the spelling: through symbolic links, `..`, or another
/// hard link of the same file. On Linux it is the (device, inode) pair from statx(2); elsewhere
/// the fully resolved path (symbolic links followed), which cannot see hard links.
/// </summary>
/// <param name="IsRegularFile">A plain file (not a directory, pipe or device); off Linux: whatever File.Exists says.</param>
public readonly record struct FileIdentity(ulong Device, ulong Inode, string? ResolvedPath, bool IsRegularFile)
{
    /// <summary>The identity of an existing file or directory; null if nothing is there.</summary>
    public static FileIdentity? Of(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full) && !Directory.Exists(full)) return null;
        if (OperatingSystem.IsLinux() && Statx(full) is { } id) return id;
        return new FileIdentity(0, 0, Resolve(full), File.Exists(full));
    }

    /// <summary>The path with every symbolic link in it followed (what it finally names).</summary>
    public static string Resolve(string path)
    {
        string full = Path.GetFullPath(path);
        string? parent = Path.GetDirectoryName(full);
        string resolvedParent = parent is null ? full : Resolve(parent);
        string here = parent is null ? full : Path.Combine(resolvedParent, Path.GetFileName(full));
        FileSystemInfo info = Directory.Exists(here) ? new DirectoryInfo(here) : new FileInfo(here);
        if (info.LinkTarget is null) return here;
        string? target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return target is null || target == here ? here : Resolve(target);
    }

    // struct statx (Linux include/uapi/linux/stat.h): the same layout on every architecture.
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1, StatxIno = 0x100;
    private const int StatxSize = 256, ModeOffset = 28, InodeOffset = 32, DevMajorOffset = 136, DevMinorOffset = 140;
    private const int FileTypeMask = 0xF000, RegularFile = 0x8000; // S_IFMT, S_IFREG

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int NativeStatx(int dirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    private static FileIdentity? Statx(string path)
    {
        var buffer = new byte[StatxSize];
        try
        {
            if (NativeStatx(AtFdCwd, path, 0, StatxType | StatxIno, buffer) != 0) return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null; // a C library without statx (glibc < 2.28): fall back to paths
        }
        ulong major = MemoryMarshal.Read<uint>(buffer.AsSpan(DevMajorOffset));
        ulong minor = MemoryMarshal.Read<uint>(buffer.AsSpan(DevMinorOffset));
        bool regular = (MemoryMarshal.Read<ushort>(buffer.AsSpan(ModeOffset)) & FileTypeMask) == RegularFile;
        return new FileIdentity(major << 32 | minor, MemoryMarshal.Read<ulong>(buffer.AsSpan(InodeOffset)), null, regular);
    }
}
