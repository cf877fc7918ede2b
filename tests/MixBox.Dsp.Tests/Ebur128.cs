using System.Runtime.InteropServices;

namespace MixBox.Dsp.Tests;

/// <summary>
/// libebur128 (Debian package libebur128-1, installed by .ci/run), loaded as libebur128.so.1 —
/// the independent reference the loudness block is compared with. Failing to load it fails the
/// test with a message saying how to install it; nothing is skipped.
/// </summary>
internal sealed class Ebur128 : IDisposable
{
    private const string Library = "libebur128.so.1";

    // ebur128.h
    public const int ModeM = 1 << 0;
    public const int ModeS = (1 << 1) | ModeM;
    public const int ModeI = (1 << 2) | ModeM;
    public const int ModeLra = (1 << 3) | ModeS;
    public const int ModeSamplePeak = (1 << 4) | ModeM;
    public const int ModeTruePeak = (1 << 5) | ModeM | ModeSamplePeak;
    public const int ModeHistogram = 1 << 6;

    [DllImport(Library)] private static extern IntPtr ebur128_init(uint channels, nuint samplerate, int mode);
    [DllImport(Library)] private static extern void ebur128_destroy(ref IntPtr state);
    [DllImport(Library)] private static extern int ebur128_add_frames_int(IntPtr state, ref int src, nuint frames);
    [DllImport(Library)] private static extern int ebur128_loudness_global(IntPtr state, out double result);
    [DllImport(Library)] private static extern int ebur128_loudness_momentary(IntPtr state, out double result);
    [DllImport(Library)] private static extern int ebur128_loudness_shortterm(IntPtr state, out double result);
    [DllImport(Library)] private static extern int ebur128_loudness_range(IntPtr state, out double result);
    [DllImport(Library)] private static extern int ebur128_true_peak(IntPtr state, uint channel, out double result);

    private IntPtr _state;

    public Ebur128(int sampleRate)
    {
        try
        {
            _state = ebur128_init(2, (nuint)sampleRate, ModeI | ModeM | ModeS | ModeLra | ModeTruePeak | ModeHistogram);
        }
        catch (DllNotFoundException e)
        {
            throw new InvalidOperationException(
                "libebur128.so.1 could not be loaded, so the reference comparison cannot run. " +
                "Install it with `apt-get install -y libebur128-1` (.ci/run does this).", e);
        }
        if (_state == IntPtr.Zero) throw new InvalidOperationException("ebur128_init failed");
    }

    private static double Check(int status, double value, string what)
        => status == 0 ? value : throw new InvalidOperationException($"{what} returned {status}");

    /// <summary>Interleaved stereo Q1.31 frames (libebur128 scales int input by 2^31, as Q1.31).</summary>
    public void Add(int[] stereo, int firstFrame, int frames)
    {
        int status = ebur128_add_frames_int(_state, ref stereo[2 * firstFrame], (nuint)frames);
        if (status != 0) throw new InvalidOperationException($"ebur128_add_frames_int returned {status}");
    }

    public double Integrated => Check(ebur128_loudness_global(_state, out double v), v, "ebur128_loudness_global");
    public double Momentary => Check(ebur128_loudness_momentary(_state, out double v), v, "ebur128_loudness_momentary");
    public double ShortTerm => Check(ebur128_loudness_shortterm(_state, out double v), v, "ebur128_loudness_shortterm");
    public double Range => Check(ebur128_loudness_range(_state, out double v), v, "ebur128_loudness_range");

    /// <summary>Highest true peak of the two channels, dBTP.</summary>
    public double TruePeakDb
    {
        get
        {
            double left = Check(ebur128_true_peak(_state, 0, out double l), l, "ebur128_true_peak");
            double right = Check(ebur128_true_peak(_state, 1, out double r), r, "ebur128_true_peak");
            return 20 * Math.Log10(Math.Max(left, right));
        }
    }

    public void Dispose()
    {
        if (_state != IntPtr.Zero) ebur128_destroy(ref _state);
    }
}
