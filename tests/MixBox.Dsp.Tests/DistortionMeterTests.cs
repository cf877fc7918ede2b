using Xunit.Abstractions;
using static MixBox.Dsp.Tests.CompressorFixture;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The distortion meters of the drive and safety stages (mixbox_distortion_read): energy of (stage output - its
/// linear part) re the linear part, against the analytic figure of each curve.
/// </summary>
public class DistortionMeterTests
{
    private readonly ITestOutputHelper _output;

    public DistortionMeterTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void StagesOffReadSilence()
    {
        using var engine = StereoEngine();
        var loud = Signals.Noise(9600, 1.0, seed: 4);
        engine.SetChannelFader(0, 600);
        Run(engine, loud, loud);
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, engine.ReadDistortion(EngineLimits.DistortionDrive));
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, engine.ReadDistortion(EngineLimits.DistortionSafety));
        Assert.Throws<MixEngineException>(() => engine.ReadDistortion(2));
    }

    [Theory]
    [InlineData(600, 0.25)]
    [InlineData(1200, 0.2)]
    [InlineData(300, 0.5)]
    [InlineData(1800, 0.1)]
    public void TheDriveCurveOnASineReadsItsAnalyticLevel(int driveCentiDb, double amplitude)
    {
        // The drive is y = f(g x) / (1.5 g) with f(u) = (3u - u^3) / 2, i.e. y = x - g^2 x^3 / 3 while |g x| <= 1:
        // its linear part is x, the residual -g^2 x^3 / 3. For x = A sin(t), sin^3 = (3 sin t - sin 3t) / 4, so
        // the residual is -(g^2 A^3 / 4) sin t + (g^2 A^3 / 12) sin 3t: a third harmonic of g^2 A^2 / 12 re the
        // fundamental, and a gain compression of g^2 A^2 / 4 in phase with it. Its RMS re the sine's is
        // g^2 A^2 sqrt(1/16 + 1/144) = g^2 A^2 sqrt(10) / 12.
        double g = Math.Pow(10, driveCentiDb / 2000.0);
        Assert.True(g * amplitude <= 1, "the test stays on the curve, under its flat top");
        double expected = 20 * Math.Log10(g * g * amplitude * amplitude * Math.Sqrt(10) / 12);

        using var engine = StereoEngine();
        engine.SetDrive(driveCentiDb);
        var sine = Signals.Sine(48000, 1000, amplitude);
        Run(engine, sine, sine); // past the 5 ms crossfade in
        engine.ReadDistortion(EngineLimits.DistortionDrive);
        Run(engine, sine, sine);
        double measured = engine.ReadDistortion(EngineLimits.DistortionDrive) / 100.0;
        _output.WriteLine($"drive {driveCentiDb / 100.0} dB, sine {20 * Math.Log10(amplitude):F1} dBFS: distortion {measured:F2} dB, analytic {expected:F2} dB");
        Assert.InRange(measured, expected - 0.2, expected + 0.2);
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, engine.ReadDistortion(EngineLimits.DistortionSafety));
    }

    [Fact]
    public void TheSoftClipReadsSilenceUnderItsKneeAndItsResidualOverIt()
    {
        using var engine = StereoEngine();
        engine.SetOutputStage(safetyClip: true, ceilingCentiDb: -30, dither: false);
        var under = Signals.Sine(9600, 1000, Math.Pow(10, -3.4 / 20));
        Run(engine, under, under);
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, engine.ReadDistortion(EngineLimits.DistortionSafety));

        // Over the knee: the reading is the residual of the clip's own curve (computed here in double).
        var over = Signals.Sine(48000, 1000, 1.0);
        var (left, _) = Run(engine, over, over);
        double residual = 0, signal = 0;
        for (int i = 0; i < over.Length; i++)
        {
            double x = over[i] / Signals.FullScale, y = left[i] / Signals.FullScale;
            residual += (y - x) * (y - x);
            signal += x * x;
        }
        double expected = 10 * Math.Log10(residual / signal);
        double measured = engine.ReadDistortion(EngineLimits.DistortionSafety) / 100.0;
        _output.WriteLine($"soft clip, 0 dBFS sine, ceiling -0.3: distortion {measured:F2} dB, from the output {expected:F2} dB");
        Assert.InRange(measured, expected - 0.05, expected + 0.05);
    }

    [Fact]
    public void TheLimiterReadsItsGainReductionOnASteadySine()
    {
        // A steady sine whose true peak is 3 dB over the ceiling is turned down by a steady g = 10^(-3/20):
        // output - delayed input = (g - 1) x, so the reading is 20 log10(1 - g) = -10.7 dB.
        using var engine = StereoEngine();
        engine.SetOutputStage(safetyClip: true, ceilingCentiDb: -300, dither: false);
        engine.Set(EngineParam.OutputLimiter, 0, 1);
        var sine = Signals.Sine(48000, 1000, 1.0);
        Run(engine, sine, sine);
        engine.ReadDistortion(EngineLimits.DistortionSafety);
        Run(engine, sine, sine);
        double measured = engine.ReadDistortion(EngineLimits.DistortionSafety) / 100.0;
        double expected = 20 * Math.Log10(1 - Math.Pow(10, -3 / 20.0));
        _output.WriteLine($"limiter, 0 dBFS 1 kHz sine, ceiling -3 dBTP: distortion {measured:F2} dB, expected {expected:F2} dB");
        Assert.InRange(measured, expected - 0.2, expected + 0.2);
    }
}
