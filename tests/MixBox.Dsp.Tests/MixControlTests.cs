namespace MixBox.Dsp.Tests;

/// <summary>Mute, solo, routing and set-call order, as a user of the box meets them.</summary>
public class MixControlTests
{
    private const int Frames = 4800;

    private static int[] Material() => EngineFixtures.EightChannelMaterial(Frames, 0.1, seed: 9);

    private static int[] Settled(Action<MixEngine> setup)
    {
        using var engine = new MixEngine();
        setup(engine);
        EngineFixtures.Settle(engine);
        return Render.Run(engine, Material(), 32);
    }

    [Fact]
    public void MutedChannelIsRemovedBitExactly()
    {
        var withMute = Settled(e => e.SetChannelMute(3, true));
        var withoutChannel = Settled(e => e.SetChannelFader(3, EngineLimits.FaderOffCentiDb));
        Assert.Equal(withoutChannel, withMute);
        Assert.NotEqual(Settled(_ => { }), withMute);
    }

    [Fact]
    public void SoloInPlaceLeavesOnlySoloedChannels()
    {
        var soloed = Settled(e => { e.SetChannelSolo(2, true); e.SetChannelSolo(5, true); });
        var onlyThose = Settled(e => { for (int c = 0; c < 8; c++) if (c != 2 && c != 5) e.SetChannelMute(c, true); });
        Assert.Equal(onlyThose, soloed);
    }

    [Fact]
    public void SoloedChannelOnASubBusStillSounds()
    {
        var output = Settled(e => { e.SetChannelRoute(4, toMain: false, subBus: 1); e.SetChannelSolo(4, true); });
        Assert.Contains(output, v => v != 0);
        var subMuted = Settled(e => { e.SetChannelRoute(4, toMain: false, subBus: 1); e.SetChannelSolo(4, true); e.SetSubMute(1, true); });
        Assert.All(subMuted, v => Assert.Equal(0, v));
    }

    [Fact]
    public void SubBusFaderScalesItsChannels()
    {
        var direct = Settled(e => { for (int c = 0; c < 3; c++) e.SetChannelFader(c, -600); for (int c = 3; c < 8; c++) e.SetChannelMute(c, true); });
        var viaSub = Settled(e =>
        {
            for (int c = 0; c < 3; c++) e.SetChannelRoute(c, toMain: false, subBus: 0);
            for (int c = 3; c < 8; c++) e.SetChannelMute(c, true);
            e.SetSubFader(0, -600);
        });
        // Same -6 dB applied once per channel or once on the bus: equal within rounding.
        for (int i = 0; i < direct.Length; i++) Assert.InRange(viaSub[i] - direct[i], -512, 512);
    }

    [Fact]
    public void SetCallOrderDoesNotMatter()
    {
        var p = new MixParams(8);
        var random = new Random(21);
        foreach (var ch in p.Channel)
        {
            ch.TrimCentiDb = random.Next(-500, 500);
            ch.FaderCentiDb = random.Next(-3000, 600);
            ch.Pan = random.Next(-100, 101);
            ch.Solo = random.Next(3) == 0;
            ch.Mute = random.Next(5) == 0;
            ch.SubBus = random.Next(3) - 1;
        }
        p.SubFaderCentiDb[1] = -300;
        var calls = p.AsSetCalls().ToArray();
        int[] Run(IEnumerable<(EngineParam, int, int)> order)
        {
            using var engine = new MixEngine();
            foreach (var (param, index, value) in order) engine.Set(param, index, value);
            return Render.Run(engine, Material(), 32);
        }
        Assert.Equal(Run(calls), Run(calls.Reverse()));
        Assert.Equal(Run(calls), Run(calls.OrderBy(_ => random.Next())));
    }

    [Fact]
    public void ParametersReadBackAsSet()
    {
        using var engine = new MixEngine();
        engine.SetChannelPan(6, -37);
        engine.SetChannelRoute(6, toMain: false, subBus: 1);
        engine.SetMainFader(-250);
        Assert.Equal(-37, engine.Get(EngineParam.ChannelPan, 6));
        Assert.Equal(0, engine.Get(EngineParam.ChannelToMain, 6));
        Assert.Equal(1, engine.Get(EngineParam.ChannelSubBus, 6));
        Assert.Equal(-250, engine.Get(EngineParam.MainFaderCentiDb, 0));
        Assert.Equal(EngineLimits.NoSubBus, engine.Get(EngineParam.ChannelSubBus, 0));
    }
}
