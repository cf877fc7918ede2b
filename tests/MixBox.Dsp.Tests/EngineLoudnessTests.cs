using static MixBox.Dsp.Tests.CompressorFixture;

namespace MixBox.Dsp.Tests;

/// <summary>The loudness meter as the firmware sees it: through MixEngine, on the DAC's signal.</summary>
public class EngineLoudnessTests
{
    [Fact]
    public void StereoToneAtMinus23DbfsReadsMinus23LufsThroughTheEngine()
    {
        // EBU Tech 3341 case 1: stereo 1 kHz at -23 dBFS, 20 s -> M, S, I = -23.0 +-0.1 LU.
        using var engine = StereoEngine();
        var tone = Signals.Sine(20 * SampleRate, 1000, Math.Pow(10, -23 / 20.0));
        Run(engine, tone, tone);
        var reading = engine.ReadLoudness();

        Assert.InRange(reading.IntegratedCentiLufs, -2310, -2290);
        Assert.InRange(reading.MomentaryCentiLufs, -2310, -2290);
        Assert.InRange(reading.ShortTermCentiLufs, -2310, -2290);
        Assert.InRange(reading.TruePeakMaxCentiDb, -2340, -2260); // a 1 kHz tone's true peak is its peak
        Assert.False(reading.RangeStable, "less than 60 s since the start");
    }

    [Fact]
    public void LoudnessFollowsTheMainFaderAndResetStartsOver()
    {
        using var engine = StereoEngine();
        engine.SetMainFader(-1000);
        var tone = Signals.Sine(5 * SampleRate, 1000, Math.Pow(10, -13 / 20.0));
        Run(engine, tone, tone);
        Assert.InRange(engine.ReadLoudness().IntegratedCentiLufs, -2310, -2290); // -13 dBFS tone, -10 dB fader

        engine.ResetLoudness();
        var reset = engine.ReadLoudness();
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, reset.IntegratedCentiLufs);
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, reset.TruePeakMaxCentiDb);

        engine.SetMainFader(0);
        Run(engine, tone, tone);
        Assert.InRange(engine.ReadLoudness().IntegratedCentiLufs, -1320, -1280);
    }
}
