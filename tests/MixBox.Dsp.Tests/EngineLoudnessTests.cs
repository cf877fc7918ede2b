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

    /// <summary>
    /// ReadTruePeak is the true peak since the previous read (read-and-reset, for the TP-over LED), beside
    /// the loudness reading's max-hold, which it leaves alone, as ResetLoudness leaves it: a loud tone then
    /// a quiet one read loud then quiet, while the max-hold keeps the loud one. An over only between the
    /// samples (fs/4 at 45°) reads what libebur128 measures on the same output, within 0.2 dB (the
    /// meter tests' tolerance for true peak).
    /// </summary>
    [Fact]
    public void ReadTruePeakIsThePeakSinceTheLastReadBesideTheMaxHold()
    {
        using var engine = StereoEngine();
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, engine.ReadTruePeak());
        var loud = Signals.Sine(SampleRate / 2, 1000, Math.Pow(10, -6 / 20.0));
        var quiet = Signals.Sine(SampleRate / 2, 1000, Math.Pow(10, -20 / 20.0));
        Run(engine, loud, loud);
        Assert.InRange(engine.ReadTruePeak(), -610, -590);
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, engine.ReadTruePeak()); // nothing since

        Run(engine, quiet, quiet);
        Assert.InRange(engine.ReadTruePeak(), -2000, -600); // the step from loud to quiet lies between the samples read
        Run(engine, quiet, quiet);
        Assert.InRange(engine.ReadTruePeak(), -2010, -1990);
        Assert.InRange(engine.ReadLoudness().TruePeakMaxCentiDb, -610, -590); // the max-hold: the loud tone

        Run(engine, quiet, quiet);
        engine.ResetLoudness();
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, engine.ReadLoudness().TruePeakMaxCentiDb);
        Assert.InRange(engine.ReadTruePeak(), -2010, -1990); // not reset by ResetLoudness

        // The max-hold still sees what comes after a read: the quiet tone, again, after the reset.
        Run(engine, quiet, quiet);
        Assert.InRange(engine.ReadLoudness().TruePeakMaxCentiDb, -2010, -1990);

        var between = Signals.Sine(SampleRate, SampleRate / 4.0, Math.Pow(10, -0.5 / 20.0), phase: Math.PI / 4);
        engine.ReadTruePeak();
        var (left, right) = Run(engine, between, between);
        var output = Signals.Interleave(left, right);
        using var reference = new Ebur128(SampleRate);
        reference.Add(output, 0, left.Length);
        double truePeak = engine.ReadTruePeak() / 100.0;
        Assert.InRange(truePeak - reference.TruePeakDb, -0.2, 0.2);
        Assert.True(truePeak > -1.0, "over -1 dBTP while every sample is at -3.5 dBFS");
    }
}
