using System.Globalization;
using System.Text;
using MixBox.Firmware;

namespace MixBox.Cli;

/// <summary>
/// Writes a <see cref="Scene"/> as render JSON, every field given (what `mixbox scene export`
/// prints; <see cref="SceneJsonReader"/> reads it back to the same scene). Units: dB (to 0.01),
/// pan -100..100, ratio as x:1, attack and release in ms, the side-chain filter in Hz.
/// </summary>
public static class SceneJsonWriter
{
    /// <summary>What "target" may name: "none", then the delivery targets' keys (<see cref="TargetPresets"/>).</summary>
    public static string TargetKeys => string.Join(", ", new[] { TargetPresets.NoTargetKey }.Concat(TargetPresets.All.Select(t => t.Key)));

    public static readonly string[] MeterModes = { "peak", "rms", "loudness" }; // MeterMode.Peak, Rms, Loudness
    public static readonly string[] LinkModes = { "max", "average" };

    public static string Write(Scene s)
    {
        var j = new StringBuilder();
        j.AppendLine("{");
        j.AppendLine($"  \"name\": {Text(s.Name)},");
        j.AppendLine("  \"channels\": [");
        for (int c = 0; c < Scene.Channels; c++)
            j.AppendLine($"    {{ {Channel(s, c, withPan: true)} }}{(c < Scene.Channels - 1 ? "," : "")}");
        j.AppendLine("  ],");
        j.AppendLine("  \"pairs\": [");
        for (int p = 0; p < Scene.Pairs; p++)
            j.AppendLine($"    {{ {Pair(s, p)} }}{(p < Scene.Pairs - 1 ? "," : "")}");
        j.AppendLine("  ],");
        j.AppendLine("  \"sub_buses\": [");
        for (int b = 0; b < s.SubFaderCentiDb.Length; b++)
            j.AppendLine($"    {{ {SubBus(s, b)} }}{(b < s.SubFaderCentiDb.Length - 1 ? "," : "")}");
        j.AppendLine("  ],");
        j.AppendLine($"  \"main\": {{ \"fader_db\": {Db(s.MainFaderCentiDb)} }},");
        j.AppendLine("  \"compressor\": {");
        var compressor = CompressorFields(s);
        for (int i = 0; i < compressor.Length; i++)
            j.AppendLine($"    \"{compressor[i].Name}\": {compressor[i].Value}{(i < compressor.Length - 1 ? "," : "")}");
        j.AppendLine("  },");
        j.AppendLine($"  \"drive_db\": {Db(s.DriveCentiDb)},");
        j.AppendLine("  \"eq\": {");
        var eq = EqFields(s);
        for (int i = 0; i < eq.Length; i++)
            j.AppendLine($"    \"{eq[i].Name}\": {eq[i].Value}{(i < eq.Length - 1 ? "," : "")}");
        j.AppendLine("  },");
        j.AppendLine($"  \"de_esser\": {{ {Joined(DeEsserFields(s))} }},");
        j.AppendLine($"  \"stereo\": {{ {Joined(StereoFields(s))} }},");
        j.AppendLine($"  \"output\": {{ \"safety_clip\": {Bool(s.OutputSafety)}, \"true_peak\": {Bool(s.OutputTruePeak)}, \"ceiling_db\": {Db(s.OutputCeilingCentiDb)}, \"dither\": {Bool(s.OutputDither)} }},");
        j.AppendLine($"  \"meter_mode\": \"{MeterModes[s.MeterMode]}\",");
        j.AppendLine($"  \"target\": \"{TargetPresets.KeyOf(s.Target)}\"");
        j.AppendLine("}");
        return j.ToString();
    }

    public static string Channel(Scene s, int c, bool withPan) =>
        $"\"fader_db\": {Db(s.FaderCentiDb[c])}, \"trim_db\": {Db(s.TrimCentiDb[c])}, " + (withPan ? $"\"pan\": {s.Pan[c]}, " : "") +
        $"\"mute\": {Bool(s.Mute[c])}, \"solo\": {Bool(s.Solo[c])}, \"invert\": {Bool(s.Invert[c])}, \"sub_bus\": {s.SubBus[c]}, " +
        $"\"input_gain_db\": {s.InputGainDb[c]}, \"instrument\": {Bool(s.Instrument[c])}";

    public static string Pair(Scene s, int p) => $"\"linked\": {Bool(s.Linked[p])}, \"balance\": {s.Balance[p]}";

    public static string SubBus(Scene s, int b) => $"\"fader_db\": {Db(s.SubFaderCentiDb[b])}, \"mute\": {Bool(s.SubMute[b])}";

    public static (string Name, string Value)[] CompressorFields(Scene s) =>
    [
        ("in", Bool(s.CompressorIn)),
        ("threshold_db", Db(s.CompThresholdCentiDb)),
        ("ratio", Number(s.CompRatioX100 / 100.0)),
        ("attack_ms", Number(s.CompAttackMicroseconds / 1000.0)),
        ("release_ms", Number(s.CompReleaseMilliseconds)),
        ("knee_db", Db(s.CompKneeCentiDb)),
        ("makeup_db", Db(s.CompMakeupCentiDb)),
        ("mix_percent", Number(s.CompMixPercent)),
        ("sidechain_hpf_hz", Number(s.CompSidechainHighPassHz)),
        ("link", $"\"{LinkModes[s.CompLinkAverage ? 1 : 0]}\""),
    ];

    /// <summary>The bus EQ (docs/ENGINE.md "Mix-bus chain"), frequencies in Hz, gains in dB, Q as it is.</summary>
    public static (string Name, string Value)[] EqFields(Scene s) =>
    [
        ("after_compressor", Bool(s.EqAfterComp)),
        ("high_pass_hz", Number(s.EqHighPassHz)),
        ("high_pass_slope", Number(s.EqHighPassSlope)),
        ("low_shelf", $"{{ \"hz\": {s.EqLowShelfHz}, \"gain_db\": {Db(s.EqLowShelfCentiDb)}, \"gentle\": {Bool(s.EqLowShelfGentle)} }}"),
        ("bells", "[ " + string.Join(", ", Enumerable.Range(0, Scene.Bells).Select(b =>
            $"{{ \"hz\": {s.EqBellHz[b]}, \"gain_db\": {Db(s.EqBellCentiDb[b])}, \"q\": {Number(s.EqBellQX100[b] / 100.0)} }}")) + " ]"),
        ("proportional_q", Bool(s.EqProportionalQ)),
        ("high_shelf", $"{{ \"hz\": {s.EqHighShelfHz}, \"gain_db\": {Db(s.EqHighShelfCentiDb)} }}"),
        ("low_pass_hz", Number(s.EqLowpassHz)),
    ];

    public static (string Name, string Value)[] DeEsserFields(Scene s) =>
    [
        ("on", Bool(s.DeessOn)),
        ("hz", Number(s.DeessHz)),
        ("threshold_db", Db(s.DeessThresholdCentiDb)),
        ("range_db", Db(s.DeessRangeCentiDb)),
        ("release_ms", Number(s.DeessReleaseMilliseconds)),
        ("listen", Bool(s.DeessListen)),
    ];

    public static (string Name, string Value)[] StereoFields(Scene s) =>
    [
        ("width_percent", Number(s.StereoWidthPercent)),
        ("mono_below_hz", Number(s.StereoMonoBelowHz)),
    ];

    public static string Joined((string Name, string Value)[] fields) => string.Join(", ", fields.Select(f => $"\"{f.Name}\": {f.Value}"));

    public static string Db(int centiDb) => Number(centiDb / 100.0);

    public static string Number(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A JSON string literal.</summary>
    public static string Text(string v) => System.Text.Json.JsonSerializer.Serialize(v);

    public static string Bool(bool v) => v ? "true" : "false";
}
