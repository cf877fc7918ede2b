using System.Text.Json;
using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli.FrontPanel;

/// <summary>
/// The panel page's view of the box, as JSON: every LED, the knobs (where they stand, whether
/// they have control, where they must be turned to take it, what they set), the page a held
/// key has opened (store, bus, input), the scene memories and recall safes, the readings
/// (gain reduction, de-esser, loudness, true peak; the engine's octave bands and correlation),
/// the parts plugged in. All of it is read from
/// the firmware (its LEDs, its view, its pages, its memories): the page draws, never decides.
/// </summary>
public static class PanelState
{
    public const int Leds = 64;

    /// <summary>The simulated parts a page can unplug, by name.</summary>
    public static readonly (string Name, int Address)[] Parts =
    {
        ("adcA", MixBoxS3Board.AddressAdcA), ("adcB", MixBoxS3Board.AddressAdcB), ("dac", MixBoxS3Board.AddressDac),
        ("knobsA", MixBoxS3Board.AddressKnobAdcA), ("knobsB", MixBoxS3Board.AddressKnobAdcB), ("panel", MixBoxS3Board.AddressPanel),
    };

    public static readonly string[] MeterModes = ["peak", "RMS", "LUFS (momentary)"];

    public static int PartIndex(string name) => Array.FindIndex(Parts, p => p.Name == name);

    public static byte[] Json(BoxTwin twin, RealTimePlayer player, string[] names, bool[] plugged, int[] knobs)
    {
        MixBoxApp app = twin.App;
        Scene scene = app.Scene;
        using var buffer = new MemoryStream(4096);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            var leds = new char[Leds];
            for (int i = 0; i < Leds; i++) leds[i] = twin.Led(i) ? '1' : '0';
            w.WriteString("leds", new string(leds));
            Ints(w, "faders", Scene.Channels, c => twin.Engine.Get(EngineParam.ChannelFaderCentiDb, c));
            Ints(w, "mutes", Scene.Channels, c => scene.Mute[c] ? 1 : 0);
            Ints(w, "solos", Scene.Channels, c => scene.Solo[c] ? 1 : 0);
            w.WriteStartArray("names");
            for (int c = 0; c < Scene.Channels; c++) w.WriteStringValue(c < names.Length ? names[c] : "");
            w.WriteEndArray();
            Knobs(w, app, knobs);
            w.WriteStartObject("parts");
            for (int p = 0; p < Parts.Length; p++) w.WriteBoolean(Parts[p].Name, plugged[p]);
            w.WriteEndObject();
            w.WriteString("page", app.SelfTest.OnPanel ? "selftest" : app.StorePage.Active ? "store" : app.BusPage.Active ? "bus" : app.InputPage.Active ? "input" : "");
            Memories(w, app);
            if (app.BusPage.Active) BusPage(w, app);
            w.WriteString("meterMode", MeterModes[scene.MeterMode]);
            Readings(w, app);
            BusAnalysis(w, twin.Engine);
            w.WriteNumber("main", scene.MainFaderCentiDb);
            w.WriteBoolean("playing", player.Playing);
            w.WriteNumber("ticks", player.Ticks);
            w.WriteNumber("missed", player.MissedDeadlines);
            w.WriteNumber("blockMs", RealTimePlayer.TickMilliseconds); // a sample waits at most one tick before its block is sent
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Ints(Utf8JsonWriter w, string name, int count, Func<int, int> value)
    {
        w.WriteStartArray(name);
        for (int i = 0; i < count; i++) w.WriteNumberValue(value(i));
        w.WriteEndArray();
    }

    /// <summary>Each knob: where it stands, whether it has control (soft takeover), where it takes it, what it sets now and its value.</summary>
    private static void Knobs(Utf8JsonWriter w, MixBoxApp app, int[] knobs)
    {
        Ints(w, "knobs", knobs.Length, k => knobs[k]);
        w.WriteString("engaged", new string(Enumerable.Range(0, MixBoxS3Board.Knobs).Select(k => app.Knobs.Engaged(k) ? '1' : '0').ToArray()));
        Ints(w, "targets", MixBoxS3Board.Knobs, app.KnobTargetTravel);
        w.WriteStartArray("knobLabels");
        for (int k = 0; k < MixBoxS3Board.Knobs; k++) w.WriteStringValue(KnobText(app, k).Label);
        w.WriteEndArray();
        w.WriteStartArray("knobValues");
        for (int k = 0; k < MixBoxS3Board.Knobs; k++) w.WriteStringValue(KnobText(app, k).Value);
        w.WriteEndArray();
    }

    private static (string Label, string Value) KnobText(MixBoxApp app, int knob)
    {
        Scene s = app.Scene;
        if (knob == MixBoxS3Board.KnobMaster) return ("MASTER", Db(s.MainFaderCentiDb));
        if (knob == MixBoxS3Board.KnobCompressorAmount) return ("COMP AMOUNT", $"thr {s.CompThresholdCentiDb / 100.0:0.0} dB");
        if (app.BusPage.Active)
        {
            int control = app.BusPage.Control(knob);
            return control == BusControl.None ? ("—", "") : (PanelBusText.Control(control), PanelBusText.Value(control, BusControl.Get(s, control)));
        }
        if (app.InputPage.Active) return ("INPUT GAIN", $"{s.InputGainDb[knob]} dB");
        if (StereoLink.IsLinkedRightSide(s, knob)) return ("BALANCE", $"{s.Balance[StereoLink.Pair(knob)]}");
        return ("LEVEL", Db(s.FaderCentiDb[knob]));
    }

    private static string Db(int centiDb) => centiDb <= EngineLimits.FaderOffCentiDb ? "off" : $"{(centiDb > 0 ? "+" : "")}{centiDb / 100.0:0.0} dB";

    /// <summary>The 16 memories (held, damaged, names), the last one stored or recalled, the bank the store page shows, the safes.</summary>
    private static void Memories(Utf8JsonWriter w, MixBoxApp app)
    {
        SceneMemories memories = app.Memories;
        w.WriteStartObject("memories");
        w.WriteString("occupied", new string(Enumerable.Range(0, SceneMemories.Count).Select(m => memories.Occupied(m) ? '1' : '0').ToArray()));
        w.WriteString("damaged", new string(Enumerable.Range(0, SceneMemories.Count)
            .Select(m => memories.Outcome(m) == SettingsOutcome.CorruptUsingDefaults && !memories.Occupied(m) ? '1' : '0').ToArray()));
        w.WriteStartArray("names");
        for (int m = 0; m < SceneMemories.Count; m++) w.WriteStringValue(memories.Name(m));
        w.WriteEndArray();
        w.WriteNumber("current", app.CurrentMemory + 1); // 0: none
        w.WriteNumber("bank", app.StorePage.Active ? app.StorePage.Bank + 1 : 1);
        w.WriteString("safes", new string(Enumerable.Range(0, Scene.Channels).Select(c => app.Safes.Channel(c) ? '1' : '0').ToArray()));
        w.WriteBoolean("busSafe", app.Safes.Bus);
        w.WriteEndObject();
    }

    /// <summary>The bus page: its sub-page, and what the Solo keys switch there (on or off).</summary>
    private static void BusPage(Utf8JsonWriter w, MixBoxApp app)
    {
        BusPage page = app.BusPage;
        w.WriteStartObject("bus");
        w.WriteNumber("subPage", page.SubPage + 1);
        w.WriteString("name", PanelBusText.SubPages[page.SubPage]);
        w.WriteStartArray("switches");
        for (int solo = 0; solo < Scene.Channels; solo++)
        {
            w.WriteStartObject();
            bool known = page.Switch(app.Scene, solo, out bool on);
            w.WriteString("label", known ? PanelBusText.Switch(page.SubPage, solo) : "");
            w.WriteBoolean("on", known && on);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The readings of the firmware's view: gain reduction, de-esser reduction, loudness, true peak.</summary>
    private static void Readings(Utf8JsonWriter w, MixBoxApp app)
    {
        LoudnessReading l = app.View.Loudness;
        w.WriteNumber("gr", app.View.GainReductionCentiDb);
        w.WriteBoolean("deessOn", app.Scene.DeessOn);
        w.WriteNumber("deess", app.View.DeEsserReductionCentiDb);
        w.WriteNumber("lufsM", l.MomentaryCentiLufs);
        w.WriteNumber("lufsS", l.ShortTermCentiLufs);
        w.WriteNumber("lufsI", l.IntegratedCentiLufs);
        w.WriteNumber("lra", l.RangeCentiLu);
        w.WriteBoolean("lraStable", l.RangeStable);
        w.WriteNumber("truePeak", l.TruePeakMaxCentiDb);
    }

    /// <summary>The engine's octave analyser (cdB per band, 31.25 Hz .. 16 kHz), correlation meter and the
    /// distortion its drive and safety stages add, relative to the signal.</summary>
    private static void BusAnalysis(Utf8JsonWriter w, MixEngine engine)
    {
        SpectrumReading spectrum = engine.ReadSpectrum();
        CorrelationReading correlation = engine.ReadCorrelation();
        w.WriteBoolean("analysisOn", spectrum.On && correlation.On);
        Ints(w, "bands", EngineLimits.SpectrumBands, b => spectrum.BandCentiDb[b]);
        w.WriteNumber("correlation", correlation.CorrelationX10000);
        w.WriteNumber("lowCorrelation", correlation.LowCorrelationX10000);
        w.WriteNumber("width", correlation.WidthCentiDb);
        // What the drive and the safety stage add (read and reset here: the page is their one reader).
        w.WriteNumber("driveDistortion", engine.ReadDistortion(EngineLimits.DistortionDrive));
        w.WriteNumber("safetyDistortion", engine.ReadDistortion(EngineLimits.DistortionSafety));
    }
}
