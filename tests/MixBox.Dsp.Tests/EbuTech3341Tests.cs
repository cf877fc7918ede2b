using Xunit.Abstractions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// EBU Tech 3341 (2023, V4) Table 1 "minimum requirements test signals", generated here from the
/// table's descriptions at 48 kHz, 24-bit, with the table's tolerances (±0.1 LU for loudness,
/// +0.2/−0.4 dB for true peak). The meter is reset (a fresh instance) before each measurement,
/// as the table requires.
///
/// Cases not covered, on purpose:
/// - 6 (5.0 channels: L/R −28, C −24, Ls/Rs −30 dBFS): the meter measures the stereo main bus only;
///   it has no centre or surround inputs (and so no 1.41 surround weights).
/// - 7 and 8 (authentic programmes 1 and 2): recorded material distributed by the EBU as files,
///   which cannot be generated from a description and are not in this repository.
/// </summary>
public class EbuTech3341Tests
{
    private const int Rate = 48000;
    private const double LoudnessTolerance = 0.1;
    private readonly ITestOutputHelper _output;

    public EbuTech3341Tests(ITestOutputHelper output) => _output = output;

    private LoudnessReading Measure(int[] stereo)
    {
        using var meter = new LoudnessMeter(Rate);
        meter.Process(stereo, 480);
        return meter.Read();
    }

    private void AssertLoudness(string what, double expected, double measured)
    {
        _output.WriteLine($"{what}: expected {expected:F1}, measured {measured:F2}, deviation {measured - expected:+0.00;-0.00}");
        Assert.InRange(measured, expected - LoudnessTolerance, expected + LoudnessTolerance);
    }

    private void AssertTruePeak(string what, double expected, double measured)
    {
        _output.WriteLine($"{what}: expected {expected:F1} dBTP, measured {measured:F2}, deviation {measured - expected:+0.00;-0.00}");
        Assert.InRange(measured, expected - 0.4, expected + 0.2);
    }

    [Theory]
    [InlineData(1, -23.0)]
    [InlineData(2, -33.0)]
    public void Case1And2_SteadyTone_MomentaryShortTermIntegrated(int testCase, double dbfs)
    {
        var r = Measure(LoudnessSignals.ToneSequence(Rate, new (double, double?)[] { (20, dbfs) }));
        AssertLoudness($"case {testCase} M", dbfs, r.Momentary);
        AssertLoudness($"case {testCase} S", dbfs, r.ShortTerm);
        AssertLoudness($"case {testCase} I", dbfs, r.Integrated);
    }

    [Fact]
    public void Case3_RelativeGate()
    {
        var r = Measure(LoudnessSignals.ToneSequence(Rate, new (double, double?)[] { (10, -36), (60, -23), (10, -36) }));
        AssertLoudness("case 3 I", -23.0, r.Integrated);
    }

    [Fact]
    public void Case4_AbsoluteAndRelativeGate()
    {
        var r = Measure(LoudnessSignals.ToneSequence(Rate,
            new (double, double?)[] { (10, -72), (10, -36), (60, -23), (10, -36), (10, -72) }));
        AssertLoudness("case 4 I", -23.0, r.Integrated);
    }

    [Fact]
    public void Case5_NothingGated()
    {
        var r = Measure(LoudnessSignals.ToneSequence(Rate, new (double, double?)[] { (20, -26), (20.1, -20), (20, -26) }));
        AssertLoudness("case 5 I", -23.0, r.Integrated);
    }

    /// <summary>Case 9: (1.34 s at −20, 1.66 s at −30 dBFS) × 5; S constant −23.0 after 3 s.</summary>
    [Fact]
    public void Case9_ShortTermConstantAfter3s()
    {
        using var meter = new LoudnessMeter(Rate);
        var readings = meter.ProcessReadingEvery10Ms(LoudnessSignals.ToneSequence(Rate,
            LoudnessSignals.Repeat(5, (1.34, -20.0), (1.66, -30.0))));
        var settled = readings.Skip(299).Select(r => r.ShortTerm).ToList(); // readings from t = 3.00 s on
        _output.WriteLine($"case 9: {settled.Count} readings every 10 ms from 3 s: min {settled.Min():F2}, max {settled.Max():F2}, worst deviation {settled.Max(s => Math.Abs(s + 23)):F2}");
        Assert.All(settled, s => Assert.InRange(s, -23.0 - LoudnessTolerance, -23.0 + LoudnessTolerance));
    }

    /// <summary>Case 10 (file-based): 20 files of (i·0.15 s silence, 3 s at −23, 1 s silence); max S −23.0 each.</summary>
    [Fact]
    public void Case10_MaxShortTermOfShiftedTones()
    {
        for (int i = 0; i < 20; i++)
        {
            var r = Measure(LoudnessSignals.ToneSequence(Rate, new (double, double?)[] { (i * 0.15, null), (3, -23), (1, null) }));
            AssertLoudness($"case 10-{i + 1} max S", -23.0, r.ShortTermMax);
        }
    }

    /// <summary>Case 11 (live): (i·0.15 s silence, 3 s at −38+i dBFS, 3 − i·0.15 s silence), one signal; max S per 6 s segment.</summary>
    [Fact]
    public void Case11_SuccessiveMaxShortTerm()
    {
        var segments = Enumerable.Range(0, 20).SelectMany(i => new (double, double?)[] { (i * 0.15, null), (3, -38.0 + i), (3 - i * 0.15, null) });
        using var meter = new LoudnessMeter(Rate);
        var readings = meter.ProcessReadingEvery10Ms(LoudnessSignals.ToneSequence(Rate, segments));
        for (int i = 0; i < 20; i++)
        {
            double max = readings.Skip(600 * i).Take(600).Max(r => r.ShortTerm);
            AssertLoudness($"case 11 segment {i + 1} max S", -38.0 + i, max);
        }
    }

    /// <summary>Case 12: (0.18 s at −20, 0.22 s at −30 dBFS) × 25; M constant −23.0 after 1 s.</summary>
    [Fact]
    public void Case12_MomentaryConstantAfter1s()
    {
        using var meter = new LoudnessMeter(Rate);
        var readings = meter.ProcessReadingEvery10Ms(LoudnessSignals.ToneSequence(Rate,
            LoudnessSignals.Repeat(25, (0.18, -20.0), (0.22, -30.0))));
        var settled = readings.Skip(99).Select(r => r.Momentary).ToList(); // from t = 1.00 s
        _output.WriteLine($"case 12: {settled.Count} readings every 10 ms from 1 s: min {settled.Min():F2}, max {settled.Max():F2}, worst deviation {settled.Max(s => Math.Abs(s + 23)):F2}");
        Assert.All(settled, s => Assert.InRange(s, -23.0 - LoudnessTolerance, -23.0 + LoudnessTolerance));
    }

    /// <summary>Case 13 (file-based): 20 files of (i·20 ms silence, 400 ms at −23, 1 s silence); max M −23.0 each.</summary>
    [Fact]
    public void Case13_MaxMomentaryOfShiftedTones()
    {
        for (int i = 0; i < 20; i++)
        {
            var r = Measure(LoudnessSignals.ToneSequence(Rate, new (double, double?)[] { (i * 0.02, null), (0.4, -23), (1, null) }));
            AssertLoudness($"case 13-{i + 1} max M", -23.0, r.MomentaryMax);
        }
    }

    /// <summary>Case 14 (live): (i·20 ms silence, 400 ms at −38+i dBFS, 400 − i·20 ms silence); max M per 0.8 s segment.</summary>
    [Fact]
    public void Case14_SuccessiveMaxMomentary()
    {
        var segments = Enumerable.Range(0, 20).SelectMany(i => new (double, double?)[] { (i * 0.02, null), (0.4, -38.0 + i), (0.4 - i * 0.02, null) });
        using var meter = new LoudnessMeter(Rate);
        var readings = meter.ProcessReadingEvery10Ms(LoudnessSignals.ToneSequence(Rate, segments));
        for (int i = 0; i < 20; i++)
        {
            double max = readings.Skip(80 * i).Take(80).Max(r => r.Momentary);
            AssertLoudness($"case 14 segment {i + 1} max M", -38.0 + i, max);
        }
    }

    /// <summary>A stereo sine at fs/divisor with a 10 ms linear fade-in and fade-out, 1 s.</summary>
    private static int[] TaperedSine(int divisor, double amplitude, double phaseDegrees)
    {
        int frames = Rate, fade = Rate / 100;
        var mono = new int[frames];
        for (int n = 0; n < frames; n++)
        {
            double gain = Math.Min(1.0, Math.Min(n, frames - 1 - n) / (double)fade);
            mono[n] = Signals.ToQ31Of24Bit(gain * amplitude * Math.Sin(2 * Math.PI * n / divisor + phaseDegrees * Math.PI / 180));
        }
        return LoudnessSignals.Stereo(mono);
    }

    [Theory]
    [InlineData(15, 4, 0.50, 0.0, -6.0)]
    [InlineData(16, 4, 0.50, 45.0, -6.0)]
    [InlineData(17, 6, 0.50, 60.0, -6.0)]
    [InlineData(18, 8, 0.50, 67.5, -6.0)]
    [InlineData(19, 4, 1.41, 45.0, 3.0)]
    public void Cases15To19_TruePeakOfSines(int testCase, int divisor, double amplitude, double phaseDegrees, double expectedDbtp)
    {
        var r = Measure(TaperedSine(divisor, amplitude, phaseDegrees));
        AssertTruePeak($"case {testCase} (fs/{divisor}, {amplitude} FFS, {phaseDegrees}°)", expectedDbtp, r.TruePeakMax);
    }

    /// <summary>
    /// Cases 20–23: an fs/6 sine of 0.5 FFS containing one period of an fs/4 sine of amplitude 1.0,
    /// continuous in phase at both ends, synthesised at 4·fs, low-pass filtered and decimated to fs
    /// with an offset of 0–3 samples (at 4·fs); tapered with a 10 ms fade. Expected 0.0 dBTP.
    /// </summary>
    [Theory]
    [InlineData(20, 0)]
    [InlineData(21, 1)]
    [InlineData(22, 2)]
    [InlineData(23, 3)]
    public void Cases20To23_TruePeakOfBurstBetweenSamples(int testCase, int offset)
    {
        const int up = 4;
        int fastRate = up * Rate, fastFrames = fastRate; // 1 s at 192 kHz
        int slowPeriod = up * 6, fastPeriod = up * 4;    // fs/6 and fs/4 periods at 4·fs
        int burstStart = fastFrames / 2 / slowPeriod * slowPeriod; // a zero crossing of the fs/6 sine
        var fast = new double[fastFrames];
        for (int n = 0; n < fastFrames; n++)
        {
            if (n >= burstStart && n < burstStart + fastPeriod)
                fast[n] = 1.0 * Math.Sin(2 * Math.PI * (n - burstStart) / fastPeriod);
            else
            {
                int t = n < burstStart ? n : n - fastPeriod; // phase continues across the burst
                fast[n] = 0.5 * Math.Sin(2 * Math.PI * t / slowPeriod);
            }
        }
        // Anti-aliasing low-pass at 4·fs: Blackman-windowed sinc, cut-off 21 kHz, 511 taps.
        const int taps = 511;
        double cutoff = 21000.0 / fastRate;
        var h = new double[taps];
        for (int k = 0; k < taps; k++)
        {
            double m = k - (taps - 1) / 2.0;
            double sinc = m == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * m) / (Math.PI * m);
            double w = 0.42 - 0.5 * Math.Cos(2 * Math.PI * k / (taps - 1)) + 0.08 * Math.Cos(4 * Math.PI * k / (taps - 1));
            h[k] = sinc * w;
        }
        double dc = h.Sum();
        int frames = fastFrames / up - 1, fade = Rate / 100;
        var mono = new int[frames];
        double filteredPeak = 0, samplePeak = 0;
        for (int i = 0; i < frames; i++)
        {
            int n = i * up + offset;
            double y = 0;
            for (int k = 0; k < taps; k++)
            {
                int j = n - k + (taps - 1) / 2;
                if (j >= 0 && j < fastFrames) y += h[k] * fast[j];
            }
            y /= dc;
            double gain = Math.Min(1.0, Math.Min(i, frames - 1 - i) / (double)fade);
            y *= gain;
            samplePeak = Math.Max(samplePeak, Math.Abs(y));
            mono[i] = Signals.ToQ31Of24Bit(y);
        }
        for (int n = 0; n < fastFrames; n++)
        {
            double y = 0;
            for (int k = 0; k < taps; k++)
            {
                int j = n - k + (taps - 1) / 2;
                if (j >= 0 && j < fastFrames) y += h[k] * fast[j];
            }
            if (Math.Abs(n - burstStart) < 200) filteredPeak = Math.Max(filteredPeak, Math.Abs(y / dc));
        }
        _output.WriteLine($"case {testCase}: filtered 4·fs peak {20 * Math.Log10(filteredPeak):F2} dB, sample peak at fs {20 * Math.Log10(samplePeak):F2} dBFS");
        var r = Measure(LoudnessSignals.Stereo(mono));
        AssertTruePeak($"case {testCase} (offset {offset})", 0.0, r.TruePeakMax);
    }
}
