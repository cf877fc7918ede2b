namespace MixBox.Dsp.Tests;

/// <summary>Unity gain must be a wire: not one bit changed.</summary>
public class UnityTests
{
    private static int[] FullRangeSignal(int frames)
    {
        var x = Signals.Noise(frames, 1.0, seed: 7);
        x[10] = 0x7FFFFF00;           // largest 24-bit code
        x[11] = unchecked((int)0x80000000); // most negative code
        x[12] = 0x100;                // one 24-bit LSB
        x[13] = -0x100;
        return x;
    }

    [Theory]
    [InlineData(-100, 0)]
    [InlineData(100, 1)]
    public void OneChannelAtZeroDbPannedHardIsBitExact(int pan, int side)
    {
        using var engine = EngineFixtures.WithOnlyChannels(3);
        engine.SetChannelPan(3, pan);
        EngineFixtures.Settle(engine);

        var x = FullRangeSignal(4800);
        var others = Signals.Noise(4800, 1.0, seed: 99); // muted channels carry signal too
        var input = Signals.Interleave(others, others, others, x, others, others, others, others);
        var output = Render.Run(engine, input, 32);

        Assert.Equal(x, side == 0 ? Signals.Left(output) : Signals.Right(output));
        Assert.All(side == 0 ? Signals.Right(output) : Signals.Left(output), v => Assert.Equal(0, v));
    }

    /// <summary>At 11 025 Hz meter segments are 110 or 111 frames (10 ms = 110.25): chunks still cut
    /// at them and nothing else changes, so unity stays a wire across many segment boundaries.</summary>
    [Theory]
    [InlineData(-100, 0)]
    [InlineData(100, 1)]
    public void OneChannelAtZeroDbPannedHardIsBitExactAt11025Hz(int pan, int side)
    {
        using var engine = EngineFixtures.WithOnlyChannelsAt(11025, 5);
        engine.SetChannelPan(5, pan);
        EngineFixtures.Settle(engine);

        var x = FullRangeSignal(11025);
        var others = Signals.Noise(11025, 1.0, seed: 98);
        var input = Signals.Interleave(others, others, others, others, others, x, others, others);
        var output = Render.Run(engine, input, 37);

        Assert.Equal(x, side == 0 ? Signals.Left(output) : Signals.Right(output));
        Assert.All(side == 0 ? Signals.Right(output) : Signals.Left(output), v => Assert.Equal(0, v));
    }

    [Fact]
    public void UnityThroughASubBusIsBitExact()
    {
        using var engine = EngineFixtures.WithOnlyChannels(0);
        engine.SetChannelPan(0, -100);
        engine.SetChannelRoute(0, toMain: false, subBus: 1);
        EngineFixtures.Settle(engine);

        var x = FullRangeSignal(2000);
        var silent = Signals.Silence(2000);
        var output = Render.Run(engine, Signals.Interleave(x, silent, silent, silent, silent, silent, silent, silent), 32);

        Assert.Equal(x, Signals.Left(output));
    }

    [Fact]
    public void PolarityInvertNegatesExactly()
    {
        using var engine = EngineFixtures.WithOnlyChannels(0);
        engine.SetChannelPan(0, 100);
        engine.SetChannelInvert(0, true);
        EngineFixtures.Settle(engine);

        var x = Signals.Noise(2000, 0.9, seed: 3);
        var silent = Signals.Silence(2000);
        var output = Render.Run(engine, Signals.Interleave(x, silent, silent, silent, silent, silent, silent, silent), 7);

        Assert.Equal(x.Select(v => -v).ToArray(), Signals.Right(output));
    }
}
