namespace MixBox.Dsp.Tests;

/// <summary>Gain changes glide over 5 ms (240 frames at 48 kHz): no zipper, no click.</summary>
public class RampTests
{
    private const int Level = 0x19999900; // 0.2 FS DC on the 24-bit grid

    private static int[] RunDc(MixEngine engine, int frames, int blockFrames)
    {
        var dc = Enumerable.Repeat(Level, frames).ToArray();
        var silent = Signals.Silence(frames);
        return Signals.Left(Render.Run(engine, Signals.Interleave(dc, silent, silent, silent, silent, silent, silent, silent), blockFrames));
    }

    [Theory]
    [InlineData(EngineLimits.FaderOffCentiDb, 1200)]
    [InlineData(1200, EngineLimits.FaderOffCentiDb)]
    [InlineData(0, -600)]
    public void FaderMoveRampsLinearlyOverFiveMilliseconds(int fromCentiDb, int toCentiDb)
    {
        using var engine = EngineFixtures.WithOnlyChannels(0);
        engine.SetChannelPan(0, -100);
        engine.SetChannelFader(0, fromCentiDb);
        RunDc(engine, 1000, 32); // settle at the start gain

        engine.SetChannelFader(0, toCentiDb);
        var output = RunDc(engine, 1000, 32);

        double start = Level * Gain(fromCentiDb), end = Level * Gain(toCentiDb);
        double allowedStep = Math.Abs(end - start) / EngineFixtures.RampFrames;
        double previous = start;
        for (int i = 0; i < EngineFixtures.RampFrames; i++)
        {
            double expected = start + (end - start) * (i + 1) / EngineFixtures.RampFrames;
            Assert.InRange(output[i], expected - 2048, expected + 2048); // on the straight line
            Assert.True(Math.Abs(output[i] - previous) <= allowedStep + 2048,
                $"frame {i}: step {output[i] - previous} exceeds the ramp's {allowedStep:F0}");
            previous = output[i];
        }
        Assert.All(output.Skip(EngineFixtures.RampFrames), v => Assert.Equal(output[^1], v));
        Assert.InRange(output[^1], end - 256, end + 256);
    }

    [Fact]
    public void MuteFadesOutInsteadOfCutting()
    {
        using var engine = EngineFixtures.WithOnlyChannels(0);
        engine.SetChannelPan(0, -100);
        EngineFixtures.Settle(engine);
        engine.SetChannelMute(0, true);
        var output = RunDc(engine, 480, 7);

        Assert.True(output[0] > Level * 0.99, "the first frame after mute is still nearly full level");
        Assert.True(output[EngineFixtures.RampFrames / 2] is > (int)(Level * 0.45) and < (int)(Level * 0.55));
        Assert.All(output.Skip(EngineFixtures.RampFrames), v => Assert.Equal(0, v));
    }

    [Fact]
    public void ChangeDuringARampContinuesFromWhereTheGainIs()
    {
        using var engine = EngineFixtures.WithOnlyChannels(0);
        engine.SetChannelPan(0, -100);
        engine.SetChannelFader(0, EngineLimits.FaderOffCentiDb);
        RunDc(engine, 300, 32);
        engine.SetChannelFader(0, 0);
        var first = RunDc(engine, 100, 100);  // 100 of 240 frames up
        engine.SetChannelFader(0, EngineLimits.FaderOffCentiDb);
        var second = RunDc(engine, 300, 32);

        Assert.True(Math.Abs(second[0] - first[^1]) <= Level / EngineFixtures.RampFrames + 2048, "no jump when reversing mid-ramp");
        Assert.Equal(0, second[EngineFixtures.RampFrames - 1]);
    }

    /// <summary>
    /// Moving a sounding channel from the main bus to a sub-bus would cut it from main at
    /// once: it fades out over 5 ms, changes bus on the frame it is silent, and fades in
    /// over 5 ms through the sub-bus (here at -6 dB). Blocks of 7 frames put the switch
    /// inside a block.
    /// </summary>
    [Fact]
    public void ReroutingASoundingChannelFadesOutAndBackIn()
    {
        using var engine = EngineFixtures.WithOnlyChannels(0);
        engine.SetChannelPan(0, -100);
        engine.SetSubFader(0, -600);
        EngineFixtures.Settle(engine);
        engine.SetChannelRoute(0, toMain: false, subBus: 0);
        var output = RunDc(engine, 1000, 7);

        int ramp = EngineFixtures.RampFrames;
        double through = Level * Gain(-600);
        double previous = Level;
        for (int i = 0; i < 2 * ramp; i++)
        {
            double expected = i < ramp ? (double)Level * (ramp - 1 - i) / ramp : through * (i - ramp + 1) / ramp;
            Assert.InRange(output[i], expected - 2048, expected + 2048);
            Assert.True(Math.Abs(output[i] - previous) <= Level / (double)ramp + 2048, $"frame {i}: step {output[i] - previous}");
            previous = output[i];
        }
        Assert.Equal(0, output[ramp - 1]);
        Assert.All(output.Skip(2 * ramp), v => Assert.InRange(v, through - 256, through + 256));
    }

    [Fact]
    public void ReroutingASilentChannelTakesEffectAtOnce()
    {
        using var engine = EngineFixtures.WithOnlyChannels(0);
        engine.SetChannelPan(0, -100);
        engine.SetChannelMute(0, true);
        EngineFixtures.Settle(engine);
        engine.SetChannelRoute(0, toMain: false, subBus: 0);
        engine.SetChannelMute(0, false);
        var output = RunDc(engine, 480, 32);

        Assert.True(output[0] > 0, "fades in from the first frame, on the new bus");
        Assert.InRange(output[EngineFixtures.RampFrames - 1], Level - 256, Level + 256);
    }

    [Fact]
    public void RoutingBackDuringTheFadeOutReturnsWithoutASilence()
    {
        using var engine = EngineFixtures.WithOnlyChannels(0);
        engine.SetChannelPan(0, -100);
        EngineFixtures.Settle(engine);
        engine.SetChannelRoute(0, toMain: false, subBus: 0);
        var first = RunDc(engine, 100, 100);
        engine.SetChannelRoute(0, toMain: true, subBus: EngineLimits.NoSubBus);
        var second = RunDc(engine, 480, 32);

        Assert.True(Math.Abs(second[0] - first[^1]) <= Level / EngineFixtures.RampFrames + 2048, "no jump when going back");
        Assert.All(first.Concat(second), v => Assert.True(v > Level / 2, "never near silence"));
        Assert.Equal(Level, second[^1]);
    }

    private static double Gain(int centiDb) => centiDb <= EngineLimits.FaderOffCentiDb ? 0 : ReferenceMixer.DbToGain(centiDb / 100.0);
}

public class StartupTests
{
    [Fact]
    public void SceneSetBeforeTheFirstBlockAppliesAtOnce()
    {
        using var engine = EngineFixtures.WithOnlyChannels(0); // mutes set before any audio
        engine.SetChannelPan(0, 100);
        var x = Signals.Noise(64, 0.5, seed: 8);
        var loud = Signals.Noise(64, 0.9, seed: 9);
        var output = Render.Run(engine, Signals.Interleave(x, loud, loud, loud, loud, loud, loud, loud), 32);

        Assert.Equal(x, Signals.Right(output)); // from the very first frame
        Assert.All(Signals.Left(output), v => Assert.Equal(0, v));
    }
}
