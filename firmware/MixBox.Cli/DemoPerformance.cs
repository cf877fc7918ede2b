using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli;

/// <summary>
/// The demo: the built-in multitrack through the whole box in the twin, played by a
/// scripted pair of hands on the simulated front panel — the real firmware reads the
/// knobs and keys and drives the engine and the LEDs, as on the device.
/// </summary>
public static class DemoPerformance
{
    public const double Seconds = 8.0;
    public const int KeyHoldTicks = 5;

    public sealed record Result(int[] Stereo, MeterTimeline Timeline, BootReport Boot, LoudnessReading Loudness,
        int MaxGainReductionCentiDb, int PeakLeftCentiDb, int PeakRightCentiDb, Scene FinalScene);

    /// <summary>The factory scene the demo box has stored: drums on the drum bus, a small stereo mix.</summary>
    public static Scene FactoryScene()
    {
        var s = new Scene();
        int[] faders = { 0, -200, -900, -300, -600, -600, -100, -1000 };
        int[] pans = { 0, 5, 35, 0, -70, 70, 0, 0 };
        for (int c = 0; c < Scene.Channels; c++)
        {
            s.FaderCentiDb[c] = faders[c];
            s.Pan[c] = pans[c];
        }
        for (int c = 0; c < 3; c++) s.SubBus[c] = 0;   // kick, snare, hats -> drum bus
        s.SubFaderCentiDb[0] = -200;
        s.Mute[6] = true;                               // the lead comes in at 2 s
        s.MainFaderCentiDb = -600;
        s.CompThresholdCentiDb = -2200;                 // gentle glue, brought in at 3 s
        s.CompRatioX100 = 200;
        s.CompAttackMicroseconds = 30000;
        s.CompReleaseMilliseconds = 0;                  // auto
        s.CompKneeCentiDb = 600;
        s.CompMakeupCentiDb = 200;
        s.CompSidechainHighPassHz = 90;
        s.OutputSafety = true;
        s.OutputDither = true;                          // the WAV is 24-bit
        return s;
    }

    /// <param name="settingsDirectory">Where the box's settings live for the run (cleared first).</param>
    /// <param name="onTick">Called after each control tick with the twin and the time (for a live panel).</param>
    public static Result Run(string settingsDirectory, Action<BoxTwin, double>? onTick = null)
    {
        if (Directory.Exists(settingsDirectory)) Directory.Delete(settingsDirectory, recursive: true);
        var storage = new FileSettingsStorage(settingsDirectory);
        var factory = FactoryScene();
        var store = new SettingsStore(storage);
        store.Load();
        store.Save(factory);

        var input = DemoMultitrack.Render(BoxTwin.SampleRate, Seconds);
        int ticks = input.Length / BoxTwin.Channels / BoxTwin.TickFrames;
        var stereo = new int[ticks * BoxTwin.TickFrames * 2];
        var timeline = new MeterTimeline(BoxTwin.Channels, ticks, MeterTimeline.LevelSource.LedLadder);
        var channelLevels = new int[BoxTwin.Channels];
        int maxGr = 0, peakLeft = EngineLimits.MeterSilenceCentiDb, peakRight = EngineLimits.MeterSilenceCentiDb;

        using var twin = new BoxTwin(storage, t => PlaceKnobs(t, factory));
        for (int tick = 0; tick < ticks; tick++)
        {
            Perform(twin, tick, factory);
            twin.Run(input, tick * BoxTwin.TickFrames, stereo, tick * BoxTwin.TickFrames, BoxTwin.TickFrames);

            var view = twin.App.View;
            for (int c = 0; c < BoxTwin.Channels; c++) channelLevels[c] = view.ChannelMeter(c).LevelCentiDb;
            var loudness = twin.Engine.ReadLoudness();
            timeline.Add(tick / 100.0, channelLevels, view.BusMeter(0).LevelCentiDb, view.BusMeter(1).LevelCentiDb, view.GainReductionCentiDb, loudness);
            maxGr = Math.Max(maxGr, view.GainReductionCentiDb);
            peakLeft = Math.Max(peakLeft, view.BusMeter(0).HoldCentiDb);
            peakRight = Math.Max(peakRight, view.BusMeter(1).HoldCentiDb);
            onTick?.Invoke(twin, (tick + 1) / 100.0);
        }
        return new Result(stereo, timeline, twin.BootReport, twin.Engine.ReadLoudness(), maxGr, peakLeft, peakRight, twin.App.Scene.Clone());
    }

    /// <summary>Knobs rest where the stored scene has them, so the box starts in control.</summary>
    private static void PlaceKnobs(BoxTwin twin, Scene scene)
    {
        for (int c = 0; c < Scene.Channels; c++) twin.SetKnob(c, FaderLaw.TravelFromCentiDb(scene.FaderCentiDb[c]));
        twin.SetKnob(MixBoxS3Board.KnobMaster, FaderLaw.TravelFromCentiDb(scene.MainFaderCentiDb));
        twin.SetKnob(MixBoxS3Board.KnobCompressorAmount, CompressorAmount.TravelFromThreshold(scene.CompThresholdCentiDb));
    }

    /// <summary>The script, in 10 ms ticks.</summary>
    private static void Perform(BoxTwin twin, int tick, Scene factory)
    {
        Key(twin, tick, 200, MixBoxS3Board.KeyMuteFirst + 6);   // 2.0 s: un-mute the lead
        Key(twin, tick, 300, MixBoxS3Board.KeyCompressorIn);    // 3.0 s: bus compressor in
        if (tick >= 400 && tick <= 500)                          // 4-5 s: ride the hats down 6 dB
            twin.SetKnob(2, FaderLaw.TravelFromCentiDb(factory.FaderCentiDb[2] - 6 * (tick - 400)));
        Key(twin, tick, 550, MixBoxS3Board.KeyMeterMode);       // 5.5 s: meters to RMS
        Key(twin, tick, 600, MixBoxS3Board.KeySoloFirst + 6);   // 6.0 s: solo the lead...
        Key(twin, tick, 650, MixBoxS3Board.KeySoloFirst + 6);   // ...6.5 s: and back
        if (tick >= 700)                                         // 7-8 s: master fade, -6 to -26 dB
            twin.SetKnob(MixBoxS3Board.KnobMaster, FaderLaw.TravelFromCentiDb(factory.MainFaderCentiDb - 20 * (tick - 700)));
        Key(twin, tick, 760, MixBoxS3Board.KeyStore);            // 7.6 s: store the mix
    }

    private static void Key(BoxTwin twin, int tick, int at, int key)
    {
        if (tick == at) twin.HoldKey(key, true);
        if (tick == at + KeyHoldTicks) twin.HoldKey(key, false);
    }
}
