using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Firmware;
using MixBox.Hal.Sim;
using MixBox.Twin;

namespace MixBox.Cli.Tests;

/// <summary>
/// Input gain staging end to end in the twin: the panel's input page (Meter mode held), the
/// ADC models applying the analogue gain with their full-scale clip, the engine's meters and
/// output, auto-gain.
/// </summary>
public class InputGainTwinTests
{
    private const int MeterMode = MixBoxS3Board.KeyMeterMode;

    private static BoxTwin NewTwin(MemorySettingsStorage? storage = null) => new(storage ?? new MemorySettingsStorage());

    /// <summary>Holds Meter mode, turns a level knob to pick up the input's gain and then to <paramref name="db"/>, lets go.</summary>
    private static void SetGainOnThePanel(TwinFeed feed, BoxTwin twin, int channel, int db, Action? whileHeld = null)
    {
        feed.Hold(MeterMode, true);
        Assert.True(twin.App.InputPage.Active);
        feed.Turn(channel, InputGain.TravelFromDb(twin.App.Scene.InputGainDb[channel])); // pick-up
        feed.Turn(channel, InputGain.TravelFromDb(db));
        feed.Run(10);
        whileHeld?.Invoke();
        feed.Hold(MeterMode, false);
    }

    [Fact]
    public void RaisingTheGainOnThePanelRaisesThePreFaderMeterByTheSameDb()
    {
        using var twin = NewTwin();
        var feed = new TwinFeed(twin).Set(2, TwinFeed.Sine(-40, 1000));
        feed.Run(20);
        int before = feed.MaxPreFaderPeak(2, 10);

        SetGainOnThePanel(feed, twin, 2, 18, whileHeld: () =>
        {
            // While held, the left bus ladder shows the gain: 18 dB at 3.5 dB a segment is 5 segments.
            Assert.Equal(InputGain.LadderSegments(18, 12), twin.LitLeds(MixBoxS3Board.LedBusMeterLeftFirst, MixBoxS3Board.BusMeterSegments));
            Assert.Equal(5, InputGain.LadderSegments(18, 12));
        });
        feed.Run(10);
        int after = feed.MaxPreFaderPeak(2, 10);

        Assert.Equal(18, twin.App.Scene.InputGainDb[2]);
        Assert.Equal(18, twin.Board.AdcA.AnalogGainDb(2)); // the register the part reads
        Assert.InRange(after - before, 1800 - 20, 1800 + 20); // the same dB, within 0.2 dB
        Assert.Equal(0, twin.App.Scene.FaderCentiDb[2]);       // the fader kept its value
        Assert.Equal(0, twin.App.Scene.MeterMode);             // holding Meter mode was the page, not a mode change
    }

    /// <summary>
    /// A steady level (DC) on input 1 while its gain goes up 12 dB on the panel: the output
    /// never moves between two samples by more than the engine's 5 ms ramp does at the new
    /// level. The same change poked straight into the ADC's register, as firmware without the
    /// mute ramp would, jumps by far more (the check can fail).
    /// </summary>
    [Fact]
    public void AGainChangeMovesTheOutputNoFasterThanTheRamp()
    {
        const double level = -20, stepDb = 12;
        double centre = Math.Sqrt(0.5); // constant-power pan at the centre
        double high = Math.Pow(10, (level + stepDb) / 20) * centre * 2147483648.0;
        double rampStep = high / 240; // 5 ms at 48 kHz, from silence to the new level

        using var twin = NewTwin();
        var feed = new TwinFeed(twin).Set(0, TwinFeed.Dc(level));
        feed.Run(20);
        int start = feed.Output.Count;
        SetGainOnThePanel(feed, twin, 0, (int)stepDb);
        feed.Run(20);
        Assert.Equal(12, twin.Board.AdcA.AnalogGainDb(0));
        double largest = LargestStep(feed.Output, start);
        Assert.True(largest <= rampStep * 1.02, $"largest step {largest:F0} > ramp step {rampStep:F0}");
        Assert.Equal(high, feed.Output[^2], high * 1e-4); // and it arrived at the new level

        using var raw = NewTwin();
        var rawFeed = new TwinFeed(raw).Set(0, TwinFeed.Dc(level));
        rawFeed.Run(20);
        start = rawFeed.Output.Count;
        raw.Board.AdcA.Poke(0, Tlv320Adc6140Model.Ch1Cfg0 + 1, (byte)((int)stepDb << 2));
        rawFeed.Run(20);
        double rawLargest = LargestStep(rawFeed.Output, start);
        Assert.True(rawLargest > 50 * rampStep, $"an unramped change steps the output: {rawLargest:F0} vs {rampStep:F0}");
    }

    private static double LargestStep(List<int> stereo, int from)
    {
        double largest = 0;
        for (int i = Math.Max(from, 2); i < stereo.Count; i += 2) largest = Math.Max(largest, Math.Abs((double)stereo[i] - stereo[i - 2]));
        return largest;
    }

    [Fact]
    public void TheSignalAndClipLedsShowTheInputWhateverTheFader()
    {
        using var twin = NewTwin();
        var feed = new TwinFeed(twin).Set(1, TwinFeed.Sine(-30, 440)).Set(5, TwinFeed.Sine(0.5, 440));
        feed.Turn(1, FaderLaw.TravelFromCentiDb(-5500)); // input 2 at -85 dBFS after its fader
        feed.Turn(5, 0);                                 // input 6's fader off: silent in the mix
        feed.Run(20);
        Assert.True(twin.Led(MixBoxS3Board.LedSignalFirst + 1), "input 2: -30 dBFS at the input lights the signal LED");
        Assert.True(twin.App.View.ChannelMeter(1).LevelCentiDb < PanelView.SignalCentiDb, "though its post-fader level is below it");
        Assert.True(twin.Led(MixBoxS3Board.LedClipFirst + 5), "input 6 clips the converter with its fader off");
        Assert.True(twin.Board.AdcB.ClippedSamples > 0);
    }

    [Fact]
    public void AMutedInputWithItsFaderOffStillLightsItsSignalLedAndReadsItsLevel()
    {
        using var twin = NewTwin();
        var feed = new TwinFeed(twin).Set(2, TwinFeed.Sine(-30, 440));
        feed.Turn(2, 0);                               // fader at -inf
        feed.Press(MixBoxS3Board.KeyMuteFirst + 2);    // and muted
        Assert.True(twin.App.Scene.Mute[2]);
        int peak = feed.MaxPreFaderPeak(2, 20);
        Assert.InRange(peak, -3010, -2990);            // the input's -30 dBFS, within 0.1 dB
        Assert.True(twin.Led(MixBoxS3Board.LedSignalFirst + 2), "the signal LED shows the input, muted and faded out");
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, twin.App.Meters.PostFaderPeak(2));
    }

    [Fact]
    public void InstrumentRaisesImpedanceAndGainByTheFixedStepAndBack()
    {
        using var twin = NewTwin();
        var feed = new TwinFeed(twin);
        SetGainOnThePanel(feed, twin, 6, 5);
        feed.Hold(MeterMode, true);
        feed.Press(MixBoxS3Board.KeyMuteFirst + 6);
        Assert.True(twin.Led(MixBoxS3Board.LedSignalFirst + 6), "the page shows instrument inputs on their signal LEDs");
        feed.Hold(MeterMode, false);
        feed.Run(5);
        Assert.True(twin.App.Scene.Instrument[6]);
        Assert.False(twin.App.Scene.Mute[6]);                      // in the page, Mute is the line/instrument key
        Assert.Equal(20000, twin.Board.AdcB.InputImpedanceOhms(2));
        Assert.Equal(5 + InputGain.InstrumentStepDb, twin.Board.AdcB.AnalogGainDb(2));

        feed.Hold(MeterMode, true);
        feed.Press(MixBoxS3Board.KeyMuteFirst + 6);
        feed.Hold(MeterMode, false);
        feed.Run(5);
        Assert.False(twin.App.Scene.Instrument[6]);
        Assert.Equal(10000, twin.Board.AdcB.InputImpedanceOhms(2));
        Assert.Equal(5, twin.Board.AdcB.AnalogGainDb(2));
    }

    [Fact]
    public void ATapOfMeterModeStillCyclesTheMeterMode()
    {
        using var twin = NewTwin();
        twin.PressKey(MeterMode);
        Assert.Equal(Firmware.MeterMode.Rms, twin.App.Scene.MeterMode);
        twin.HoldKey(MeterMode, true);
        twin.RunSilence(80); // held, nothing done: the page, not a tap
        twin.HoldKey(MeterMode, false);
        twin.RunSilence(4);
        Assert.Equal(Firmware.MeterMode.Rms, twin.App.Scene.MeterMode);
    }

    /// <summary>Arms inputs with Meter mode held + their Solo keys; the box then listens.</summary>
    private static void Arm(TwinFeed feed, params int[] channels)
    {
        feed.Hold(MeterMode, true);
        foreach (int c in channels) feed.Press(MixBoxS3Board.KeySoloFirst + c);
        feed.Hold(MeterMode, false);
    }

    private static void RunUntilDone(TwinFeed feed, BoxTwin twin)
    {
        for (int t = 0; t < 20 * MixBoxApp.TicksPerSecond && twin.App.AutoGain.Listening; t++) feed.Run(1);
        Assert.False(twin.App.AutoGain.Listening);
        feed.Run(10); // the last gain steps
    }

    [Fact]
    public void AutoGainBringsThreeStemsOfDifferentLevelsToMinus12DbfsPeak()
    {
        double[] peaks = { -41.3, -26.6, -17.8 };
        using var twin = NewTwin();
        var feed = new TwinFeed(twin);
        for (int c = 0; c < 3; c++) feed.Set(c, TwinFeed.Stem(peaks[c], seed: c + 1));
        feed.Run(50);
        Arm(feed, 0, 1, 2);
        Assert.True(twin.App.AutoGain.Listening);
        RunUntilDone(feed, twin);

        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(AutoGainOutcome.Fitted, twin.App.AutoGain.Report.Outcome(c));
            int peak = feed.MaxPreFaderPeak(c, MixBoxApp.TicksPerSecond); // one whole loop of the stem
            Assert.InRange(peak, -1300, -1100);
            Assert.Equal(twin.App.Scene.InputGainDb[c], twin.Board.AdcA.AnalogGainDb(c));
            Assert.Equal(0, twin.App.Scene.FaderCentiDb[c]); // nothing compensated digitally
            Assert.Equal(0, twin.Engine.Get(EngineParam.ChannelTrimCentiDb, c));
        }
        Assert.Equal(new[] { 29, 15, 6 }, twin.App.Scene.InputGainDb[..3]);
        Assert.Contains("input 1: gain 29 dB", twin.App.AutoGain.Report.Describe());
    }

    [Fact]
    public void AutoGainReportsWhatItCouldNotFit()
    {
        using var twin = NewTwin();
        var feed = new TwinFeed(twin)
            .Set(3, TwinFeed.Stem(-4, seed: 7))      // too hot even at 0 dB
            .Set(4, TwinFeed.Stem(-70, seed: 8))     // too quiet even at 42 dB
            .Set(5, TwinFeed.Stem(-20, seed: 9));    // muted by the user: heard pre-fader, fitted all the same
        feed.Press(MixBoxS3Board.KeyMuteFirst + 5); // input 7 (6) has nothing plugged in: not heard
        Arm(feed, 3, 4, 5, 6);
        RunUntilDone(feed, twin);

        var report = twin.App.AutoGain.Report;
        Assert.Equal(AutoGainOutcome.TooHot, report.Outcome(3));
        Assert.Equal(0, twin.App.Scene.InputGainDb[3]);
        Assert.Equal(AutoGainOutcome.TooQuiet, report.Outcome(4));
        Assert.Equal(42, twin.App.Scene.InputGainDb[4]);
        Assert.Equal(AutoGainOutcome.Fitted, report.Outcome(5));
        Assert.Equal(8, twin.App.Scene.InputGainDb[5]);             // -20 dBFS peaks + 8 dB = -12
        Assert.True(twin.App.Scene.Mute[5]);                        // and still muted
        Assert.Equal(AutoGainOutcome.NotHeard, report.Outcome(6));
        Assert.Equal(0, twin.App.Scene.InputGainDb[6]);
        Assert.True(report.AnyUnfitted);
        string text = report.Describe();
        Assert.Contains("input 4: too hot: peaks -4.0 dBFS at 0 dB gain", text);
        Assert.Contains("input 5: too quiet", text);
        Assert.Contains("input 7: not heard", text);

        // The too-hot input's clip LED blinks fast for a while; the others' signal LEDs.
        var clip = new HashSet<bool>();
        var quiet = new HashSet<bool>();
        for (int t = 0; t < 50; t++)
        {
            feed.Run(1);
            clip.Add(twin.Led(MixBoxS3Board.LedClipFirst + 3));
            quiet.Add(twin.Led(MixBoxS3Board.LedSignalFirst + 4));
        }
        Assert.Equal(2, clip.Count);
        Assert.Equal(2, quiet.Count);
    }

    [Fact]
    public void AnInputThatClipsWhileListenedToIsHeardAgainFromTheBottom()
    {
        using var twin = NewTwin();
        var feed = new TwinFeed(twin).Set(4, TwinFeed.Stem(-20, seed: 5));
        SetGainOnThePanel(feed, twin, 4, 26); // the stem now peaks at +6 dBFS: it clips
        feed.Run(20);
        Assert.True(twin.Board.AdcB.ClippedSamples > 0);
        Arm(feed, 4);
        RunUntilDone(feed, twin);
        Assert.Equal(AutoGainOutcome.Fitted, twin.App.AutoGain.Report.Outcome(4));
        Assert.Equal(8, twin.App.Scene.InputGainDb[4]);
        Assert.Equal(0, twin.App.AutoGain.Report.HeardAtDb(4)); // the second listen was at 0 dB
    }

    [Fact]
    public void GainsAndInputSettingsSurviveAPowerCycleAndAreInPlaceBeforeTheAdcsRun()
    {
        var storage = new MemorySettingsStorage();
        using (var before = NewTwin(storage))
        {
            var feed = new TwinFeed(before);
            SetGainOnThePanel(feed, before, 1, 24);
            SetGainOnThePanel(feed, before, 7, 9);
            feed.Hold(MeterMode, true);
            feed.Press(MixBoxS3Board.KeyMuteFirst + 7);
            feed.Hold(MeterMode, false);
            feed.Press(MixBoxS3Board.KeyStore);
        }
        using var after = NewTwin(storage);
        Assert.Equal(SettingsOutcome.Loaded, after.BootReport.Settings);
        Assert.Equal(24, after.Board.AdcA.AnalogGainDb(1));
        Assert.Equal(9 + InputGain.InstrumentStepDb, after.Board.AdcB.AnalogGainDb(3));
        Assert.Equal(20000, after.Board.AdcB.InputImpedanceOhms(3));
        // Written before the part powered up, not afterwards.
        var writes = after.Board.AdcA.Writes.Select(w => w.Register).ToList();
        Assert.True(writes.LastIndexOf(Tlv320Adc6140Model.Ch1Cfg0 + 5 + 1) < writes.LastIndexOf(Tlv320Adc6140Model.PwrCfg));
    }
}
