using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli.Tests;

/// <summary>
/// Stereo-linked pairs end to end in the twin: linked with both Mute keys of the pair in the
/// input page; the left knob moves both faders, the right knob is the balance (sine/cosine law,
/// checked against the output), mute and solo act on both, meters stay per side, and
/// unlinking gives each side its own control back where it sounded.
/// </summary>
public class StereoLinkTwinTests
{
    private static int Mute(int c) => MixBoxS3Board.KeyMuteFirst + c;

    /// <summary>Meter mode held, then both Mute keys of the pair together.</summary>
    private static void ToggleLink(TwinFeed feed, int left)
    {
        feed.Hold(MixBoxS3Board.KeyMeterMode, true);
        feed.Hold(Mute(left + 1), true);  // either order
        feed.Hold(Mute(left), true);
        feed.Hold(Mute(left), false);
        feed.Hold(Mute(left + 1), false);
        feed.Hold(MixBoxS3Board.KeyMeterMode, false);
    }

    private static (BoxTwin Twin, TwinFeed Feed) LinkedPair(int left)
    {
        var twin = new BoxTwin(new MemorySettingsStorage());
        var feed = new TwinFeed(twin)
            .Set(left, TwinFeed.Sine(-20, 500))
            .Set(left + 1, TwinFeed.Sine(-20, 700));
        feed.Run(10);
        ToggleLink(feed, left);
        Assert.True(twin.App.Scene.Linked[left / 2]);
        return (twin, feed);
    }

    private static int Fader(BoxTwin twin, int c) => twin.Engine.Get(EngineParam.ChannelFaderCentiDb, c);

    [Fact]
    public void LinkingMakesTheLeftKnobMoveBothFaders()
    {
        var (twin, feed) = LinkedPair(0);
        using var _ = twin;
        Assert.Equal(-100, twin.Engine.Get(EngineParam.ChannelPan, 0)); // pans give way: hard left and right
        Assert.Equal(100, twin.Engine.Get(EngineParam.ChannelPan, 1));
        Assert.False(twin.App.Scene.Mute[0]); // the chord toggled no line/instrument or mute
        Assert.False(twin.App.Scene.Instrument[0] || twin.App.Scene.Instrument[1]);

        feed.Turn(0, FaderLaw.TravelFromCentiDb(-1000));
        Assert.Equal(-1000, Fader(twin, 0), 30.0);
        Assert.Equal(Fader(twin, 0), Fader(twin, 1));
        feed.Turn(0, FaderLaw.TravelFromCentiDb(400));
        Assert.Equal(400, Fader(twin, 0), 30.0);
        Assert.Equal(Fader(twin, 0), Fader(twin, 1));
        // Meters stay per side: two tones, two readings of their own.
        feed.Set(1, null).Run(30);
        Assert.True(twin.App.Meters.PreFaderPeak(1) <= InputMeters.SilenceCentiDb);
        Assert.InRange(twin.App.Meters.PreFaderPeak(0), -2010, -1990);
    }

    /// <summary>Output level of each side against cos(|b|/100 * pi/2) on the far side, in a double model.</summary>
    [Theory]
    [InlineData(-100)]
    [InlineData(-50)]
    [InlineData(-15)]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(50)]
    [InlineData(90)]
    public void BalanceFollowsTheSineCosineLaw(int balance)
    {
        var (twin, feed) = LinkedPair(2);
        using var _ = twin;
        // The right knob is now the balance: it picks the centre up, then goes to the balance.
        feed.Turn(3, BalanceLaw.TravelFromBalance(0));
        feed.Turn(3, BalanceLaw.TravelFromBalance(balance));
        Assert.Equal(balance, twin.App.Scene.Balance[1]);
        feed.Run(10);
        var output = feed.Run(50);

        double Db(int side) => 10 * Math.Log10(Enumerable.Range(0, output.Length / 2).Average(i => Math.Pow(output[2 * i + side] / 2147483648.0, 2)));
        double Model(int side)
        {
            double away = side == 0 ? balance : -balance;
            double gain = away <= 0 ? 1 : Math.Cos(away / 100 * Math.PI / 2);
            return 20 * Math.Log10(gain * Math.Pow(10, -20 / 20.0) / Math.Sqrt(2)); // a -20 dBFS sine, RMS
        }
        for (int side = 0; side < 2; side++)
        {
            if (Math.Abs(balance) == 100 && (side == 0) == (balance > 0))
                Assert.All(Enumerable.Range(0, output.Length / 2), i => Assert.Equal(0, output[2 * i + side])); // off
            else
                Assert.Equal(Model(side), Db(side), 0.02); // dB
        }
    }

    [Fact]
    public void MuteAndSoloActOnBothSides()
    {
        var (twin, feed) = LinkedPair(2);
        using var _ = twin;
        feed.Set(0, TwinFeed.Sine(-20, 300));
        feed.Press(Mute(3));
        Assert.True(twin.App.Mutes.IsUserMuted(2) && twin.App.Mutes.IsUserMuted(3));
        feed.Press(Mute(2));
        Assert.False(twin.App.Mutes.IsUserMuted(2) || twin.App.Mutes.IsUserMuted(3));

        feed.Press(MixBoxS3Board.KeySoloFirst + 2);
        Assert.True(twin.App.Scene.Solo[2] && twin.App.Scene.Solo[3]);
        feed.Run(10);
        Assert.Equal(InputMeters.SilenceCentiDb, twin.App.Meters.PostFaderPeak(0)); // input 1 is soloed out of the mix
        Assert.InRange(twin.App.Meters.PreFaderPeak(0), -2010, -1990);              // but its input is still metered
        feed.Press(MixBoxS3Board.KeySoloFirst + 3);
        Assert.False(twin.App.Scene.Solo[2] || twin.App.Scene.Solo[3]);
    }

    [Fact]
    public void TheGainKnobOfALinkedPairSetsBothInputs()
    {
        var (twin, feed) = LinkedPair(4);
        using var _ = twin;
        feed.Hold(MixBoxS3Board.KeyMeterMode, true);
        feed.Turn(4, InputGain.TravelFromDb(0));
        feed.Turn(4, InputGain.TravelFromDb(15));
        feed.Turn(5, InputGain.TravelFromDb(0)); // the right knob does nothing in the page
        feed.Turn(5, InputGain.TravelFromDb(30));
        feed.Hold(MixBoxS3Board.KeyMeterMode, false);
        feed.Run(5);
        Assert.Equal(15, twin.Board.AdcB.AnalogGainDb(0));
        Assert.Equal(15, twin.Board.AdcB.AnalogGainDb(1));
    }

    [Fact]
    public void UnlinkingRestoresIndependentControlWhereEachSideSounded()
    {
        var (twin, feed) = LinkedPair(0);
        using var _ = twin;
        feed.Turn(0, FaderLaw.TravelFromCentiDb(-600));
        feed.Turn(1, BalanceLaw.TravelFromBalance(0));
        feed.Turn(1, BalanceLaw.TravelFromBalance(40));
        feed.Run(10);
        var linked = feed.Run(20);
        int level = twin.App.Scene.FaderCentiDb[0], balance = twin.App.Scene.Balance[0];
        Assert.InRange(balance, 38, 42);

        ToggleLink(feed, 0);
        Assert.False(twin.App.Scene.Linked[0]);
        feed.Run(10);
        Assert.Equal(linked, feed.Run(20)); // the same sound, bit for bit: each side kept its level and place
        Assert.Equal(level + BalanceLaw.FarSideAttenuationCentiDb(balance), Fader(twin, 0));
        Assert.Equal(level, Fader(twin, 1));
        Assert.Equal((-100, 100), (twin.App.Scene.Pan[0], twin.App.Scene.Pan[1]));

        // Now the right knob is input 2's level again (after picking it up), alone.
        int left = Fader(twin, 0);
        feed.Turn(1, FaderLaw.TravelFromCentiDb(level));
        feed.Turn(1, FaderLaw.TravelFromCentiDb(-2000));
        Assert.Equal(-2000, Fader(twin, 1), 30.0);
        Assert.Equal(left, Fader(twin, 0));
        feed.Press(Mute(1));
        Assert.True(twin.App.Mutes.IsUserMuted(1));
        Assert.False(twin.App.Mutes.IsUserMuted(0));
    }

    /// <summary>Polarity and routing have no keys: a recalled scene's linked pair takes both from its left side.</summary>
    [Fact]
    public void PolarityAndRoutingOfALinkedPairFollowTheLeftSide()
    {
        using var twin = new BoxTwin(new MemorySettingsStorage());
        var scene = twin.App.Scene.Clone();
        scene.Linked[2] = true;
        scene.Invert[4] = true;
        scene.SubBus[4] = 1;
        scene.Invert[5] = false;
        scene.SubBus[5] = -1;
        scene.Pan[4] = 30; // pans give way to hard left/right
        twin.App.Recall(scene);
        for (int c = 4; c <= 5; c++)
        {
            Assert.Equal(1, twin.Engine.Get(EngineParam.ChannelInvert, c));
            Assert.Equal(1, twin.Engine.Get(EngineParam.ChannelSubBus, c));
            Assert.Equal(0, twin.Engine.Get(EngineParam.ChannelToMain, c));
        }
        Assert.Equal((-100, 100), (twin.Engine.Get(EngineParam.ChannelPan, 4), twin.Engine.Get(EngineParam.ChannelPan, 5)));
        Assert.True(twin.App.Scene.Invert[5]); // and the scene says so
    }

    [Fact]
    public void ALinkIsStoredAndComesBackAfterAPowerCycle()
    {
        var storage = new MemorySettingsStorage();
        using (var before = new BoxTwin(storage))
        {
            var feed = new TwinFeed(before);
            ToggleLink(feed, 6);
            feed.Turn(7, BalanceLaw.TravelFromBalance(0));
            feed.Turn(7, BalanceLaw.TravelFromBalance(-60));
            feed.Press(MixBoxS3Board.KeyStore);
        }
        using var after = new BoxTwin(storage);
        Assert.True(after.App.Scene.Linked[3]);
        Assert.Equal(-60, after.App.Scene.Balance[3]);
        Assert.Equal(BalanceLaw.FarSideAttenuationCentiDb(-60), after.Engine.Get(EngineParam.ChannelFaderCentiDb, 7));
        Assert.Equal(100, after.Engine.Get(EngineParam.ChannelPan, 7));
    }
}
