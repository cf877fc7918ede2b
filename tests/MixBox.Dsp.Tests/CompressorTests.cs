using Xunit.Abstractions;
using static MixBox.Dsp.Tests.CompressorFixture;

namespace MixBox.Dsp.Tests;

/// <summary>The bus compressor against the formulas it implements (Giannoulis et al., JAES 2012).</summary>
public class CompressorTests
{
    private readonly ITestOutputHelper _output;

    public CompressorTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// Static curve: stationary 1 kHz sines from -60 to 0 dBFS (peak level); the gain
    /// reduction measured as the input/output RMS ratio over the last 100 ms must match
    /// the gain computer formula within 0.05 dB. Release 1.2 s keeps the ripple of the
    /// peak detector between sine peaks below 0.02 dB.
    /// </summary>
    [Theory]
    [InlineData(-1000)]
    [InlineData(-2000)]
    [InlineData(-3000)]
    public void StaticCurveMatchesTheGainComputer(int thresholdCentiDb)
    {
        double worst = 0;
        foreach (int ratio in new[] { 200, 400, 1000, 2000 })
        foreach (int knee in new[] { 0, 600, 1200 })
        for (int levelDb = -60; levelDb <= 0; levelDb += 3)
        {
            using var engine = StereoEngine();
            engine.SetCompressor(thresholdCentiDb, ratio, attackMicroseconds: 1000, releaseMilliseconds: 1200, knee, makeupCentiDb: 0, mixPercent: 100);
            var sine = Signals.Sine(14400, 1000, Math.Pow(10, levelDb / 20.0));
            var (left, _) = Run(engine, sine, sine);

            double measured = Db(RmsOf(sine, 9600, 14400) / RmsOf(left, 9600, 14400));
            double expected = ReferenceCompressor.GainComputer(levelDb, thresholdCentiDb / 100.0, ratio / 100.0, knee / 100.0);
            worst = Math.Max(worst, Math.Abs(measured - expected));
            Assert.True(Math.Abs(measured - expected) <= 0.05,
                $"T {thresholdCentiDb / 100.0} dB, R {ratio / 100.0}, knee {knee / 100.0} dB, level {levelDb} dB: GR {measured:F3} dB, formula {expected:F3} dB");
        }
        _output.WriteLine($"threshold {thresholdCentiDb / 100.0} dB: worst static-curve deviation {worst:F4} dB");
    }

    /// <summary>Frames until the gain reduction has covered 63 % of the way from `from` to `to` (dB).</summary>
    private static int FramesTo63Percent(int[] input, int[] output, int start, double from, double to)
    {
        double mark = from + 0.632 * (to - from);
        for (int i = start; i < input.Length; i++)
        {
            double gr = Db((double)input[i] / output[i]);
            if (to > from ? gr >= mark : gr <= mark) return i - start + 1;
        }
        return int.MaxValue;
    }

    [Theory]
    [InlineData(100)]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(3000)]
    [InlineData(10000)]
    [InlineData(30000)]
    public void AttackReaches63PercentInTheAttackTime(int attackMicroseconds)
    {
        using var engine = StereoEngine();
        engine.SetCompressor(-2000, 400, attackMicroseconds, 1200, 0, 0, 100);
        // A +10 dB step from the threshold: the reduction goes 0 -> 7.5 dB.
        var x = Constant(4800, 0.1).Concat(Constant(48000, Math.Pow(10, -0.5))).ToArray();
        var (left, _) = Run(engine, x, x);

        int frames = FramesTo63Percent(x, left, 4800, 0, 7.5);
        double seconds = frames / (double)SampleRate;
        _output.WriteLine($"attack {attackMicroseconds} us: 63 % after {seconds * 1e6:F0} us");
        Assert.InRange(seconds, 0.9 * attackMicroseconds * 1e-6, 1.1 * attackMicroseconds * 1e-6);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(300)]
    [InlineData(600)]
    [InlineData(1200)]
    public void ReleaseReaches63PercentInTheReleaseTime(int releaseMilliseconds)
    {
        using var engine = StereoEngine();
        engine.SetCompressor(-2000, 400, 300, releaseMilliseconds, 0, 0, 100);
        var x = Constant(9600, Math.Pow(10, -0.5)).Concat(Constant(4 * 48 * releaseMilliseconds, 0.1)).ToArray();
        var (left, _) = Run(engine, x, x);

        int frames = FramesTo63Percent(x, left, 9600, 7.5, 0);
        double seconds = frames / (double)SampleRate;
        _output.WriteLine($"release {releaseMilliseconds} ms: 63 % after {seconds * 1e3:F1} ms");
        Assert.InRange(seconds, 0.9 * releaseMilliseconds * 1e-3, 1.1 * releaseMilliseconds * 1e-3);
    }

    [Fact]
    public void AutoReleaseIsFastAfterShortPeaksAndSlowAfterLongOnes()
    {
        double ReleaseAfter(int burstFrames)
        {
            using var engine = StereoEngine();
            engine.SetCompressor(-2000, 400, 300, 0, 0, 0, 100);
            var x = Constant(burstFrames, Math.Pow(10, -0.5)).Concat(Constant(3 * 48000, 0.1)).ToArray();
            var (left, _) = Run(engine, x, x);
            double settled = Db((double)x[burstFrames - 1] / left[burstFrames - 1]);
            return FramesTo63Percent(x, left, burstFrames, settled, 0) / (double)SampleRate;
        }

        double afterShort = ReleaseAfter(2400);    // 50 ms peak
        double afterLong = ReleaseAfter(4 * 48000); // 4 s of compression
        _output.WriteLine($"auto release: {afterShort * 1e3:F0} ms after a 50 ms peak, {afterLong * 1e3:F0} ms after 4 s");
        Assert.InRange(afterShort, 0.05, 0.2);
        Assert.InRange(afterLong, 0.6, 2.0);
    }

    [Fact]
    public void UnityRatioIsTransparent()
    {
        using var engine = StereoEngine();
        engine.SetCompressor(-4000, 100, 100, 50, 1200, 0, 100);
        var left = Signals.Noise(24000, 1.0, seed: 1);
        var right = Signals.Sine(24000, 3000, 1.0);
        var (outLeft, outRight) = Run(engine, left, right);

        // Within 1 LSB (the chain is exact here: gain 2^0 = 1.0 exactly).
        Assert.All(outLeft.Zip(left), p => Assert.InRange(p.First - p.Second, -1, 1));
        Assert.All(outRight.Zip(right), p => Assert.InRange(p.First - p.Second, -1, 1));
        Assert.Equal(0, engine.ReadGainReduction());
    }

    [Fact]
    public void ZeroMixIsBitExactToBypass()
    {
        var left = Signals.Noise(24000, 0.9, seed: 2);
        var right = Signals.Noise(24000, 0.9, seed: 3);
        using var bypassed = StereoEngine();
        using var dryOnly = StereoEngine();
        dryOnly.SetCompressor(-3000, 1000, 300, 100, 600, 1200, mixPercent: 0);

        var expected = Run(bypassed, left, right);
        var actual = Run(dryOnly, left, right);
        Assert.Equal(expected.Left, actual.Left);
        Assert.Equal(expected.Right, actual.Right);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(50)]
    [InlineData(25)]
    public void ParallelMixMatchesTheModel(int mixPercent)
    {
        using var engine = StereoEngine();
        engine.SetCompressor(-2400, 400, 3000, 300, 600, 600, mixPercent);
        var model = new ReferenceCompressor(-24, 4, 6, 0.003, 0.3, makeupDb: 6, mix: mixPercent / 100.0);
        var left = Signals.Sine(48000, 220, 0.5).Zip(Signals.Noise(48000, 0.3, seed: 4), (a, b) => Signals.ToQ31Of24Bit((a + b) / Signals.FullScale)).ToArray();
        var right = Signals.Sine(48000, 330, 0.7);
        var (outLeft, outRight) = Run(engine, left, right);

        double worst = 0;
        for (int i = 0; i < left.Length; i++)
        {
            var (ml, mr) = model.Process(left[i] / Signals.FullScale, right[i] / Signals.FullScale); // the output saturates once
            foreach (var (actual, expected) in new[] { (outLeft[i] / Signals.FullScale, ml), (outRight[i] / Signals.FullScale, mr) })
            {
                if (Math.Abs(expected) < 1e-3) continue; // level ratios near zero crossings say nothing
                worst = Math.Max(worst, Math.Abs(Db(Math.Abs(actual / ReferenceMixer.Clamp(expected)))));
            }
        }
        _output.WriteLine($"mix {mixPercent} %: worst deviation from the model {worst:F4} dB");
        Assert.True(worst <= 0.05, $"worst deviation {worst:F4} dB");
    }

    [Fact]
    public void GainReductionMeterFollowsTheNeedle()
    {
        using var engine = StereoEngine();
        engine.SetCompressor(-2000, 400, 1000, 300, 0, 0, 100);
        var loud = Constant(48000, Math.Pow(10, -0.5)); // 10 dB over: 7.5 dB reduction
        Run(engine, loud, loud);
        Assert.InRange(engine.ReadGainReduction(), 745, 755);

        engine.SetCompressorBypass(true);
        Run(engine, loud, loud);
        engine.ReadGainReduction();
        Run(engine, loud, loud);
        Assert.Equal(0, engine.ReadGainReduction());
    }

    [Fact]
    public void SidechainHighPassIgnoresBass()
    {
        int GainReductionFor(int hpfHz)
        {
            using var engine = StereoEngine();
            engine.SetCompressor(-2000, 1000, 1000, 300, 0, 0, 100);
            engine.Set(EngineParam.CompSidechainHighPassHz, 0, hpfHz);
            var bass = Signals.Sine(48000, 30, 0.5);
            Run(engine, bass, bass);
            return engine.ReadGainReduction();
        }
        int without = GainReductionFor(0), with150 = GainReductionFor(150);
        _output.WriteLine($"30 Hz at -6 dBFS: {without / 100.0} dB reduction, {with150 / 100.0} dB with the 150 Hz side-chain HPF");
        Assert.True(without > 1000);
        Assert.True(with150 < without - 1000, "the high-pass removes at least 10 dB of the bass's reduction");
    }

    /// <summary>Magnitude of the side-chain high-pass (Audio EQ Cookbook Butterworth, Q = 1/sqrt 2) at f, in dB.</summary>
    private static double HighPassDb(double cutoff, double f, double rate)
    {
        double w0 = 2 * Math.PI * cutoff / rate, alpha = Math.Sin(w0) / (2 * Math.Sqrt(0.5)), a0 = 1 + alpha;
        double b0 = (1 + Math.Cos(w0)) / 2 / a0, a1 = -2 * Math.Cos(w0) / a0, a2 = (1 - alpha) / a0;
        var z1 = System.Numerics.Complex.FromPolarCoordinates(1, -2 * Math.PI * f / rate);
        var response = b0 * (1 - 2 * z1 + z1 * z1) / (1 + a1 * z1 + a2 * z1 * z1);
        return Db(response.Magnitude);
    }

    /// <summary>
    /// The side-chain high-pass against its double-precision response: steady sines
    /// across and above the 100 Hz cut-off reduce as the gain computer says for the
    /// level the filter passes, within 0.05 dB (release 1.2 s: the detector's ripple
    /// between the slow sines' peaks stays below that).
    /// </summary>
    [Theory]
    [InlineData(40)]
    [InlineData(70)]
    [InlineData(100)]
    [InlineData(200)]
    [InlineData(1000)]
    public void SidechainHighPassMatchesItsResponse(int frequency)
    {
        const int threshold = -4000, ratio = 400, cutoff = 100;
        using var engine = StereoEngine();
        engine.SetCompressor(threshold, ratio, attackMicroseconds: 1000, releaseMilliseconds: 1200, 0, makeupCentiDb: 0, mixPercent: 100);
        engine.Set(EngineParam.CompSidechainHighPassHz, 0, cutoff);
        var sine = Signals.Sine(28800, frequency, 0.5);
        var (left, _) = Run(engine, sine, sine);

        double measured = Db(RmsOf(sine, 19200, 28800) / RmsOf(left, 19200, 28800));
        double level = Db(0.5) + HighPassDb(cutoff, frequency, SampleRate);
        double expected = ReferenceCompressor.GainComputer(level, threshold / 100.0, ratio / 100.0, 0);
        _output.WriteLine($"{frequency} Hz: side-chain level {level:F2} dBFS, GR {measured:F3} dB, model {expected:F3} dB");
        Assert.InRange(measured, expected - 0.05, expected + 0.05);
    }

    [Fact]
    public void StereoLinkMaxOrAverage()
    {
        int GainReductionFor(int link)
        {
            using var engine = StereoEngine();
            engine.SetCompressor(-2000, 2000, 1000, 300, 0, 0, 100);
            engine.Set(EngineParam.CompLink, 0, link);
            Run(engine, Constant(24000, Math.Pow(10, -0.5)), Constant(24000, 0));
            return engine.ReadGainReduction();
        }
        // Left 10 dB over, right silent: max sees -10 dBFS, average sees -16 dBFS.
        Assert.InRange(GainReductionFor(0), 945, 955);   // (10 dB)(1 - 1/20)
        Assert.InRange(GainReductionFor(1), 375, 385);   // (3.98 dB)(0.95)
    }
    /// <summary>
    /// Moving the side-chain high-pass while the bus is at the chain's +24 dBFS limit: the
    /// filter's state from the old cut-off must not drive the new one past its int32 range
    /// (UBSan aborts the run on a wrapped product), and the compressor keeps working.
    /// </summary>
    [Theory]
    [InlineData(48000, 150, 20, 3000.0)]
    [InlineData(48000, 20, 500, 3000.0)]
    [InlineData(96000, 21, 376, 2000.0)]
    public void MovingTheSidechainFilterAtFullLevelStaysInRange(int rate, int fromHz, int toHz, double toneHz)
    {
        using var engine = new MixEngine(rate, 2);
        for (int c = 0; c < 2; c++)
        {
            engine.SetChannelTrim(c, 1200);
            engine.SetChannelFader(c, 1200);
        }
        engine.SetCompressorBypass(false);
        engine.Set(EngineParam.CompSidechainHighPassHz, 0, fromHz);
        var tone = Signals.Sine(1600, toneHz, 0.9, rate);
        var input = Signals.Interleave(tone, tone);
        Render.Run(engine, input, 160);
        engine.Set(EngineParam.CompSidechainHighPassHz, 0, toHz);
        for (int second = 0; second < 20; second++)
        {
            Render.Run(engine, input, 160);
            int gr = engine.ReadGainReduction();
            Assert.InRange(gr, 1, 5400);
        }
    }
}
