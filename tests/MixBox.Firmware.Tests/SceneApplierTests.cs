using MixBox.Dsp;
using MixBox.Firmware;

namespace MixBox.Firmware.Tests;

/// <summary>SceneApplier is the one way from a scene to the engine: every field arrives, in the engine's units.</summary>
public class SceneApplierTests
{
    [Fact]
    public void EverySceneFieldReachesTheEngine()
    {
        var s = new Scene();
        for (int c = 0; c < Scene.Channels; c++)
        {
            s.FaderCentiDb[c] = -100 * c;
            s.TrimCentiDb[c] = 250 * c - 900;
            s.Pan[c] = 25 * c - 100;
            s.Mute[c] = c % 3 == 0;
            s.Solo[c] = c == 5;
            s.Invert[c] = c % 2 == 1;
            s.SubBus[c] = c % 3 - 1;
        }
        s.SubFaderCentiDb[0] = -300;
        s.SubFaderCentiDb[1] = 200;
        s.SubMute[1] = true;
        s.MainFaderCentiDb = -450;
        s.CompressorIn = true;
        s.CompThresholdCentiDb = -2200;
        s.CompRatioX100 = 250;
        s.CompAttackMicroseconds = 3000;
        s.CompReleaseMilliseconds = 300;
        s.CompKneeCentiDb = 900;
        s.CompMakeupCentiDb = 350;
        s.CompMixPercent = 60;
        s.CompSidechainHighPassHz = 150;
        s.CompLinkAverage = true;
        s.DriveCentiDb = 700;
        s.OutputSafety = false;
        s.OutputCeilingCentiDb = -100;
        s.OutputDither = true;
        Assert.True(SceneRules.IsValid(s));

        using var engine = new MixEngine();
        SceneApplier.Apply(s, engine, new ChannelMutes(engine));

        for (int c = 0; c < Scene.Channels; c++)
        {
            Assert.Equal(s.FaderCentiDb[c], engine.Get(EngineParam.ChannelFaderCentiDb, c));
            Assert.Equal(s.TrimCentiDb[c], engine.Get(EngineParam.ChannelTrimCentiDb, c));
            Assert.Equal(s.Pan[c], engine.Get(EngineParam.ChannelPan, c));
            Assert.Equal(s.Mute[c] ? 1 : 0, engine.Get(EngineParam.ChannelMute, c));
            Assert.Equal(s.Solo[c] ? 1 : 0, engine.Get(EngineParam.ChannelSolo, c));
            Assert.Equal(s.Invert[c] ? 1 : 0, engine.Get(EngineParam.ChannelInvert, c));
            Assert.Equal(s.SubBus[c], engine.Get(EngineParam.ChannelSubBus, c));
            Assert.Equal(s.SubBus[c] < 0 ? 1 : 0, engine.Get(EngineParam.ChannelToMain, c));
        }
        Assert.Equal(-300, engine.Get(EngineParam.SubFaderCentiDb, 0));
        Assert.Equal(200, engine.Get(EngineParam.SubFaderCentiDb, 1));
        Assert.Equal(0, engine.Get(EngineParam.SubMute, 0));
        Assert.Equal(1, engine.Get(EngineParam.SubMute, 1));
        Assert.Equal(-450, engine.Get(EngineParam.MainFaderCentiDb, 0));
        Assert.Equal(0, engine.Get(EngineParam.CompBypass, 0));
        Assert.Equal(-2200, engine.Get(EngineParam.CompThresholdCentiDb, 0));
        Assert.Equal(250, engine.Get(EngineParam.CompRatioX100, 0));
        Assert.Equal(3000, engine.Get(EngineParam.CompAttackMicroseconds, 0));
        Assert.Equal(300, engine.Get(EngineParam.CompReleaseMilliseconds, 0));
        Assert.Equal(900, engine.Get(EngineParam.CompKneeCentiDb, 0));
        Assert.Equal(350, engine.Get(EngineParam.CompMakeupCentiDb, 0));
        Assert.Equal(60, engine.Get(EngineParam.CompMixPercent, 0));
        Assert.Equal(150, engine.Get(EngineParam.CompSidechainHighPassHz, 0));
        Assert.Equal(1, engine.Get(EngineParam.CompLink, 0));
        Assert.Equal(700, engine.Get(EngineParam.DriveCentiDb, 0));
        Assert.Equal(0, engine.Get(EngineParam.OutputSafety, 0));
        Assert.Equal(-100, engine.Get(EngineParam.OutputCeilingCentiDb, 0));
        Assert.Equal(1, engine.Get(EngineParam.OutputDither, 0));
    }

    [Fact]
    public void ALinkedPairSharesItsLeftSidesTrim()
    {
        var s = new Scene();
        s.TrimCentiDb[2] = 600;
        s.TrimCentiDb[3] = -300;
        StereoLink.Link(s, 1);
        Assert.Equal(600, s.TrimCentiDb[3]);
    }
}
