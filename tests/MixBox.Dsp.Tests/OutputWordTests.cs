using Xunit.Abstractions;
using static MixBox.Dsp.Tests.CompressorFixture;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The output word (EngineParam.OutputWordBits): 24 (default) or 16 bits, what the output stage's TPDF dither
/// targets and, at 16, the grid every output sample is rounded to. The check of the dither is the classic one,
/// chosen because it shows what TPDF is for rather than only its noise: a sine at -100 dBFS, a third of one
/// 16-bit LSB (2^-15 of full scale, -90.3 dBFS) at its peak, which plain rounding erases entirely (every sample
/// is under half a step) while TPDF keeps it: the error is independent of the signal (Lipshitz, Wannamaker and
/// Vanderkooy, JAES 1992), so the output still carries the sine at its level under a noise floor.
/// </summary>
public class OutputWordTests
{
    private const double Lsb16 = 65536.0;
    private readonly ITestOutputHelper _output;

    public OutputWordTests(ITestOutputHelper output) => _output = output;

    private static int[] Render16(int[] x, bool dither)
    {
        using var engine = StereoEngine();
        engine.SetOutputStage(safetyClip: false, ceilingCentiDb: -30, dither: dither);
        engine.Set(EngineParam.OutputWordBits, 0, 16);
        return Run(engine, x, x).Left;
    }

    [Fact]
    public void SixteenBitsIsTpdfDitheredAndKeepsASineUnderTheLsb()
    {
        const int frames = 480_000; // 10 s at 48 kHz
        const double amplitude = 1e-5, hz = 997; // -100 dBFS
        var x = Enumerable.Range(0, frames).Select(n => (int)Math.Round(amplitude * Math.Sin(2 * Math.PI * hz * n / SampleRate) * Signals.FullScale)).ToArray();

        var dithered = Render16(x, dither: true);
        Assert.All(dithered, v => Assert.Equal(0, v & 0xFFFF));            // on the 16-bit grid
        Assert.Equal(dithered, Render16(x, dither: true));                 // repeatable
        Assert.All(Render16(x, dither: false), v => Assert.Equal(0, v));   // plain rounding erases it

        // Error against the input, in 16-bit LSBs: TPDF of ±1 LSB plus rounding's ±0.5: within ±1.5, mean 0,
        // variance 1/6 + 1/12 = 1/4 (RMS 0.5 LSB), and uncorrelated with the signal.
        var error = dithered.Zip(x, (o, i) => (o - (double)i) / Lsb16).ToArray();
        double mean = error.Average(), rms = Math.Sqrt(error.Average(e => e * e));
        double correlation = error.Zip(x, (e, s) => e * s).Sum() / Math.Sqrt(error.Sum(e => e * e) * x.Sum(s => (double)s * s));
        // The sine's level in the output, by projection onto the input's frequency (the noise adds ~0.03 dB of spread here).
        double re = 0, im = 0;
        for (int n = 0; n < frames; n++)
        {
            re += dithered[n] * Math.Sin(2 * Math.PI * hz * n / SampleRate);
            im += dithered[n] * Math.Cos(2 * Math.PI * hz * n / SampleRate);
        }
        double level = 20 * Math.Log10(2 * Math.Sqrt(re * re + im * im) / frames / Signals.FullScale);
        _output.WriteLine($"16-bit TPDF: error mean {mean:F4} LSB, RMS {rms:F4} LSB (theory 0.5), peak {error.Max(Math.Abs):F3} LSB, correlation with the sine {correlation:F4}; sine in the output {level:F2} dBFS (input -100.00)");
        Assert.True(error.Max(Math.Abs) <= 1.5, $"peak error {error.Max(Math.Abs)} LSB");
        Assert.InRange(mean, -0.005, 0.005);
        Assert.InRange(rms, 0.49, 0.51);
        Assert.InRange(correlation, -0.01, 0.01);
        Assert.InRange(level, -100.2, -99.8);
    }

    [Fact]
    public void SixteenBitsWithoutDitherRoundsToTheNearestStepAndSaturatesOnTheGrid()
    {
        var random = new Random(8);
        var x = Enumerable.Range(0, 96_000).Select(_ => random.Next(-0x40000000, 0x40000000)).ToArray();
        x[0] = int.MaxValue;
        x[1] = int.MinValue;
        var y = Render16(x, dither: false);
        Assert.Equal(0x7FFF0000, y[0]);
        Assert.Equal(int.MinValue, y[1]);
        var error = y.Zip(x, (o, i) => (o - (double)i) / Lsb16).Skip(2).ToArray();
        Assert.True(error.Max(Math.Abs) <= 0.5, $"worst {error.Max(Math.Abs)} LSB");
        Assert.InRange(error.Average(), -0.01, 0.01);
    }

    [Fact]
    public void TheWordLengthIsTwentyFourOrSixteenAndTwentyFourByDefault()
    {
        using var engine = new MixEngine();
        Assert.Equal(24, engine.Get(EngineParam.OutputWordBits, 0));
        Assert.Throws<MixEngineException>(() => engine.Set(EngineParam.OutputWordBits, 0, 20));
        Assert.Throws<MixEngineException>(() => engine.Set(EngineParam.OutputWordBits, 0, 32));
        engine.Set(EngineParam.OutputWordBits, 0, 16);
        Assert.Equal(16, engine.Get(EngineParam.OutputWordBits, 0));
    }
}
