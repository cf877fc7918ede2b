using CsCheck;
using Xunit.Abstractions;
using static MixBox.Dsp.Tests.CompressorFixture;

namespace MixBox.Dsp.Tests;

/// <summary>Drive and output stage: saturation character, the safety ceiling and dither.</summary>
public class MixbusChainTests
{
    private readonly ITestOutputHelper _output;

    public MixbusChainTests(ITestOutputHelper output) => _output = output;

    /// <summary>Amplitude of one frequency in a signal (Goertzel), relative to full scale.</summary>
    private static double Amplitude(int[] x, double frequency, int from)
    {
        double w = 2 * Math.PI * frequency / SampleRate, re = 0, im = 0;
        for (int i = from; i < x.Length; i++)
        {
            re += x[i] / Signals.FullScale * Math.Cos(w * i);
            im -= x[i] / Signals.FullScale * Math.Sin(w * i);
        }
        return 2 * Math.Sqrt(re * re + im * im) / (x.Length - from);
    }

    [Fact]
    public void DriveLeavesQuietSignalsAtUnityGain()
    {
        using var engine = StereoEngine();
        engine.SetDrive(1200);
        var sine = Signals.Sine(9600, 1000, 0.01);
        var (left, _) = Run(engine, sine, sine);
        Assert.InRange(Db(RmsOf(left, 4800, 9600) / RmsOf(sine, 4800, 9600)), -0.01, 0.01);
    }

    [Fact]
    public void DriveAddsOddHarmonicsOnly()
    {
        using var engine = StereoEngine();
        engine.SetDrive(1200);
        var sine = Signals.Sine(48000, 1000, 0.5);
        var (left, _) = Run(engine, sine, sine);

        double fundamental = Amplitude(left, 1000, 4800);
        double second = Db(Amplitude(left, 2000, 4800) / fundamental);
        double third = Db(Amplitude(left, 3000, 4800) / fundamental);
        _output.WriteLine($"drive +12 dB on a -6 dBFS sine: H2 {second:F1} dB, H3 {third:F1} dB re the fundamental");
        Assert.True(third > -30, "a driven sine gains a clear third harmonic");
        Assert.True(second < -100, "an odd curve adds no even harmonics");
        Assert.True(left.Max() < sine.Max(), "peaks are rounded off");
    }

    [Fact]
    public void DriveBackToZeroIsBitExact()
    {
        using var engine = StereoEngine();
        var x = Signals.Noise(4800, 0.9, seed: 5);
        engine.SetDrive(900);
        Run(engine, x, x);
        engine.SetDrive(0);
        Run(engine, x, x); // the 5 ms crossfade out
        var (left, right) = Run(engine, x, x);
        Assert.Equal(x, left);
        Assert.Equal(x, right);
    }

    private static readonly int CeilingQ31 = (int)Math.Round(Math.Pow(10, -0.3 / 20) * int.MaxValue);

    [Fact]
    public void SafetyClipKeepsEverySampleUnderTheCeiling()
    {
        using var engine = new MixEngine(48000, 8);
        for (int c = 0; c < 8; c++) engine.SetChannelFader(c, 1200);
        engine.SetOutputStage(safetyClip: true, ceilingCentiDb: -30, dither: false);
        var output = Render.Run(engine, EngineFixtures.EightChannelMaterial(24000, 1.0, seed: 6), 32);

        Assert.All(output, v => Assert.InRange(v, -CeilingQ31, CeilingQ31));
        Assert.True(engine.ReadMeter(MeterId.MainLeft).Clipped, "the over is still flagged");
        Assert.InRange(engine.ReadMeter(MeterId.MainLeft).HoldCentiDb, -31, -29);
    }

    [Fact]
    public void SafetyClipWithDitherRoundsUnderTheCeiling()
    {
        // -0.2 dBFS is 247 codes past a 24-bit grid value: dither plus rounding can
        // land two grid steps over it, and the result must still come back under.
        long ceiling = (long)Math.Round(Math.Pow(10, -20 / 2000.0) * int.MaxValue) + 1;
        using var engine = new MixEngine(48000, 8);
        for (int c = 0; c < 8; c++) engine.SetChannelFader(c, 1200);
        engine.SetOutputStage(safetyClip: true, ceilingCentiDb: -20, dither: true);
        var output = Render.Run(engine, EngineFixtures.EightChannelMaterial(24000, 1.0, seed: 6), 32);

        Assert.All(output, v => Assert.InRange(Math.Abs((long)v), 0, ceiling));
        Assert.All(output, v => Assert.Equal(0, v & 0xFF));
    }

    [Fact]
    public void SafetyClipIsTransparentBelowItsKnee()
    {
        using var engine = StereoEngine();
        engine.SetOutputStage(safetyClip: true, ceilingCentiDb: -30, dither: false);
        var sine = Signals.Sine(9600, 440, Math.Pow(10, -3.4 / 20)); // just under ceiling - 3 dB
        var (left, _) = Run(engine, sine, sine);
        Assert.Equal(sine, left);
    }

    [Fact]
    public void SafetyClipCurveIsSmoothAndMonotonic()
    {
        using var engine = StereoEngine();
        engine.SetChannelFader(0, 602); // x2: the bus sweeps 0.25 .. 2.0 full scale, past where the curve meets the ceiling
        engine.SetOutputStage(safetyClip: true, ceilingCentiDb: -30, dither: false);
        var ramp = Enumerable.Range(0, 48000).Select(i => Signals.ToQ31Of24Bit(0.125 + 0.875 * i / 48000.0)).ToArray();
        var (left, _) = Run(engine, ramp, ramp);
        for (int i = 1; i < left.Length; i++)
        {
            Assert.True(left[i] >= left[i - 1], $"frame {i} goes down");
            Assert.True(left[i] - left[i - 1] <= 2 * (ramp[i] - ramp[i - 1]) + 2, $"frame {i} steps faster than its input");
        }
        Assert.Equal(CeilingQ31, left[^1]);
        Assert.Equal(ramp[0] * ReferenceMixer.DbToGain(6.02), left[0], 64.0); // transparent at the bottom of the sweep
    }

    [Fact]
    public void DitherIsTriangularOnTheTwentyFourBitGridAndRepeatable()
    {
        var x = Signals.Noise(48000, 0.5, seed: 7).Select((v, i) => v + (i * 37 % 256)).ToArray(); // below-LSB detail
        int[] Render24()
        {
            using var engine = StereoEngine();
            engine.SetOutputStage(safetyClip: false, ceilingCentiDb: -30, dither: true);
            return Run(engine, x, x).Left;
        }
        var first = Render24();
        Assert.Equal(first, Render24());
        Assert.All(first, v => Assert.Equal(0, v & 0xFF));

        var errorLsb = first.Zip(x, (o, i) => (o - (double)i) / 256).ToArray();
        double mean = errorLsb.Average(), rms = Math.Sqrt(errorLsb.Average(e => e * e));
        _output.WriteLine($"dither + rounding error: mean {mean:F4} LSB, RMS {rms:F3} LSB (TPDF theory 0.5), peak {errorLsb.Max(Math.Abs):F2} LSB");
        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange(rms, 0.47, 0.53);
        Assert.True(errorLsb.Max(Math.Abs) < 1.5 + 1e-9);
    }

    private static readonly Gen<int[]> GenChainParams = Gen.Select(
        Gen.Int[-4000, 0], Gen.Int[100, 2000], Gen.Int[100, 30000], Gen.OneOf(Gen.Const(0), Gen.Int[50, 2000]),
        Gen.Int[0, 1200], Gen.Int[0, 2000], Gen.OneOf(Gen.Const(0), Gen.Int[20, 500]), Gen.Int[0, 1],
        Gen.Int[0, 100], Gen.Int[0, 1800], Gen.Int[-600, 0], Gen.Int[0, 1], Gen.Int[0, 1],
        (a, b, c, d, e, f, g, h, i, j, k, l, m) => new[] { a, b, c, d, e, f, g, h, i, 0, j, k, l, m });

    private static readonly Gen<int[]> GenSignal = Gen.OneOf(
        Gen.Int.Array[4800],                                                     // full-scale noise
        Gen.Int.Select(level => Enumerable.Repeat(level, 4800).ToArray()),       // DC
        Gen.Int[16, 400].Select(period => Signals.Square(4800, period, int.MaxValue)));

    /// <summary>
    /// Any chain setting with any input: output within Q31 (and under the ceiling when the
    /// safety clip is on), a finite gain reduction, and after silence the reduction returns
    /// to zero (no stuck gain). UBSan (Debug builds) aborts on any wrap.
    /// </summary>
    [Fact]
    public void AnySettingAndInputStaysBoundedAndRecovers()
    {
        Gen.Select(GenChainParams, GenSignal, GenSignal).Sample((values, left, right) =>
        {
            using var engine = StereoEngine();
            engine.SetChannelFader(0, 1200);
            engine.SetChannelFader(1, 1200);
            for (int p = 0; p < values.Length; p++) engine.Set(EngineParam.CompThresholdCentiDb + p, 0, values[p]);
            var (outLeft, outRight) = Run(engine, left, right);

            bool safety = values[12] == 1;
            // long: at a 0 dB ceiling, int.MaxValue + 1 would wrap and fail every output.
            long ceiling = (long)(Math.Pow(10, values[11] / 2000.0) * int.MaxValue) + 1;
            if (safety && (outLeft.Any(v => Math.Abs((long)v) > ceiling) || outRight.Any(v => Math.Abs((long)v) > ceiling)))
                throw new Exception("output above the safety ceiling");
            int reduction = engine.ReadGainReduction();
            if (reduction < 0 || reduction > 30000) throw new Exception($"gain reduction {reduction} cdB");

            // Silence for ten of the longest release times (auto: 1.2 s) and attack times:
            // an exponential release leaves e^-10 of at most 40 dB, below 0.01 dB.
            int silentFrames = 10 * 48 * (values[3] == 0 ? 1200 : values[3]) + 10 * 48 * values[2] / 1000 + 4800;
            Run(engine, new int[silentFrames], new int[silentFrames]);
            engine.ReadGainReduction();
            Run(engine, new int[480], new int[480]);
            int after = engine.ReadGainReduction();
            if (after > 1) throw new Exception($"gain reduction stuck at {after} cdB after silence");
        }, iter: 40, threads: 1);
    }
}
