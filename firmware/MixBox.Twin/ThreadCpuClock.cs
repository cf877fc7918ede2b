using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MixBox.Twin;

/// <summary>
/// The CPU time the calling thread itself has used, in microseconds: what a tick's work costs,
/// apart from the time other programs held the core (which wall time counts). Linux's
/// clock_gettime(CLOCK_THREAD_CPUTIME_ID) (POSIX.1-2008; the id is 3 in Linux's
/// include/uapi/linux/time.h); elsewhere the wall clock stands in.
/// </summary>
public static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGettime(int clock, out Timespec time);

    public static bool IsThreadTime { get; } = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    public static long Microseconds()
    {
        if (IsThreadTime && ClockGettime(ClockThreadCpuTimeId, out Timespec t) == 0) return t.Seconds * 1_000_000 + t.Nanoseconds / 1000;
        return Stopwatch.GetTimestamp() * 1_000_000 / Stopwatch.Frequency;
    }
}
