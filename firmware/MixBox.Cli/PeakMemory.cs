using System.Diagnostics;

namespace MixBox.Cli;

/// <summary>The process's peak resident memory so far: VmHWM from /proc/self/status on Linux (proc(5)), else the runtime's peak working set.</summary>
public static class PeakMemory
{
    public static long Bytes()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim()) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }
}
