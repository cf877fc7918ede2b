using Xunit.Abstractions;
using static MixBox.Dsp.Tests.CompressorFixture;

namespace MixBox.Dsp.Tests;

/// <summary>
/// MixBox's bus compressor side by side with Faust's standard-library compressor
/// (co.peak_compression_gain_N_chan_db: the same Giannoulis gain computer and knee,
/// fully linked, smoothing after the gain computer), on the same signals.
///
/// Where they differ, and why:
/// - Detector. Faust smooths the gain with a branching one-pole (attack time while the
///   reduction grows, release time while it shrinks). MixBox uses the smooth decoupled
///   peak detector (Giannoulis eq. 17): a release stage that rises instantly, followed
///   by the attack stage. For a constant level both settle on the gain computer exactly;
///   on a sine, Faust's branching filter averages the reduction over each half cycle and
///   settles lower, MixBox holds the reduction of the peaks (the static curve by peak
///   level). After a level drop MixBox's release passes through the attack stage too,
///   lagging Faust by about the attack time: at most (reduction x attack / release) dB.
/// - Arithmetic. Faust runs in double; MixBox in fixed point (log2/exp2 tables): the
///   static curves agree within 0.01 dB.
/// - co.compressor_stereo (the simpler library compressor) differs more: it detects
///   |L| + |R| (6 dB above a mono signal's level), follows the amplitude in the linear
///   domain, and ties its knee smoothing to the attack time; it has no knee parameter.
/// </summary>
public class FaustPeerTests
{
    private readonly ITestOutputHelper _output;

    public FaustPeerTests(ITestOutputHelper output) => _output = output;

    /// <summary>MixBox's per-frame gain reduction (dB) on a stereo-identical signal.</summary>
    private static double[] OurGainReduction(FaustPeer.Case c, int[] x)
    {
        using var engine = StereoEngine();
        engine.SetCompressor((int)Math.Round(c.ThresholdDb * 100), (int)Math.Round(c.Ratio * 100),
            (int)Math.Round(c.AttackSeconds * 1e6), (int)Math.Round(c.ReleaseSeconds * 1e3), (int)Math.Round(c.KneeDb * 100), 0, 100);
        var (left, _) = Run(engine, x, x);
        return x.Zip(left, (i, o) => i == 0 ? 0 : Db((double)i / o)).ToArray();
    }

    private static double[] PeerGainReduction(FaustPeer.Case c, int[] x)
    {
        var signal = Signals.ToDouble(x);
        return FaustPeer.GainDb(c, signal, signal).Select(g => -g).ToArray();
    }

    [Fact]
    public void StaticCurvesAgreeForConstantLevels()
    {
        const int segment = 9600; // 200 ms per level: 200 attack times
        var levels = Enumerable.Range(0, 21).Select(k => -60 + 3 * k).ToArray();
        var x = levels.SelectMany(db => Constant(segment, Math.Pow(10, db / 20.0))).ToArray();
        double worst = 0;
        foreach (double threshold in new[] { -10.0, -20, -30 })
        foreach (double ratio in new[] { 2.0, 4, 10, 20 })
        foreach (double knee in new[] { 0.0, 6, 12 })
        {
            var c = new FaustPeer.Case(threshold, ratio, 0.001, 1.2, knee);
            var ours = OurGainReduction(c, x);
            var peer = PeerGainReduction(c, x);
            for (int k = 0; k < levels.Length; k++)
            {
                int end = (k + 1) * segment - 1;
                double difference = Math.Abs(ours[end] - peer[end]);
                worst = Math.Max(worst, difference);
                Assert.True(difference <= 0.01,
                    $"T {threshold}, R {ratio}, knee {knee}, level {levels[k]} dB: MixBox {ours[end]:F4} dB, Faust {peer[end]:F4} dB");
            }
        }
        _output.WriteLine($"static curve, constant levels, 36 settings x 21 levels: worst |MixBox - Faust| {worst:F4} dB");
    }

    [Fact]
    public void OnSinesFaustAveragesWhereMixBoxHoldsThePeak()
    {
        var c = new FaustPeer.Case(-20, 4, 0.001, 1.2, 0);
        foreach (int levelDb in new[] { -12, -6, 0 })
        {
            var sine = Signals.Sine(24000, 1000, Math.Pow(10, levelDb / 20.0));
            double ours = OurGainReduction(c, sine)[^12];   // at a positive peak of the last cycle
            double peer = PeerGainReduction(c, sine)[^12];
            double formula = ReferenceCompressor.GainComputer(levelDb, -20, 4, 0);
            _output.WriteLine($"1 kHz sine at {levelDb} dBFS: formula {formula:F3} dB, MixBox {ours:F3} dB, Faust {peer:F3} dB");
            Assert.InRange(ours, formula - 0.05, formula + 0.05);
            Assert.True(peer < ours, "Faust's branching smoother settles below the peak reduction on a sine");
        }
    }

    [Fact]
    public void StepResponsesAgreeWithinTheExplainedLag()
    {
        var c = new FaustPeer.Case(-20, 4, 0.003, 0.3, 0);
        // -20 dBFS (threshold) -> +10 dB for 0.5 s -> back: reduction 0 -> 7.5 dB -> 0.
        var x = Constant(4800, 0.1).Concat(Constant(24000, Math.Pow(10, -0.5))).Concat(Constant(48000, 0.1)).ToArray();
        var ours = OurGainReduction(c, x);
        var peer = PeerGainReduction(c, x);

        double attackWorst = Enumerable.Range(4800, 24000).Max(i => Math.Abs(ours[i] - peer[i]));
        double releaseWorst = Enumerable.Range(28800, 48000).Max(i => Math.Abs(ours[i] - peer[i]));
        double releaseBound = 7.5 * c.AttackSeconds / c.ReleaseSeconds + 0.01;
        _output.WriteLine($"step: attack worst |MixBox - Faust| {attackWorst:F4} dB, release worst {releaseWorst:F4} dB (bound {releaseBound:F3} dB)");
        Assert.True(attackWorst <= 0.01, $"attack differs by {attackWorst:F4} dB");
        Assert.True(releaseWorst <= releaseBound, $"release differs by {releaseWorst:F4} dB");
    }
}
