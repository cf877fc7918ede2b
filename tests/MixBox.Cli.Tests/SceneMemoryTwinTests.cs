using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli.Tests;

/// <summary>
/// Scene memories end to end in the twin, through the front panel: store (Store held + Mute n)
/// and recall (Store held + Solo n, the bank of 9-16 after a tap of Compressor in) across a
/// power cycle; recall safes of a channel (Mute n + Solo n) and of the bus chain (Compressor
/// in held 1 s); the A/B slot and undo, bit-exact in the engine's parameters; the store page's
/// LEDs; the knobs' pickup after a recall; the recall's 5 ms ramps.
/// </summary>
public class SceneMemoryTwinTests
{
    private static int Mute(int c) => MixBoxS3Board.KeyMuteFirst + c;
    private static int Solo(int c) => MixBoxS3Board.KeySoloFirst + c;

    /// <summary>Every engine parameter that exists, by (parameter, index).</summary>
    private static Dictionary<(EngineParam, int), int> EngineParameters(MixEngine engine)
    {
        var all = new Dictionary<(EngineParam, int), int>();
        foreach (EngineParam p in Enum.GetValues<EngineParam>())
            for (int i = 0; i < 16; i++)
            {
                try { all[(p, i)] = engine.Get(p, i); }
                catch (MixEngineException) { }
            }
        Assert.True(all.Count > 60, $"only {all.Count} parameters read");
        return all;
    }

    /// <summary>The two sets of engine parameters are identical (the message lists what differs).</summary>
    private static void AssertSameParameters(Dictionary<(EngineParam, int), int> expected, Dictionary<(EngineParam, int), int> actual)
    {
        var differ = expected.Keys.Where(k => !actual.TryGetValue(k, out int v) || v != expected[k])
            .Select(k => $"{k.Item1}[{k.Item2}]: {expected[k]} -> {(actual.TryGetValue(k, out int v) ? v : (int?)null)}").ToArray();
        Assert.True(differ.Length == 0 && expected.Count == actual.Count, string.Join("; ", differ));
    }

    private static void StoreOnPanel(TwinFeed feed, int memory)
    {
        feed.Hold(MixBoxS3Board.KeyStore, true);
        if (memory >= 8) feed.Press(MixBoxS3Board.KeyCompressorIn);
        feed.Press(Mute(memory % 8));
        feed.Hold(MixBoxS3Board.KeyStore, false);
    }

    private static void RecallOnPanel(TwinFeed feed, int memory)
    {
        feed.Hold(MixBoxS3Board.KeyStore, true);
        if (memory >= 8) feed.Press(MixBoxS3Board.KeyCompressorIn);
        feed.Press(Solo(memory % 8));
        feed.Hold(MixBoxS3Board.KeyStore, false);
    }

    private static void ToggleChannelSafe(TwinFeed feed, int channel)
    {
        feed.Hold(MixBoxS3Board.KeyStore, true);
        feed.Hold(Solo(channel), true); // either order
        feed.Hold(Mute(channel), true);
        feed.Hold(Solo(channel), false);
        feed.Hold(Mute(channel), false);
        feed.Hold(MixBoxS3Board.KeyStore, false);
    }

    /// <summary>A mix unlike the power-on one, made with the knobs and keys.</summary>
    private static void MixOnPanel(TwinFeed feed, int fader0, int fader1)
    {
        feed.Turn(0, FaderLaw.TravelFromCentiDb(fader0));
        feed.Turn(1, FaderLaw.TravelFromCentiDb(fader1));
        feed.Run(30); // the knob filter settles completely: the knobs change nothing more
    }

    [Fact]
    public void MemoriesStoredOnThePanelComeBackAfterAPowerCycle()
    {
        var storage = new MemorySettingsStorage();
        Dictionary<(EngineParam, int), int> verse, chorus;
        using (var before = new BoxTwin(storage))
        {
            var feed = new TwinFeed(before);
            MixOnPanel(feed, -1500, -300);
            feed.Press(Mute(5));
            StoreOnPanel(feed, 2); // memory 3
            verse = EngineParameters(before.Engine);
            Assert.Equal(0, storage.Peek(0)?.Length ?? 0); // Store held as a modifier saved no power-on scene

            MixOnPanel(feed, -600, -2400);
            feed.Press(Mute(5));
            feed.Press(MixBoxS3Board.KeyCompressorIn);
            StoreOnPanel(feed, 10); // memory 11: bank 9-16
            chorus = EngineParameters(before.Engine);
            Assert.NotEqual(verse, chorus);
            Assert.True(before.App.Memories.Rename(2, "Verse"));
        }

        using var after = new BoxTwin(storage);
        var afterFeed = new TwinFeed(after);
        Assert.Equal("", after.BootReport.Memories);
        Assert.True(after.App.Memories.Occupied(2) && after.App.Memories.Occupied(10));
        Assert.False(after.App.Memories.Occupied(0) || after.App.Memories.Occupied(8));
        RecallOnPanel(afterFeed, 2);
        AssertSameParameters(verse, EngineParameters(after.Engine));
        Assert.Equal("Verse", after.App.Scene.Name);
        Assert.Equal(2, after.App.CurrentMemory);
        RecallOnPanel(afterFeed, 10);
        AssertSameParameters(chorus, EngineParameters(after.Engine));
        // An empty memory recalls nothing.
        RecallOnPanel(afterFeed, 0);
        AssertSameParameters(chorus, EngineParameters(after.Engine));
    }

    [Fact]
    public void StoreAloneStillSavesThePowerOnSceneAndStorePlusMeterModeStillRunsTheSelfTest()
    {
        var storage = new MemorySettingsStorage();
        using var twin = new BoxTwin(storage);
        var feed = new TwinFeed(twin);
        feed.Press(MixBoxS3Board.KeyStore);
        Assert.NotNull(storage.Peek(0));
        int writes = storage.Writes;
        feed.Hold(MixBoxS3Board.KeyStore, true);
        feed.Press(MixBoxS3Board.KeyMeterMode);
        Assert.True(twin.App.SelfTest.OnPanel);
        feed.Hold(MixBoxS3Board.KeyStore, false);
        Assert.Equal(writes, storage.Writes);
    }

    [Fact]
    public void AChannelSafeKeepsThatChannelAndTheRestIsRecalled()
    {
        using var twin = new BoxTwin(new MemorySettingsStorage());
        var feed = new TwinFeed(twin);
        MixOnPanel(feed, -1200, -1200);
        feed.Turn(2, FaderLaw.TravelFromCentiDb(-900));
        StoreOnPanel(feed, 0);
        var stored = EngineParameters(twin.Engine);

        MixOnPanel(feed, -300, -2000);
        feed.Turn(2, FaderLaw.TravelFromCentiDb(-100));
        feed.Press(Mute(1));
        feed.Press(Solo(1));
        ToggleChannelSafe(feed, 1);
        Assert.True(twin.App.Safes.Channel(1));
        Assert.False(twin.App.Safes.Channel(0) || twin.App.Safes.Channel(2));
        var beforeRecall = EngineParameters(twin.Engine);
        RecallOnPanel(feed, 0);

        var after = EngineParameters(twin.Engine);
        foreach (var ((param, index), value) in after)
        {
            bool channelOne = index == 1 && param.ToString().StartsWith("Channel");
            Assert.True((channelOne ? beforeRecall : stored)[(param, index)] == value, $"{param}[{index}] = {value}");
        }
        Assert.Equal(-2000, twin.Engine.Get(EngineParam.ChannelFaderCentiDb, 1), 30.0);
        Assert.Equal(1, twin.Engine.Get(EngineParam.ChannelSolo, 1));
        Assert.True(twin.App.Scene.Mute[1]);

        ToggleChannelSafe(feed, 1); // off again: the whole memory comes back
        RecallOnPanel(feed, 0);
        AssertSameParameters(stored, EngineParameters(twin.Engine));
    }

    [Fact]
    public void TheBusChainSafeKeepsCompressorDriveAndOutput()
    {
        using var twin = new BoxTwin(new MemorySettingsStorage());
        var feed = new TwinFeed(twin);
        MixOnPanel(feed, -600, -600);
        StoreOnPanel(feed, 5);
        var stored = EngineParameters(twin.Engine);

        // Another mix, with another bus chain.
        var scene = twin.App.Scene.Clone();
        scene.FaderCentiDb[0] = -2500;
        scene.CompressorIn = true;
        scene.CompThresholdCentiDb = -2200;
        scene.CompRatioX100 = 800;
        scene.DriveCentiDb = 900;
        scene.OutputCeilingCentiDb = -200;
        scene.OutputDither = true;
        twin.App.Recall(scene);
        feed.Run(2);
        var chain = EngineParameters(twin.Engine);

        feed.Hold(MixBoxS3Board.KeyStore, true);
        feed.Hold(MixBoxS3Board.KeyCompressorIn, true);
        feed.Run(StorePage.BusSafeTicks);
        feed.Hold(MixBoxS3Board.KeyCompressorIn, false);
        Assert.True(twin.App.Safes.Bus);
        Assert.Equal(0, twin.App.StorePage.Bank); // a hold is not a bank change
        Assert.True(twin.Led(MixBoxS3Board.LedMeterMode)); // the page shows the bus safe
        feed.Press(Solo(5));
        feed.Hold(MixBoxS3Board.KeyStore, false);

        var after = EngineParameters(twin.Engine);
        Assert.Equal(stored[(EngineParam.ChannelFaderCentiDb, 0)], after[(EngineParam.ChannelFaderCentiDb, 0)]);
        foreach (var ((param, index), value) in after)
        {
            string name = param.ToString();
            bool busChain = name.StartsWith("Comp") || name.StartsWith("Drive") || name.StartsWith("Output");
            if (busChain) Assert.True(chain[(param, index)] == value, $"{param}[{index}] = {value}");
        }
        Assert.Equal((true, -2200, 900), (twin.App.Scene.CompressorIn, twin.App.Scene.CompThresholdCentiDb, twin.App.Scene.DriveCentiDb));
    }

    [Fact]
    public void ABTogglesBetweenTwoStatesBitExactly()
    {
        using var twin = new BoxTwin(new MemorySettingsStorage());
        var feed = new TwinFeed(twin).Set(0, TwinFeed.Sine(-20, 440));
        MixOnPanel(feed, -700, -1300);
        var a = EngineParameters(twin.Engine);

        twin.App.ToggleAb(); // B starts as a copy of A
        Assert.True(twin.App.Ab.OnB);
        feed.Run(3);
        AssertSameParameters(a, EngineParameters(twin.Engine));
        MixOnPanel(feed, -200, -2600);
        feed.Press(Mute(3));
        var scene = twin.App.Scene.Clone();
        scene.InputGainDb[0] = 18;
        scene.CompressorIn = true;
        twin.App.Recall(scene);
        feed.Run(10);
        var b = EngineParameters(twin.Engine);
        Assert.NotEqual(a, b);

        for (int round = 0; round < 3; round++)
        {
            twin.App.ToggleAb();
            feed.Run(10); // the input gain step's mute is over
            Assert.False(twin.App.Ab.OnB);
            AssertSameParameters(a, EngineParameters(twin.Engine));
            twin.App.ToggleAb();
            feed.Run(10);
            AssertSameParameters(b, EngineParameters(twin.Engine));
            Assert.Equal(18, twin.App.Scene.InputGainDb[0]);
        }
    }

    [Fact]
    public void UndoPutsBackTheMixFromBeforeTheRecall()
    {
        using var twin = new BoxTwin(new MemorySettingsStorage());
        var feed = new TwinFeed(twin);
        Assert.False(twin.App.UndoRecall()); // nothing recalled yet
        MixOnPanel(feed, -1800, -400);
        StoreOnPanel(feed, 7);
        var memory = EngineParameters(twin.Engine);
        MixOnPanel(feed, -300, -3300);
        feed.Press(Solo(4));
        var mine = EngineParameters(twin.Engine);

        RecallOnPanel(feed, 7);
        AssertSameParameters(memory, EngineParameters(twin.Engine));
        Assert.True(twin.App.UndoRecall());
        feed.Run(2);
        AssertSameParameters(mine, EngineParameters(twin.Engine));
        Assert.True(twin.App.UndoRecall()); // and again: the recall once more
        AssertSameParameters(memory, EngineParameters(twin.Engine));
    }

    [Fact]
    public void WhileStoreIsHeldTheLedsShowOccupiedMemoriesTheCurrentOneAndTheSafes()
    {
        using var twin = new BoxTwin(new MemorySettingsStorage());
        var feed = new TwinFeed(twin);
        StoreOnPanel(feed, 1);
        StoreOnPanel(feed, 4);
        StoreOnPanel(feed, 12); // memory 13
        ToggleChannelSafe(feed, 6);

        feed.Hold(MixBoxS3Board.KeyStore, true);
        bool[] signal = Enumerable.Range(0, 8).Select(c => twin.Led(MixBoxS3Board.LedSignalFirst + c)).ToArray();
        Assert.Equal(new[] { false, true, false, false, true, false, false, false }, signal);
        Assert.Equal(0, twin.LitLeds(MixBoxS3Board.LedClipFirst, 8)); // memory 13 is current: not in this bank
        Assert.True(twin.Led(MixBoxS3Board.LedGainReductionFirst + 6));
        Assert.Equal(1, twin.LitLeds(MixBoxS3Board.LedGainReductionFirst, 8));
        Assert.False(twin.Led(MixBoxS3Board.LedCompressorIn));
        Assert.True(twin.Led(MixBoxS3Board.LedStore));

        feed.Press(MixBoxS3Board.KeyCompressorIn); // the bank of 9-16
        Assert.True(twin.Led(MixBoxS3Board.LedCompressorIn));
        Assert.Equal(1, twin.LitLeds(MixBoxS3Board.LedSignalFirst, 8));
        Assert.True(twin.Led(MixBoxS3Board.LedSignalFirst + 4));
        Assert.True(twin.Led(MixBoxS3Board.LedClipFirst + 4));
        Assert.Equal(1, twin.LitLeds(MixBoxS3Board.LedClipFirst, 8));
        feed.Hold(MixBoxS3Board.KeyStore, false);
        Assert.False(twin.App.Scene.CompressorIn); // the bank key did not switch the compressor

        // The page closed: the channel LEDs are meters again (silence: dark).
        feed.Run(2);
        Assert.Equal(0, twin.LitLeds(MixBoxS3Board.LedSignalFirst, 8));
    }

    [Fact]
    public void ADamagedMemoryIsReportedAtBootAndTheOthersLoad()
    {
        var storage = new MemorySettingsStorage();
        using (var before = new BoxTwin(storage))
        {
            var feed = new TwinFeed(before);
            for (int m = 0; m < 3; m++) StoreOnPanel(feed, m);
        }
        var bytes = storage.Peek(SettingsLayout.MemorySlot(1))!;
        bytes[^1] ^= 0xFF; // its CRC
        using var after = new BoxTwin(storage);
        Assert.Equal("scene memory 2: damaged, skipped (the other memories loaded)", after.BootReport.Memories);
        Assert.Contains("scene memory 2: damaged", after.BootReport.Describe());
        Assert.True(after.App.Memories.Occupied(0) && after.App.Memories.Occupied(2));
        Assert.False(after.App.Memories.Occupied(1));
    }

    /// <summary>
    /// After a recall a knob whose value changed holds still until it reaches the recalled value;
    /// a knob whose value the recall left alone keeps control at once.
    /// </summary>
    [Fact]
    public void KnobsPickUpRecalledValuesAndUnchangedKnobsKeepControl()
    {
        using var twin = new BoxTwin(new MemorySettingsStorage());
        var feed = new TwinFeed(twin);
        MixOnPanel(feed, -2000, -500);
        StoreOnPanel(feed, 0);
        feed.Turn(0, FaderLaw.TravelFromCentiDb(0)); // channel 1 moves away; channel 2 stays
        RecallOnPanel(feed, 0);
        int recalled = twin.App.Memories.Get(0)!.FaderCentiDb[0];
        Assert.Equal(-2000, recalled, 30.0);
        Assert.Equal(recalled, twin.App.Scene.FaderCentiDb[0]);

        feed.Turn(0, FaderLaw.TravelFromCentiDb(-300)); // towards, not yet at, the recalled -20 dB
        Assert.Equal(recalled, twin.App.Scene.FaderCentiDb[0]);
        feed.Turn(0, FaderLaw.TravelFromCentiDb(-2300)); // crossed it: the knob has the channel again
        Assert.Equal(-2300, twin.App.Scene.FaderCentiDb[0], 30.0);

        feed.Turn(1, FaderLaw.TravelFromCentiDb(-900)); // unchanged by the recall: follows at once
        Assert.Equal(-900, twin.App.Scene.FaderCentiDb[1], 30.0);
    }

    /// <summary>A recall fades through the engine's 5 ms ramps: no step between two samples larger than the ramp's.</summary>
    [Fact]
    public void ARecallGoesThroughTheRamps()
    {
        using var twin = new BoxTwin(new MemorySettingsStorage());
        var feed = new TwinFeed(twin).Set(0, TwinFeed.Dc(-6));
        StoreOnPanel(feed, 0); // channel 1 at 0 dB
        feed.Turn(0, FaderLaw.TravelFromCentiDb(-3000));
        feed.Run(5);
        feed.Output.Clear();
        var scene = twin.App.Memories.Get(0)!;
        twin.App.RecallMemory(0);
        feed.Run(3);
        var left = feed.Output.Where((_, i) => i % 2 == 0).Select(v => (double)v).ToArray();
        double change = Math.Abs(left[^1] - left[0]);
        double largestStep = left.Zip(left.Skip(1), (x, y) => Math.Abs(y - x)).Max();
        Assert.True(change > 0.3 * 2147483648.0, $"the level changed by {change}");
        // 5 ms at 48 kHz is 240 samples: no step may carry more than a tenth of the change.
        Assert.True(largestStep < change / 24, $"largest step {largestStep} of a change of {change}");
        Assert.Equal(scene.FaderCentiDb[0], twin.Engine.Get(EngineParam.ChannelFaderCentiDb, 0));
    }
}
