using System.Runtime.InteropServices;

namespace MixBox.Dsp.Tests;

/// <summary>The loudness block of libmixbox_engine.so, called directly (loudness_meter.h).</summary>
internal static class LoudnessNative
{
    private const string Library = "mixbox_engine";

    [DllImport(Library)] public static extern uint mixbox_loudness_meter_size();
    [DllImport(Library)] public static extern int mixbox_loudness_meter_init(IntPtr meter, uint sampleRate);
    [DllImport(Library)] public static extern void mixbox_loudness_meter_process(IntPtr meter, ref int stereo, uint frames);
    [DllImport(Library)] public static extern void mixbox_loudness_meter_reset(IntPtr meter);
    [DllImport(Library)] public static extern void mixbox_loudness_meter_read(IntPtr meter, [Out] int[] reading);
    [DllImport(Library)] public static extern int mixbox_k_weighting_derive(uint sampleRate, [Out] int[] coefs);
    [DllImport(Library)] public static extern int mixbox_k_weighting_coefs_for_rate(uint sampleRate, [Out] int[] coefs);

    public const int ReadingFields = 8;
}

/// <summary>One reading in LUFS / LU / dBTP (the C block's hundredths divided by 100; silence = -200).</summary>
public sealed record LoudnessReading(
    double Momentary, double ShortTerm, double Integrated, double MomentaryMax, double ShortTermMax,
    double Range, double TruePeakMax, bool RangeStable)
{
    public static LoudnessReading From(int[] r) => new(
        r[0] / 100.0, r[1] / 100.0, r[2] / 100.0, r[3] / 100.0, r[4] / 100.0, r[5] / 100.0, r[6] / 100.0, r[7] != 0);
}

/// <summary>A mixbox_loudness_meter_t in unmanaged memory.</summary>
public sealed class LoudnessMeter : IDisposable
{
    private IntPtr _state;
    public int SampleRate { get; }

    public LoudnessMeter(int sampleRate = 48000)
    {
        SampleRate = sampleRate;
        _state = Marshal.AllocHGlobal((int)LoudnessNative.mixbox_loudness_meter_size());
        int status = LoudnessNative.mixbox_loudness_meter_init(_state, (uint)sampleRate);
        if (status != 0) throw new ArgumentException($"mixbox_loudness_meter_init({sampleRate}) returned {status}");
    }

    /// <summary>Feeds interleaved stereo frames in native calls of <paramref name="chunkFrames"/> frames.</summary>
    public void Process(int[] stereo, int chunkFrames = 32) => Process(stereo, 0, stereo.Length / 2, chunkFrames);

    public void Process(int[] stereo, int firstFrame, int frames, int chunkFrames = 32)
    {
        for (int done = 0; done < frames; done += chunkFrames)
        {
            int n = Math.Min(chunkFrames, frames - done);
            LoudnessNative.mixbox_loudness_meter_process(_state, ref stereo[2 * (firstFrame + done)], (uint)n);
        }
    }

    public void Reset() => LoudnessNative.mixbox_loudness_meter_reset(_state);

    public LoudnessReading Read()
    {
        var r = new int[LoudnessNative.ReadingFields];
        LoudnessNative.mixbox_loudness_meter_read(_state, r);
        return LoudnessReading.From(r);
    }

    /// <summary>Feeds the signal in 10 ms steps (the meter's update period) and returns the reading after each.</summary>
    public List<LoudnessReading> ProcessReadingEvery10Ms(int[] stereo)
    {
        int step = SampleRate / 100;
        var readings = new List<LoudnessReading>();
        for (int frame = 0; frame + step <= stereo.Length / 2; frame += step)
        {
            Process(stereo, frame, step, step);
            readings.Add(Read());
        }
        return readings;
    }

    public void Dispose()
    {
        if (_state != IntPtr.Zero) Marshal.FreeHGlobal(_state);
        _state = IntPtr.Zero;
    }
}

/// <summary>Test material for the loudness tests, 24-bit on the Q31 grid like the codecs deliver.</summary>
public static class LoudnessSignals
{
    /// <summary>
    /// A 1 kHz (or <paramref name="frequency"/>) sine in segments of (seconds, peak dBFS, null = silence),
    /// continuous in phase across level changes; the same signal in L and R, interleaved.
    /// </summary>
    public static int[] ToneSequence(int sampleRate, IEnumerable<(double Seconds, double? Dbfs)> segments, double frequency = 1000)
    {
        var mono = new List<int>();
        long n = 0;
        foreach (var (seconds, dbfs) in segments)
        {
            long frames = (long)Math.Round(seconds * sampleRate);
            double amplitude = dbfs is double d ? Math.Pow(10, d / 20) : 0;
            for (long i = 0; i < frames; i++, n++)
                mono.Add(Signals.ToQ31Of24Bit(amplitude * Math.Sin(2 * Math.PI * frequency * n / sampleRate)));
        }
        return Stereo(mono.ToArray());
    }

    public static int[] Stereo(int[] mono) => Signals.Interleave(mono, mono);

    public static IEnumerable<(double, double?)> Repeat(int times, params (double, double?)[] pattern)
        => Enumerable.Range(0, times).SelectMany(_ => pattern);
}
