using Xunit.Abstractions;
using static MixBox.Dsp.Tests.CompressorFixture;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The output stage's look-ahead true-peak limiter (MIXBOX_PARAM_OUTPUT_LIMITER): output true peak measured by
/// libebur128 (the independent reference) on adversarial material, bit-exact delayed pass-through below the
/// ceiling, the latency it reports against an impulse, and a parallel compressor mix through it.
/// </summary>
public class TruePeakLimiterTests
{
    private readonly ITestOutputHelper _output;

    public TruePeakLimiterTests(ITestOutputHelper output) => _output = output;

    private const int CeilingCentiDb = -100; // -1 dBTP, the streaming platforms' usual limit

    private static MixEngine LimitedEngine(int ceilingCentiDb = CeilingCentiDb, int sampleRate = SampleRate)
    {
        var engine = new MixEngine(sampleRate, 2);
        engine.SetChannelPan(0, -100);
        engine.SetChannelPan(1, 100);
        engine.SetOutputStage(safetyClip: true, ceilingCentiDb: ceilingCentiDb, dither: false);
        engine.Set(EngineParam.OutputLimiter, 0, 1);
        return engine;
    }

    private static double TruePeakOf(int[] stereo, int sampleRate = SampleRate)
    {
        using var meter = new Ebur128(sampleRate);
        meter.Add(stereo, 0, stereo.Length / 2);
        return meter.TruePeakDb;
    }

    private static int[] Boost(MixEngine engine, int centiDb)
    {
        engine.SetChannelFader(0, centiDb);
        engine.SetChannelFader(1, centiDb);
        return Array.Empty<int>();
    }

    /// <summary>The adversarial set: name, left, right, fader (cdB) that puts it over the ceiling.</summary>
    public static IEnumerable<object[]> Adversarial()
    {
        const int frames = 24000;
        // fs/4 at every phase: samples land anywhere from the crest (0) to +-0.707 of it (pi/4), the
        // largest inter-sample overshoot a sampled sine can have at this frequency.
        for (int k = 0; k < 8; k++)
        {
            double phase = k * Math.PI / 16;
            yield return new object[] { $"fs/4 phase {k}/16 pi", Signals.Sine(frames, 12000, 0.9, phase: phase),
                Signals.Sine(frames, 12000, 0.9, phase: phase + 0.3), 400 };
        }
        // 11 kHz, 3 dB over the ceiling (-1 dBFS sine + 3 dB: +2 dBFS crest, ceiling -1).
        yield return new object[] { "11 kHz +3 dB", Signals.Sine(frames, 11000, Math.Pow(10, -1 / 20.0)),
            Signals.Sine(frames, 11000, Math.Pow(10, -1 / 20.0), phase: 1.0), 300 };
        yield return new object[] { "11.025 kHz +3 dB", Signals.Sine(frames, 11025, Math.Pow(10, -1 / 20.0), phase: 0.5),
            Signals.Sine(frames, 11025, Math.Pow(10, -1 / 20.0), phase: 2.0), 300 };
        // Clipped squares: a hard-clipped 1 kHz and 3.3 kHz sine (flat tops, sharp edges: Gibbs overshoot).
        int[] Clipped(double f) => Signals.Sine(frames, f, 8.0 / 8).Select(v => Math.Clamp(v * 4L, -0x7FFFFF00L, 0x7FFFFF00L))
            .Select(v => (int)v).ToArray();
        yield return new object[] { "clipped 1 kHz square", Clipped(1000), Clipped(1000), 300 };
        yield return new object[] { "clipped 3.3 kHz square", Clipped(3300), Clipped(3310), 600 };
        // Dense mix: two channels of broadband noise plus a low sine, pushed 8 dB over full scale.
        var noise = Signals.Noise(frames, 0.7, seed: 19);
        var bass = Signals.Sine(frames, 55, 0.5);
        var dense = noise.Zip(bass, (a, b) => (int)Math.Clamp((long)a / 2 + b, int.MinValue + 1, int.MaxValue)).ToArray();
        yield return new object[] { "dense mix +8 dB", dense, Signals.Noise(frames, 0.9, seed: 20), 800 };
    }

    [Theory]
    [MemberData(nameof(Adversarial))]
    public void OutputTruePeakStaysUnderTheCeiling(string name, int[] left, int[] right, int faderCentiDb)
    {
        using var engine = LimitedEngine();
        Boost(engine, faderCentiDb);
        var output = Render.Run(engine, Signals.Interleave(left, right), 32);
        double truePeak = TruePeakOf(output);

        using var unlimited = StereoEngine();
        Boost(unlimited, faderCentiDb);
        double before = TruePeakOf(Render.Run(unlimited, Signals.Interleave(left, right), 32).Select(v => v).ToArray());
        _output.WriteLine($"{name}: bus {before:F2} dBTP (saturated) -> limited {truePeak:F3} dBTP (ceiling -1, libebur128)");
        Assert.True(truePeak <= -1 + 0.1, $"{name}: {truePeak:F3} dBTP over the ceiling + 0.1 dB");
        Assert.True(truePeak > -1.6, $"{name}: {truePeak:F3} dBTP: limited far more than needed");
    }

    [Fact]
    public void TheIssuesExampleNowMeetsTheCeiling()
    {
        // Issue 19: a -1 dBFS 11 kHz sine with a +3 dB fader left the box at +1.8 dBTP through the soft clip.
        var sine = Signals.Sine(48000, 11000, Math.Pow(10, -1 / 20.0));
        using var clip = StereoEngine();
        Boost(clip, 300);
        clip.SetOutputStage(safetyClip: true, ceilingCentiDb: -30, dither: false);
        double clipped = TruePeakOf(Render.Run(clip, Signals.Interleave(sine, sine), 32));

        using var limited = LimitedEngine(-30);
        Boost(limited, 300);
        double truePeak = TruePeakOf(Render.Run(limited, Signals.Interleave(sine, sine), 32));
        _output.WriteLine($"-1 dBFS 11 kHz sine +3 dB, ceiling -0.3: soft clip {clipped:F2} dBTP, limiter {truePeak:F3} dBTP");
        Assert.True(clipped > 1.0, "the soft clip lets the inter-sample peak through (the issue's finding)");
        Assert.True(truePeak <= -0.3 + 0.1, $"{truePeak:F3} dBTP");
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    [InlineData(96000)]
    public void BelowTheCeilingTheOutputIsTheInputDelayedBitForBit(int sampleRate)
    {
        using var engine = LimitedEngine(CeilingCentiDb, sampleRate);
        int latency = engine.ReadLatencyFrames();
        // Noise peaking at -7.1 dBFS: its true peak stays under -1 dBTP; a sine at -1.2 dBFS too.
        var noise = Signals.Noise(sampleRate, 0.44, seed: 3);
        var sine = Signals.Sine(sampleRate, 997, Math.Pow(10, -1.2 / 20), sampleRate);
        var (left, right) = RunAt(engine, noise, sine);
        Assert.True(TruePeakOf(Signals.Interleave(noise, sine), sampleRate) < -1.0);
        for (int i = 0; i < latency; i++) Assert.True(left[i] == 0 && right[i] == 0, $"frame {i} before the delay");
        for (int i = latency; i < left.Length; i++)
        {
            Assert.True(left[i] == noise[i - latency], $"left frame {i}");
            Assert.True(right[i] == sine[i - latency], $"right frame {i}");
        }
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, engine.ReadDistortion(EngineLimits.DistortionSafety));
    }

    private static (int[] Left, int[] Right) RunAt(MixEngine engine, int[] left, int[] right)
    {
        var output = Render.Run(engine, Signals.Interleave(left, right), 32);
        return (Signals.Left(output), Signals.Right(output));
    }

    [Fact]
    public void NoPumpingAndBackToBitExactAfterALoudPassage()
    {
        // A loud second (limited), then a sine under the ceiling: once the 80 ms release has run out (a
        // one-pole: 0.0001 dB from unity after 10 time constants, then one step) the gain is exactly unity
        // again (no slow drift, no pumping), so the output is the input delayed.
        using var engine = LimitedEngine();
        int latency = engine.ReadLatencyFrames();
        var loud = Signals.Sine(48000, 2000, 1.0);
        var quiet = Signals.Sine(96000, 2000, Math.Pow(10, -2 / 20.0));
        var input = loud.Concat(quiet).ToArray();
        var (left, _) = Run(engine, input, input);
        int settled = 48000 + 48000; // a second into the quiet part
        for (int i = settled; i < left.Length; i++) Assert.True(left[i] == input[i - latency], $"frame {i}");

        // A steady sine over the ceiling: the gain holds still (every cycle's peak the same to 0.01 dB).
        var over = Signals.Sine(96000, 1000, 1.0);
        var (limited, _) = Run(LimitedEngine(), over, over);
        var cyclePeaks = Enumerable.Range(48, 48).Select(c => limited[(c * 48)..((c + 1) * 48)].Max(v => Math.Abs((long)v))).ToArray();
        double spread = Db((double)cyclePeaks.Max() / cyclePeaks.Min());
        _output.WriteLine($"1 kHz at 0 dBFS, ceiling -1 dBTP: cycle peaks within {spread:F4} dB");
        Assert.True(spread < 0.01, $"cycle peaks spread {spread:F4} dB: the gain pumps");
    }

    [Theory]
    [InlineData(44100, 22)]
    [InlineData(48000, 24)]
    [InlineData(96000, 48)]
    [InlineData(8000, 13)] // the interpolators' span (11) and a ramp of 2: 1.6 ms
    public void ReportedLatencyIsTheMeasuredOne(int sampleRate, int expected)
    {
        using var engine = LimitedEngine(CeilingCentiDb, sampleRate);
        var impulse = new int[2048];
        impulse[100] = 0x40000000; // -6 dBFS: under the ceiling, passes whole
        var (left, _) = RunAt(engine, impulse, impulse);
        int measured = Array.FindIndex(left, v => v != 0) - 100;
        _output.WriteLine($"{sampleRate} Hz: reported {engine.ReadLatencyFrames()}, measured {measured} frames");
        Assert.Equal(expected, engine.ReadLatencyFrames());
        Assert.Equal(engine.ReadLatencyFrames(), measured);

        engine.Set(EngineParam.OutputLimiter, 0, 0);
        Assert.Equal(0, engine.ReadLatencyFrames());
    }

    [Fact]
    public void AParallelCompressorMixThroughTheLimiterHasNoCombNotch()
    {
        // 50 % parallel compression with the limiter in: if a dry path skipped the limiter's delay, the two
        // halves would cancel at odd multiples of fs / (2 latency) (1 kHz, 3 kHz, ... at 24 frames).
        using var engine = LimitedEngine(0);
        engine.SetCompressor(thresholdCentiDb: -4000, ratioX100: 100, attackMicroseconds: 1000, releaseMilliseconds: 100,
            kneeCentiDb: 0, makeupCentiDb: 0, mixPercent: 50);
        engine.SetCompressorBypass(false);
        double worst = 0;
        foreach (double f in new[] { 250.0, 500, 1000, 2000, 3000, 5000, 7000, 9000, 15000 })
        {
            var sine = Signals.Sine(9600, f, 0.25);
            var (left, _) = Run(engine, sine, sine);
            double level = Db(RmsOf(left, 4800, 9600) / RmsOf(sine, 4800 - 24, 9600 - 24));
            worst = Math.Max(worst, Math.Abs(level));
        }
        _output.WriteLine($"50 % parallel mix (1:1) through the limiter, 250 Hz .. 15 kHz: level within {worst:F4} dB");
        Assert.True(worst < 0.01, $"{worst:F4} dB: a comb");
    }
}
