using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Firmware;
using MixBox.Twin;
using Xunit.Abstractions;

namespace MixBox.Cli.Tests;

/// <summary>
/// The bus page end to end in the twin: Compressor in held turns the eight level knobs into the
/// mix-bus toolkit's controls (Mute n picks the sub-page), values reach the engine and the
/// output, knobs pick their values up on entry and on return, the LEDs show the page, and a
/// turning knob's writes are coalesced.
/// </summary>
public class BusPageTwinTests(ITestOutputHelper log)
{
    private const int CompressorIn = MixBoxS3Board.KeyCompressorIn;

    private static int Mute(int c) => MixBoxS3Board.KeyMuteFirst + c;

    private static int Solo(int c) => MixBoxS3Board.KeySoloFirst + c;

    private static (BoxTwin Twin, TwinFeed Feed) NewBox()
    {
        var twin = new BoxTwin(new MemorySettingsStorage());
        return (twin, new TwinFeed(twin));
    }

    /// <summary>Opens the bus page on sub-page <paramref name="subPage"/> (0-based) and leaves Compressor in held.</summary>
    private static void OpenSubPage(TwinFeed feed, BoxTwin twin, int subPage)
    {
        feed.Hold(CompressorIn, true);
        Assert.True(twin.App.BusPage.Active);
        feed.Press(Mute(subPage));
        Assert.Equal(subPage, twin.App.BusPage.SubPage);
    }

    /// <summary>Turns knob <paramref name="knob"/> to where its control stands (pick-up), then to <paramref name="value"/>.</summary>
    private static void SetOnThePage(TwinFeed feed, BoxTwin twin, int knob, int value)
    {
        int control = twin.App.BusPage.Control(knob);
        feed.Turn(knob, BusControl.TravelOf(control, BusControl.Get(twin.App.Scene, control)));
        Assert.True(twin.App.Knobs.Engaged(knob));
        feed.Turn(knob, BusControl.TravelOf(control, value));
    }

    [Fact]
    public void HoldingCompressorInOpensTheBusPageAndOnlyATapSwitchesTheCompressor()
    {
        var (twin, feed) = NewBox();
        using var _ = twin;
        feed.Hold(CompressorIn, true);
        Assert.True(twin.App.BusPage.Active);
        feed.Run(60); // held longer than a tap, nothing done
        feed.Hold(CompressorIn, false);
        Assert.False(twin.App.BusPage.Active);
        Assert.False(twin.App.Scene.CompressorIn);

        feed.Press(CompressorIn); // a tap
        Assert.True(twin.App.Scene.CompressorIn);
        Assert.Equal(0, twin.Engine.Get(EngineParam.CompBypass, 0));

        OpenSubPage(feed, twin, BusPage.DeEsser); // quick, but a sub-page was chosen: not a tap
        feed.Hold(CompressorIn, false);
        Assert.True(twin.App.Scene.CompressorIn);
        Assert.False(twin.App.Scene.Mute[BusPage.DeEsser]); // in the page, Mute chose the sub-page
    }

    /// <summary>The audible check: a +12 dB bell at 1 kHz set on the panel raises a 1 kHz tone by 12 dB (within 0.2 dB).</summary>
    [Fact]
    public void ABellSetOnThePanelRaisesA1kHzToneBy12Db()
    {
        var (twin, feed) = NewBox();
        using var _ = twin;
        feed.Set(0, TwinFeed.Sine(-30, 1000));
        feed.Run(20);
        double before = Rms(feed.Run(10));

        OpenSubPage(feed, twin, BusPage.EqBells);
        SetOnThePage(feed, twin, 0, 1000);  // bell 1 frequency
        SetOnThePage(feed, twin, 1, 0);     // bell 1 gain: picked up at flat...
        feed.Turn(1, KnobTaper.FullTravel); // ...and turned to the stop
        feed.Hold(CompressorIn, false);
        feed.Run(20);
        Assert.InRange(twin.App.Scene.EqBellHz[0], 990, 1010);
        Assert.Equal(1200, twin.App.Scene.EqBellCentiDb[0]);
        Assert.Equal(twin.App.Scene.EqBellHz[0], twin.Engine.Get(EngineParam.EqBell1Hz, 0));
        Assert.Equal(1200, twin.Engine.Get(EngineParam.EqBell1CentiDb, 0));
        Assert.False(twin.App.Scene.CompressorIn);

        double after = Rms(feed.Run(10));
        double gain = 20 * Math.Log10(after / before);
        log.WriteLine($"bell at {twin.App.Scene.EqBellHz[0]} Hz, +12 dB: the 1 kHz tone rose {gain:F3} dB");
        Assert.InRange(gain, 12 - 0.2, 12 + 0.2);
    }

    [Fact]
    public void TheDeEsserAndStereoKnobsAndKeysReachTheEngine()
    {
        var (twin, feed) = NewBox();
        using var _ = twin;
        OpenSubPage(feed, twin, BusPage.DeEsser);
        feed.Press(Solo(0)); // de-esser in
        SetOnThePage(feed, twin, 0, 5000);
        SetOnThePage(feed, twin, 1, -3500);
        SetOnThePage(feed, twin, 2, 1000);
        SetOnThePage(feed, twin, 3, 150);
        feed.Press(Mute(BusPage.Stereo));
        SetOnThePage(feed, twin, 0, 150);
        SetOnThePage(feed, twin, 1, 100);
        feed.Press(Mute(BusPage.EqHigh));
        feed.Press(Solo(BusPage.EqPlacementSolo)); // EQ after the compressor
        feed.Hold(CompressorIn, false);
        feed.Run(ToolkitWriter.TicksPerWrite + 1);

        var s = twin.App.Scene;
        Assert.True(s.DeessOn && s.EqAfterComp);
        Assert.InRange(s.DeessHz, 4950, 5050);
        Assert.Equal((-3500, 1000), (s.DeessThresholdCentiDb, s.DeessRangeCentiDb));
        Assert.InRange(s.DeessReleaseMilliseconds, 148, 152);
        Assert.InRange(s.StereoWidthPercent, 148, 152);
        Assert.Equal(100, s.StereoMonoBelowHz);
        for (int p = (int)SceneApplier.FirstToolkitParam; p <= (int)SceneApplier.LastToolkitParam; p++)
            Assert.Equal(SceneApplier.ToolkitValue(s, (EngineParam)p), twin.Engine.Get((EngineParam)p, 0));
        Assert.Equal(0, s.FaderCentiDb.Sum()); // the level knobs did not move the levels
    }

    /// <summary>
    /// On entry a knob changes nothing until it reaches its bus value; on return it changes no
    /// level until it reaches the level again (it was left wherever the bus value put it).
    /// </summary>
    [Fact]
    public void KnobsPickUpTheirValuesOnEntryAndOnReturn()
    {
        var (twin, feed) = NewBox();
        using var _ = twin;
        OpenSubPage(feed, twin, BusPage.EqLow);
        Assert.False(twin.App.Knobs.Engaged(0)); // at 0 dB level travel; the high-pass (off) sits near the bottom
        feed.Turn(0, 3500);
        Assert.Equal(0, twin.App.Scene.EqHighPassHz); // not reached yet: nothing
        feed.Turn(0, 150);                            // crosses the off position: picked up
        Assert.True(twin.App.Knobs.Engaged(0));
        feed.Turn(0, BusControl.TravelOf(BusControl.HighPass, 40));
        Assert.Equal(40, twin.App.Scene.EqHighPassHz);
        feed.Hold(CompressorIn, false);
        feed.Run(ToolkitWriter.TicksPerWrite);
        Assert.Equal(40, twin.Engine.Get(EngineParam.EqHighPassHz, 0));

        // Back to levels: knob 1 stands at the high-pass's travel; the level stays until it reaches 0 dB's.
        Assert.False(twin.App.Knobs.Engaged(0));
        feed.Turn(0, 900);
        Assert.Equal(0, twin.App.Scene.FaderCentiDb[0]);
        Assert.Equal(0, twin.Engine.Get(EngineParam.ChannelFaderCentiDb, 0));
        Assert.Equal(40, twin.App.Scene.EqHighPassHz);
        feed.Turn(0, FaderLaw.TravelFromCentiDb(0));
        feed.Turn(0, FaderLaw.TravelFromCentiDb(-1000));
        Assert.InRange(twin.App.Scene.FaderCentiDb[0], -1030, -970);

        // And in again: the high-pass waits for its knob once more.
        feed.Hold(CompressorIn, true);
        Assert.False(twin.App.Knobs.Engaged(0));
        feed.Turn(0, FaderLaw.TravelFromCentiDb(-800));
        Assert.Equal(40, twin.App.Scene.EqHighPassHz);
    }

    [Fact]
    public void TheLedsShowThePageTheSubPageTheLiveKnobsAndTheSwitches()
    {
        var (twin, feed) = NewBox();
        using var _ = twin;
        int gr = MixBoxS3Board.LedGainReductionFirst;
        feed.Hold(CompressorIn, true);
        var compressorLed = new HashSet<bool>();
        for (int t = 0; t < 30; t++)
        {
            feed.Run(1);
            compressorLed.Add(twin.Led(MixBoxS3Board.LedCompressorIn));
        }
        Assert.Equal(2, compressorLed.Count); // blinking: the page is open
        Assert.Equal(new[] { true, false, false, false, false, false, false, false }, Enumerable.Range(gr, 8).Select(twin.Led));

        feed.Press(Mute(BusPage.DeEsser));
        Assert.Equal(new[] { false, false, false, true, false, false, false, false }, Enumerable.Range(gr, 8).Select(twin.Led));
        Assert.False(twin.Led(MixBoxS3Board.LedSignalFirst + 0));
        feed.Press(Solo(0));
        Assert.True(twin.Led(MixBoxS3Board.LedSignalFirst + 0));  // de-esser in
        Assert.False(twin.Led(MixBoxS3Board.LedSignalFirst + 1)); // not listening
        // Knobs 1-4 are live on the de-esser page (waiting to pick up: blinking), 5-8 are not.
        var waiting = new HashSet<bool>();
        for (int t = 0; t < 30; t++)
        {
            feed.Run(1);
            waiting.Add(twin.Led(MixBoxS3Board.LedClipFirst + 0));
            Assert.False(twin.Led(MixBoxS3Board.LedClipFirst + 5));
        }
        Assert.Equal(2, waiting.Count);
        int thresholdTravel = BusControl.TravelOf(BusControl.DeessThreshold, twin.App.Scene.DeessThresholdCentiDb);
        feed.Turn(1, thresholdTravel);
        feed.Run(1);
        Assert.True(twin.Led(MixBoxS3Board.LedClipFirst + 1)); // picked up: steady
        feed.Turn(1, KnobTaper.FullTravel);                   // threshold 0 dB: the left ladder full
        Assert.Equal(12, twin.LitLeds(MixBoxS3Board.LedBusMeterLeftFirst, MixBoxS3Board.BusMeterSegments));

        feed.Hold(CompressorIn, false);
        feed.Run(2);
        Assert.False(twin.Led(MixBoxS3Board.LedCompressorIn));            // the compressor's own state again (out)
        Assert.Equal(0, twin.LitLeds(gr, MixBoxS3Board.GainReductionSegments)); // the gain-reduction meter again
        Assert.False(twin.Led(MixBoxS3Board.LedSignalFirst + 0));          // the signal LEDs are inputs' again
    }

    /// <summary>
    /// A gain knob swept bottom to top in a second, a new position every tick: the engine's bell
    /// is written at most once per ToolkitWriter.TicksPerWrite ticks (plus the final value),
    /// and it ends exactly at the knob's value.
    /// </summary>
    [Fact]
    public void ASweepingKnobWritesTheEngineAtMostOncePerBandPerInterval()
    {
        var (twin, feed) = NewBox();
        using var _ = twin;
        OpenSubPage(feed, twin, BusPage.EqBells);
        SetOnThePage(feed, twin, 1, -1200);
        int writesBefore = twin.App.ToolkitWriter.WritesOfBand(EngineParam.EqBell1CentiDb);
        var changes = 0;
        int last = twin.App.Scene.EqBellCentiDb[0];
        for (int t = 1; t <= 100; t++)
        {
            twin.SetKnob(1, t * KnobTaper.FullTravel / 100);
            feed.Run(1);
            if (twin.App.Scene.EqBellCentiDb[0] != last) changes++;
            last = twin.App.Scene.EqBellCentiDb[0];
        }
        feed.Run(30);
        int writes = twin.App.ToolkitWriter.WritesOfBand(EngineParam.EqBell1CentiDb) - writesBefore;
        log.WriteLine($"a 1 s sweep changed the bell's gain {changes} times; engine writes of the band: {writes}");
        Assert.True(changes > 50, $"the knob changed the value {changes} times");
        Assert.InRange(writes, 2, 130 / ToolkitWriter.TicksPerWrite + 1);
        Assert.Equal(twin.App.Scene.EqBellCentiDb[0], twin.Engine.Get(EngineParam.EqBell1CentiDb, 0));
        Assert.Equal(1200, twin.App.Scene.EqBellCentiDb[0]);
    }

    private static double Rms(int[] stereo)
    {
        double sum = 0;
        for (int i = 0; i < stereo.Length; i += 2) sum += (double)stereo[i] * stereo[i];
        return Math.Sqrt(sum / (stereo.Length / 2));
    }
}
