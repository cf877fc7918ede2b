using System.Diagnostics;
using Xunit.Abstractions;

namespace MixBox.Dsp.Tests;

/// <summary>The loudness block's own contract: rates, K-weighting, chunking, reset, bounded memory.</summary>
public class LoudnessMeterTests
{
    private readonly ITestOutputHelper _output;

    public LoudnessMeterTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void InitRefusesUnsupportedRates()
    {
        var state = System.Runtime.InteropServices.Marshal.AllocHGlobal((int)LoudnessNative.mixbox_loudness_meter_size());
        try
        {
            Assert.Equal(-1, LoudnessNative.mixbox_loudness_meter_init(IntPtr.Zero, 48000));
            foreach (uint bad in new uint[] { 0, 7999, 96001, 176400, 192000 })
                Assert.Equal(-3, LoudnessNative.mixbox_loudness_meter_init(state, bad));
            foreach (uint good in new uint[] { 8000, 8001, 11025, 22050, 32000, 44100, 47999, 48000, 88200, 96000 })
                Assert.Equal(0, LoudnessNative.mixbox_loudness_meter_init(state, good));
        }
        finally { System.Runtime.InteropServices.Marshal.FreeHGlobal(state); }
    }

    [Fact]
    public void StateIsAFewKilobytes()
    {
        uint size = LoudnessNative.mixbox_loudness_meter_size();
        _output.WriteLine($"sizeof(mixbox_loudness_meter_t) = {size} bytes");
        Assert.Equal(8744u, size);
    }

    /// <summary>The derivation from the analogue prototypes reproduces BS.1770-4 Tables 1 and 2 at 48 kHz.</summary>
    [Fact]
    public void DerivedCoefficientsAt48kHzMatchThePublishedTable()
    {
        var table = new int[7];
        var derived = new int[7];
        Assert.Equal(0, LoudnessNative.mixbox_k_weighting_coefs_for_rate(48000, table));
        Assert.Equal(0, LoudnessNative.mixbox_k_weighting_derive(48000, derived));
        var (shelf, highPass) = LoudnessModel.Coefficients(48000);
        double[] published = { shelf[0] * (1 << 29), shelf[1] * (1 << 29), shelf[2] * (1 << 29), shelf[3] * (1 << 30), shelf[4] * (1 << 30), highPass[3] * (1 << 30), highPass[4] * (1 << 30) };
        for (int i = 0; i < 7; i++)
        {
            Assert.InRange(table[i] - published[i], -0.5, 0.5);
            Assert.InRange(derived[i] - table[i], -1, 1); // within one LSB (2^-29 / 2^-30)
        }
    }

    /// <summary>
    /// K-weighted loudness of steady sines across the band, at every supported rate, against the
    /// double model's filter: L = -0.691 + 10 log10(2 · A²/2 · |H(f)|²). Tolerance 0.02 LU.
    /// </summary>
    [Theory]
    [InlineData(48000)]
    [InlineData(44100)]
    [InlineData(32000)]
    [InlineData(88200)]
    [InlineData(96000)]
    public void SineLoudnessFollowsTheKWeightingCurve(int rate)
    {
        var (shelf, highPass) = LoudnessModel.Coefficients(rate);
        foreach (double f in new[] { 20.0, 40, 100, 1000, 3000, 10000, 14000 })
        {
            double gain = Response(shelf, f, rate) * Response(highPass, f, rate);
            double amplitude = 0.25;
            double expected = -0.691 + 10 * Math.Log10(2 * amplitude * amplitude / 2 * gain * gain);
            using var meter = new LoudnessMeter(rate);
            var tone = LoudnessSignals.ToneSequence(rate, new (double, double?)[] { (4, 20 * Math.Log10(amplitude)) }, f);
            meter.Process(tone, 256);
            double measured = meter.Read().ShortTerm;
            _output.WriteLine($"{rate} Hz, {f} Hz: model {expected:F3} LUFS, block {measured:F2}, deviation {measured - expected:+0.000;-0.000}");
            Assert.InRange(measured - expected, -0.02, 0.02);
        }
    }

    private static double Response(double[] c, double f, int rate)
    {
        double w = 2 * Math.PI * f / rate;
        System.Numerics.Complex z1 = System.Numerics.Complex.Exp(new System.Numerics.Complex(0, -w)), z2 = z1 * z1;
        return ((c[0] + c[1] * z1 + c[2] * z2) / (1 + c[3] * z1 + c[4] * z2)).Magnitude;
    }

    [Fact]
    public void ReadingsDoNotDependOnTheChunkSize()
    {
        var stereo = Signals.Interleave(Signals.Noise(48000 * 5, 0.3, 1), Signals.Noise(48000 * 5, 0.2, 2));
        LoudnessReading? first = null;
        foreach (int chunk in new[] { 1, 7, 32, 480, 4096 })
        {
            using var meter = new LoudnessMeter();
            meter.Process(stereo, chunk);
            var r = meter.Read();
            first ??= r;
            Assert.Equal(first, r);
        }
    }

    [Fact]
    public void ResetClearsHistoryMaximaAndHoldButNotTheWindows()
    {
        using var meter = new LoudnessMeter();
        // 10 ms of silence before the reset empty the true-peak interpolator's 12-sample history,
        // whose filter tail would otherwise reach the first interpolated points after the reset.
        meter.Process(LoudnessSignals.ToneSequence(48000, new (double, double?)[] { (10, -10), (0.01, null) }), 480);
        meter.Reset();
        var justReset = meter.Read();
        Assert.Equal(-200.0, justReset.Integrated);
        Assert.Equal(-200.0, justReset.Range);
        Assert.Equal(-200.0, justReset.TruePeakMax);
        Assert.Equal(-200.0, justReset.MomentaryMax);
        Assert.InRange(justReset.Momentary, -10.2, -9.9); // the live window goes on
        Assert.False(justReset.RangeStable);

        meter.Process(LoudnessSignals.ToneSequence(48000, new (double, double?)[] { (20, -30) }), 480);
        var r = meter.Read();
        _output.WriteLine($"after reset: I {r.Integrated:F2}, max M {r.MomentaryMax:F2}, max S {r.ShortTermMax:F2}, TP {r.TruePeakMax:F2}");
        Assert.InRange(r.Integrated, -30.1, -29.9); // no block of the −10 dBFS tone counted
        Assert.InRange(r.TruePeakMax, -30.1, -29.9);
        // The first windows after the reset still hold the end of the −10 dBFS tone (live meters).
        Assert.InRange(r.MomentaryMax, -10.3, -9.9); // 380 ms of it in the first window after the reset
    }

    [Fact]
    public void SilenceReadsSilence()
    {
        using var meter = new LoudnessMeter();
        meter.Process(new int[2 * 48000 * 4], 480);
        var r = meter.Read();
        Assert.Equal(new LoudnessReading(-200, -200, -200, -200, -200, -200, -200, false), r);
    }

    /// <summary>
    /// One hour of a −23 LUFS tone (1 kHz, −23 dBFS, stereo), fed in 1 s native calls (about 10 s
    /// under UBSan): the fixed-size state neither saturates nor drifts — integrated and short-term
    /// read exactly as after 20 s, the range 0 LU. Then one minute at −13 LUFS on top of the hour's
    /// history: the integrated value must be the energy mean of all those blocks (±0.1 LU).
    /// </summary>
    [Fact]
    public void OneHourInFixedMemory()
    {
        const int rate = 48000;
        var second = LoudnessSignals.ToneSequence(rate, new (double, double?)[] { (1, -23) }); // whole periods
        using var meter = new LoudnessMeter(rate);
        var clock = Stopwatch.StartNew();
        for (int s = 0; s < 20; s++) meter.Process(second, rate);
        var after20s = meter.Read();
        for (int s = 20; s < 3600; s++) meter.Process(second, rate);
        var after1h = meter.Read();
        clock.Stop();
        _output.WriteLine($"1 h processed in {clock.Elapsed.TotalSeconds:F1} s; after 20 s: I {after20s.Integrated:F2}, after 1 h: I {after1h.Integrated:F2} S {after1h.ShortTerm:F2} M {after1h.Momentary:F2} LRA {after1h.Range:F2} TP {after1h.TruePeakMax:F2}");
        Assert.InRange(after1h.Integrated, -23.1, -22.9);
        Assert.Equal(after20s.Integrated, after1h.Integrated);
        Assert.Equal(after20s.ShortTerm, after1h.ShortTerm);
        Assert.Equal(0.0, after1h.Range);
        Assert.True(after1h.RangeStable);
        Assert.Equal(8744u, LoudnessNative.mixbox_loudness_meter_size());

        // A louder minute after the hour moves the integrated value as the energy mean says:
        // 35 997 blocks at −23 and ~600 at −13 LUFS (block loudness, 100 ms hop).
        var louder = LoudnessSignals.ToneSequence(rate, new (double, double?)[] { (1, -13) });
        for (int s = 0; s < 60; s++) meter.Process(louder, rate);
        var after = meter.Read();
        double blocksQuiet = 36000 - 3, blocksLoud = 600;
        double expected = 10 * Math.Log10((blocksQuiet * Math.Pow(10, -2.3) + blocksLoud * Math.Pow(10, -1.3)) / (blocksQuiet + blocksLoud));
        _output.WriteLine($"after 1 h + 60 s at -13: I {after.Integrated:F2}, expected {expected:F2} (energy mean of the blocks)");
        Assert.InRange(after.Integrated - expected, -0.1, 0.1);
    }
}
