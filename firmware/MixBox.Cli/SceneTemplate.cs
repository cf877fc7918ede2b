using System.Text;
using MixBox.Dsp;
using MixBox.Firmware;

namespace MixBox.Cli;

/// <summary>
/// `mixbox scene template`: a starting scene with every field at the box's power-on value and a
/// comment saying what it does and its range. It is JSON with // comments, which
/// <see cref="SceneJsonReader"/> accepts, so it renders as it is. Values and ranges come from
/// <see cref="Scene"/> and <see cref="SceneRules"/>, so the template cannot drift from the box.
/// </summary>
public static class SceneTemplate
{
    public static string Text()
    {
        var s = new Scene();
        string D(int centiDb) => SceneJsonWriter.Db(centiDb);
        var t = new StringBuilder();
        t.AppendLine("// A MixBox scene for `mixbox render STEMS --scene FILE -o MIX`: the box's settings in user units.");
        t.AppendLine("// Every field may be left out: it then keeps the box's power-on value, which is what is written here.");
        t.AppendLine("// `mixbox scene export SETTINGS` prints the scene a box has stored, in this form.");
        t.AppendLine("{");
        t.AppendLine($"  \"name\": {SceneJsonWriter.Text(s.Name)},".PadRight(30) + $"// up to {SceneRules.NameMaxChars} printable ASCII characters (a scene memory's name)");
        t.AppendLine($"  // Render only: what feeds each of the box's {Scene.Channels} inputs. Left out: the stems' channels in command-line");
        t.AppendLine("  // order (a mono stem takes one input, a stereo stem two). Each entry is null (nothing plugged in) or");
        t.AppendLine("  // { \"stem\": N, \"channel\": C }, both counting from 1 (channel 1 if left out). For example inputs 1-3 from the");
        t.AppendLine("  // first stem and channels 3 and 4 of a multichannel second stem:");
        t.AppendLine("  // \"inputs\": [ { \"stem\": 1 }, { \"stem\": 2, \"channel\": 3 }, { \"stem\": 2, \"channel\": 4 } ],");
        t.AppendLine();
        t.AppendLine($"  // One entry per input, in order (up to {Scene.Channels}):");
        t.AppendLine($"  //   fader_db  {D(EngineLimits.FaderOffCentiDb)} (off) .. {D(EngineLimits.FaderMaxCentiDb)}      trim_db  {D(EngineLimits.TrimMinCentiDb)} .. {D(EngineLimits.TrimMaxCentiDb)} (gain ahead of the fader)");
        t.AppendLine($"  //   \"pan\": {EngineLimits.PanMin} (left) .. {EngineLimits.PanMax} (right), constant power. Left out here: centre ({s.Pan[0]}), except the two");
        t.AppendLine("  //             channels of a stereo stem, which go hard left and right. Write it to set it.");
        t.AppendLine("  //   mute, solo (solo in place), invert (polarity): true or false");
        t.AppendLine($"  //   sub_bus   {EngineLimits.NoSubBus}: straight to the main bus; 0 or 1: through that sub-bus instead");
        t.AppendLine($"  //   input_gain_db 0 .. {InputGain.MaxDb}, instrument true/false: the box's analogue input (converter) settings, kept");
        t.AppendLine("  //             with the scene; a render takes its stems as what the converters deliver and ignores them");
        t.AppendLine("  \"channels\": [");
        for (int c = 0; c < Scene.Channels; c++)
            t.AppendLine($"    {{ {SceneJsonWriter.Channel(s, c, withPan: false)} }}{(c < Scene.Channels - 1 ? "," : " ")}  // input {c + 1}");
        t.AppendLine("  ],");
        t.AppendLine("  // Stereo-linked pairs of inputs 1-2, 3-4, 5-6, 7-8: the left input's level, trim, mute, solo, polarity and routing");
        t.AppendLine($"  // hold for both, hard left and right; balance {BalanceLaw.Left} (left) .. {BalanceLaw.Right} (right) lowers the other side.");
        t.AppendLine("  \"pairs\": [");
        for (int p = 0; p < Scene.Pairs; p++)
            t.AppendLine($"    {{ {SceneJsonWriter.Pair(s, p)} }}{(p < Scene.Pairs - 1 ? "," : " ")}  // inputs {2 * p + 1}-{2 * p + 2}");
        t.AppendLine("  ],");
        t.AppendLine($"  // fader_db {D(EngineLimits.FaderOffCentiDb)} (off) .. {D(EngineLimits.FaderMaxCentiDb)}; mute true or false");
        t.AppendLine("  \"sub_buses\": [");
        for (int b = 0; b < s.SubFaderCentiDb.Length; b++)
            t.AppendLine($"    {{ {SceneJsonWriter.SubBus(s, b)} }}{(b < s.SubFaderCentiDb.Length - 1 ? "," : " ")}  // sub-bus {b}");
        t.AppendLine("  ],");
        t.AppendLine($"  \"main\": {{ \"fader_db\": {D(s.MainFaderCentiDb)} }},");
        t.AppendLine("  // The bus compressor (stereo-linked, feed-forward), after the main fader.");
        t.AppendLine("  \"compressor\": {");
        string[] help =
        [
            "true: compressing the mix; false: out",
            $"{D(SceneRules.ThresholdMinCentiDb)} .. {D(SceneRules.ThresholdMaxCentiDb)}",
            $"{SceneRules.RatioMinX100 / 100} .. {SceneRules.RatioMaxX100 / 100} (x:1)",
            $"{SceneRules.AttackMinMicroseconds / 1000.0} .. {SceneRules.AttackMaxMicroseconds / 1000}",
            $"0 = auto (program dependent), or {SceneRules.ReleaseMinMilliseconds} .. {SceneRules.ReleaseMaxMilliseconds}",
            $"0 .. {D(SceneRules.KneeMaxCentiDb)} (soft knee width)",
            $"0 .. {D(SceneRules.MakeupMaxCentiDb)}",
            "0 .. 100: the compressed share (parallel compression)",
            $"0 = off, or {SceneRules.SidechainMinHz} .. {SceneRules.SidechainMaxHz}: high-pass in the detector",
            "\"max\" of |L| and |R|, or their \"average\"",
        ];
        var fields = SceneJsonWriter.CompressorFields(s);
        for (int i = 0; i < fields.Length; i++)
        {
            string line = $"    \"{fields[i].Name}\": {fields[i].Value}{(i < fields.Length - 1 ? "," : "")}";
            t.AppendLine($"{line.PadRight(30)}// {help[i]}");
        }
        t.AppendLine("  },");
        t.AppendLine($"  \"drive_db\": {D(s.DriveCentiDb)},".PadRight(30) + $"// 0 (off) .. {D(SceneRules.DriveMaxCentiDb)}: soft saturation after the compressor");
        t.AppendLine("  // The bus EQ: before the compressor, or after it. Every band at 0 dB and the filters off: bit-exact and free.");
        t.AppendLine("  \"eq\": {");
        string[] eqHelp =
        [
            "false: before the compressor; true: after it",
            $"0 (off) or {string.Join(", ", SceneRules.HighPassChoicesHz)}",
            $"{SceneRules.HighPassSlopeGentle} or {SceneRules.HighPassSlopeSteep} dB/oct",
            $"hz {SceneRules.LowShelfMinHz} .. {SceneRules.LowShelfMaxHz}, gain_db {D(-SceneRules.EqGainMaxCentiDb)} .. {D(SceneRules.EqGainMaxCentiDb)}, gentle: the Pultec-like slope",
            $"two bells: hz {SceneRules.BellMinHz} .. {SceneRules.BellMaxHz}, gain_db {D(-SceneRules.EqGainMaxCentiDb)} .. {D(SceneRules.EqGainMaxCentiDb)}, q {SceneRules.BellMinQX100 / 100.0} .. {SceneRules.BellMaxQX100 / 100}",
            "true: the bells' Q rises with their gain",
            $"hz {SceneRules.HighShelfMinHz} .. {SceneRules.HighShelfMaxHz}, gain_db {D(-SceneRules.EqGainMaxCentiDb)} .. {D(SceneRules.EqGainMaxCentiDb)}",
            $"0 (off) or {SceneRules.LowpassMinHz} .. {SceneRules.LowpassMaxHz}: the air band's low-pass",
        ];
        var eq = SceneJsonWriter.EqFields(s);
        for (int i = 0; i < eq.Length; i++)
        {
            string line = $"    \"{eq[i].Name}\": {eq[i].Value}{(i < eq.Length - 1 ? "," : "")}";
            t.AppendLine($"{line.PadRight(31)} // {eqHelp[i]}");
        }
        t.AppendLine("  },");
        t.AppendLine("  // The de-esser (split band, one detector for both sides), first in the bus chain: on; hz (detector band)");
        t.AppendLine($"  // {SceneRules.DeessMinHz} .. {SceneRules.DeessMaxHz}; threshold_db {D(SceneRules.DeessThresholdMinCentiDb)} .. {D(SceneRules.DeessThresholdMaxCentiDb)}; range_db 0 .. {D(SceneRules.DeessRangeMaxCentiDb)} (largest reduction);");
        t.AppendLine($"  // release_ms {SceneRules.DeessReleaseMinMilliseconds} .. {SceneRules.DeessReleaseMaxMilliseconds}; listen: hear only what the detector hears.");
        t.AppendLine($"  \"de_esser\": {{ {SceneJsonWriter.Joined(SceneJsonWriter.DeEsserFields(s))} }},");
        t.AppendLine($"  // Stereo tools after the drive: width_percent 0 .. {SceneRules.WidthMaxPercent} (side gain, 100 untouched); mono_below_hz 0 (off)");
        t.AppendLine($"  // or {string.Join(", ", SceneRules.MonoBelowChoicesHz)}: the side's bass centred.");
        t.AppendLine($"  \"stereo\": {{ {SceneJsonWriter.Joined(SceneJsonWriter.StereoFields(s))} }},");
        t.AppendLine("  \"output\": {");
        t.AppendLine($"    \"safety_clip\": {SceneJsonWriter.Bool(s.OutputSafety)},".PadRight(30) + "// soft clip to the ceiling before the output");
        t.AppendLine($"    \"true_peak\": {SceneJsonWriter.Bool(s.OutputTruePeak)},".PadRight(30) + "// with safety_clip: a look-ahead true-peak limiter instead (ceiling in dBTP, 0.5 ms latency)");
        t.AppendLine($"    \"ceiling_db\": {D(s.OutputCeilingCentiDb)},".PadRight(30) + $"// {D(SceneRules.CeilingMinCentiDb)} .. {D(SceneRules.CeilingMaxCentiDb)} dBFS");
        t.AppendLine($"    \"dither\": {SceneJsonWriter.Bool(s.OutputDither)}".PadRight(30) + "// TPDF dither to 24 bits (with --format pcm16: to 16 bits)");
        t.AppendLine("  },");
        t.AppendLine($"  \"meter_mode\": \"{SceneJsonWriter.MeterModes[s.MeterMode]}\",".PadRight(30) + "// the panel's bus meters: \"peak\", \"rms\" or \"loudness\" (no effect on a render)");
        t.AppendLine($"  \"target\": \"{TargetPresets.KeyOf(s.Target)}\"".PadRight(30) + $"// delivery target: {SceneJsonWriter.TargetKeys} (the LUFS meter's reference; the render's report)");
        t.AppendLine("}");
        return t.ToString();
    }
}
