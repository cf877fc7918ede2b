using System.Text;
using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli.FrontPanel;

/// <summary>The panel page's view of the box, as JSON: knobs, every LED, the engine's faders, loudness, parts.</summary>
public static class PanelState
{
    public const int Leds = 64;

    /// <summary>The simulated parts a page can unplug, by name.</summary>
    public static readonly (string Name, int Address)[] Parts =
    {
        ("adcA", MixBoxS3Board.AddressAdcA), ("adcB", MixBoxS3Board.AddressAdcB), ("dac", MixBoxS3Board.AddressDac),
        ("knobsA", MixBoxS3Board.AddressKnobAdcA), ("knobsB", MixBoxS3Board.AddressKnobAdcB), ("panel", MixBoxS3Board.AddressPanel),
    };

    public static int PartIndex(string name) => Array.FindIndex(Parts, p => p.Name == name);

    public static byte[] Json(BoxTwin twin, RealTimePlayer player, string[] names, bool[] plugged, int[] knobs)
    {
        var sb = new StringBuilder(1024);
        sb.Append("{\"leds\":\"");
        for (int i = 0; i < Leds; i++) sb.Append(twin.Led(i) ? '1' : '0');
        sb.Append("\",\"faders\":[");
        for (int c = 0; c < Scene.Channels; c++) sb.Append(c > 0 ? "," : "").Append(twin.Engine.Get(EngineParam.ChannelFaderCentiDb, c));
        sb.Append("],\"mutes\":[");
        for (int c = 0; c < Scene.Channels; c++) sb.Append(c > 0 ? "," : "").Append(twin.App.Scene.Mute[c] ? 1 : 0);
        sb.Append("],\"solos\":[");
        for (int c = 0; c < Scene.Channels; c++) sb.Append(c > 0 ? "," : "").Append(twin.App.Scene.Solo[c] ? 1 : 0);
        sb.Append("],\"names\":[");
        for (int c = 0; c < Scene.Channels; c++) sb.Append(c > 0 ? "," : "").Append('"').Append(c < names.Length ? names[c].Replace("\"", "") : "").Append('"');
        sb.Append("],\"knobs\":[");
        for (int k = 0; k < knobs.Length; k++) sb.Append(k > 0 ? "," : "").Append(knobs[k]);
        sb.Append("],\"parts\":{");
        for (int p = 0; p < Parts.Length; p++) sb.Append(p > 0 ? "," : "").Append('"').Append(Parts[p].Name).Append("\":").Append(plugged[p] ? "true" : "false");
        LoudnessReading l = twin.Engine.ReadLoudness();
        sb.Append("},\"main\":").Append(twin.App.Scene.MainFaderCentiDb)
          .Append(",\"gr\":").Append(twin.App.View.GainReductionCentiDb)
          .Append(",\"lufsM\":").Append(l.MomentaryCentiLufs)
          .Append(",\"lufsS\":").Append(l.ShortTermCentiLufs)
          .Append(",\"lufsI\":").Append(l.IntegratedCentiLufs)
          .Append(",\"truePeak\":").Append(l.TruePeakMaxCentiDb)
          .Append(",\"playing\":").Append(player.Playing ? "true" : "false")
          .Append(",\"ticks\":").Append(player.Ticks)
          .Append(",\"missed\":").Append(player.MissedDeadlines)
          .Append('}');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
