using System.Text.Json;
using System.Text.Json.Serialization;
using MixBox.Dsp;

namespace MixBox.Cli;

/// <summary>
/// A render scene as JSON (snake_case, unknown keys refused): per input channel, in stem
/// order (a stereo stem takes two), fader/trim in dB, pan -100..100, mute, solo, invert,
/// sub_bus (-1, 0, 1; a channel on a sub-bus reaches the mix through it); sub_buses;
/// main; compressor; drive_db; output. Every value is checked against the engine's
/// range with its JSON path in the message.
/// </summary>
public sealed class SceneFile
{
    public List<ChannelEntry>? Channels { get; set; }
    public List<SubBusEntry>? SubBuses { get; set; }
    public MainEntry? Main { get; set; }
    public CompressorEntry? Compressor { get; set; }
    public double DriveDb { get; set; }
    public OutputEntry? Output { get; set; }

    public sealed class ChannelEntry
    {
        public double FaderDb { get; set; }
        public double TrimDb { get; set; }
        public int? Pan { get; set; }
        public bool Mute { get; set; }
        public bool Solo { get; set; }
        public bool Invert { get; set; }
        public int SubBus { get; set; } = -1;
    }

    public sealed class SubBusEntry
    {
        public double FaderDb { get; set; }
        public bool Mute { get; set; }
    }

    public sealed class MainEntry
    {
        public double FaderDb { get; set; }
    }

    public sealed class CompressorEntry
    {
        public bool In { get; set; } = true;
        public double ThresholdDb { get; set; } = -10;
        public double Ratio { get; set; } = 4;
        public double AttackMs { get; set; } = 10;
        /// <summary>0 = auto.</summary>
        public double ReleaseMs { get; set; }
        public double KneeDb { get; set; }
        public double MakeupDb { get; set; }
        public int MixPercent { get; set; } = 100;
        public int SidechainHpfHz { get; set; }
        public string Link { get; set; } = "max";
    }

    public sealed class OutputEntry
    {
        public bool SafetyClip { get; set; } = true;
        public double CeilingDb { get; set; } = -0.3;
        public bool Dither { get; set; } = true;
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static SceneFile Load(string path)
    {
        if (!File.Exists(path)) throw new UserError($"{path}: file not found");
        try
        {
            return JsonSerializer.Deserialize<SceneFile>(File.ReadAllText(path), Options) ?? throw new UserError($"{path}: empty scene");
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            throw new UserError($"{path}: malformed scene{where}: {e.Message.Split('.')[0]}");
        }
    }

    /// <summary>Sets every engine parameter this scene names; stereo stems default to hard left/right.</summary>
    public void ApplyTo(MixEngine engine, bool[] isStereoRight, bool[] isStereoLeft, string source)
    {
        if (Channels is { Count: var n } && n > engine.Channels)
            throw new UserError($"{source}: {n} channel entries for {engine.Channels} input channels");
        for (int c = 0; c < engine.Channels; c++)
        {
            var ch = Channels is not null && c < Channels.Count ? Channels[c] : new ChannelEntry();
            string at = $"{source}: channels[{c}]";
            engine.SetChannelFader(c, Fader(ch.FaderDb, $"{at}.fader_db"));
            engine.SetChannelTrim(c, Cdb(ch.TrimDb, -20, 20, $"{at}.trim_db"));
            int pan = ch.Pan ?? (isStereoLeft[c] ? -100 : isStereoRight[c] ? 100 : 0);
            engine.SetChannelPan(c, (int)Range(pan, -100, 100, $"{at}.pan"));
            engine.SetChannelMute(c, ch.Mute);
            engine.SetChannelSolo(c, ch.Solo);
            engine.SetChannelInvert(c, ch.Invert);
            int sub = (int)Range(ch.SubBus, -1, 1, $"{at}.sub_bus");
            engine.SetChannelRoute(c, sub < 0, sub);
        }
        if (SubBuses is { Count: > 2 }) throw new UserError($"{source}: sub_buses has {SubBuses.Count} entries; the box has 2");
        for (int b = 0; SubBuses is not null && b < SubBuses.Count; b++)
        {
            engine.SetSubFader(b, Fader(SubBuses[b].FaderDb, $"{source}: sub_buses[{b}].fader_db"));
            engine.SetSubMute(b, SubBuses[b].Mute);
        }
        engine.SetMainFader(Fader(Main?.FaderDb ?? 0, $"{source}: main.fader_db"));
        if (Compressor is { } k)
        {
            string at = $"{source}: compressor";
            engine.SetCompressor(Cdb(k.ThresholdDb, -40, 0, $"{at}.threshold_db"), (int)Math.Round(Range(k.Ratio, 1, 20, $"{at}.ratio") * 100),
                (int)Math.Round(Range(k.AttackMs, 0.1, 30, $"{at}.attack_ms") * 1000),
                k.ReleaseMs == 0 ? 0 : (int)Math.Round(Range(k.ReleaseMs, 50, 2000, $"{at}.release_ms (0 = auto)")),
                Cdb(k.KneeDb, 0, 12, $"{at}.knee_db"), Cdb(k.MakeupDb, 0, 20, $"{at}.makeup_db"), (int)Range(k.MixPercent, 0, 100, $"{at}.mix_percent"));
            engine.Set(EngineParam.CompSidechainHighPassHz, 0, k.SidechainHpfHz == 0 ? 0 : (int)Range(k.SidechainHpfHz, 20, 500, $"{at}.sidechain_hpf_hz (0 = off)"));
            engine.Set(EngineParam.CompLink, 0, k.Link switch { "max" => 0, "average" => 1, _ => throw new UserError($"{at}.link must be \"max\" or \"average\"") });
            engine.SetCompressorBypass(!k.In);
        }
        engine.SetDrive(Cdb(DriveDb, 0, 18, $"{source}: drive_db"));
        var output = Output ?? new OutputEntry();
        engine.SetOutputStage(output.SafetyClip, Cdb(output.CeilingDb, -6, 0, $"{source}: output.ceiling_db"), output.Dither);
    }

    private static double Range(double value, double low, double high, string what) =>
        value >= low && value <= high ? value : throw new UserError($"{what} is {value}, outside {low}..{high}");

    private static int Cdb(double db, double low, double high, string what) => (int)Math.Round(Range(db, low, high, what) * 100);

    /// <summary>Faders: -144 (off) .. +12 dB.</summary>
    private static int Fader(double db, string what) => Math.Max(EngineLimits.FaderOffCentiDb, Cdb(db, -144, 12, what));
}
