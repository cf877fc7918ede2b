using System.Globalization;
using System.Text.Json;
using MixBox.Dsp;
using MixBox.Firmware;

namespace MixBox.Cli;

/// <summary>
/// Reads a render scene: JSON (comments and trailing commas allowed) whose fields are the box's
/// <see cref="Scene"/> in user units (see <see cref="SceneJsonWriter"/> for the layout). Fields
/// left out keep the box's power-on values. Every problem is one <see cref="UserError"/> naming
/// the file, the JSON path and what is wrong: a malformed document (line and column), an unknown
/// or repeated field, a value of the wrong kind, a value out of the box's range.
/// </summary>
public static class SceneJsonReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static RenderScene Load(string path)
    {
        if (Directory.Exists(path)) throw new UserError($"{path}: is a directory, not a scene file");
        if (!File.Exists(path)) throw new UserError($"{path}: file not found");
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (IoErrorText.IsFileError(e)) { throw new UserError($"{path}: cannot be read ({IoErrorText.Describe(e)})"); }
        return Parse(text, path);
    }

    public static RenderScene Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            string why = e.Message;
            int cut = why.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut >= 0) why = why[..cut];
            throw new UserError($"{source}: malformed scene at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {why.Trim().TrimEnd('.')}");
        }
        using (document)
        {
            return new Reader(source).Read(document.RootElement);
        }
    }

    private sealed class Reader(string source)
    {
        private readonly Scene _scene = new();
        private readonly bool[] _panGiven = new bool[Scene.Channels];
        private readonly bool[] _linkGiven = new bool[Scene.Pairs];
        private BoxInputs? _inputs;

        private UserError Problem(string path, string what) => new($"{source}: {path} {what}");

        public RenderScene Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) throw new UserError($"{source}: the scene must be a JSON object {{ ... }}, not {Kind(root)}");
            foreach (var (name, value) in Fields(root, "", "name", "inputs", "channels", "pairs", "sub_buses", "main", "compressor", "drive_db", "eq", "de_esser", "stereo", "output", "meter_mode", "target"))
            {
                switch (name)
                {
                    case "name": _scene.Name = Name(value); break;
                    case "inputs": ReadInputs(value); break;
                    case "channels": ReadChannels(value); break;
                    case "pairs": ReadPairs(value); break;
                    case "sub_buses": ReadSubBuses(value); break;
                    case "main":
                        foreach (var (field, v) in Fields(value, "main", "fader_db")) _scene.MainFaderCentiDb = Fader(v, "main." + field);
                        break;
                    case "compressor": ReadCompressor(value); break;
                    case "drive_db": _scene.DriveCentiDb = CentiDb(value, "drive_db", 0, SceneRules.DriveMaxCentiDb); break;
                    case "eq": ReadEq(value); break;
                    case "de_esser": ReadDeEsser(value); break;
                    case "stereo": ReadStereo(value); break;
                    case "output": ReadOutput(value); break;
                    case "meter_mode": _scene.MeterMode = Choice(value, "meter_mode", SceneJsonWriter.MeterModes); break;
                    case "target": _scene.Target = Target(value); break;
                }
            }
            if (!SceneRules.IsValid(_scene)) throw new InvalidOperationException("a checked scene broke the scene rules"); // the checks above cover every rule
            return new RenderScene(_scene, _inputs, _panGiven, source, _linkGiven);
        }

        private void ReadInputs(JsonElement value)
        {
            var plugs = Array(value, "inputs", Scene.Channels, "the box has " + Scene.Channels + " inputs");
            var sources = new StemChannel?[plugs.Count];
            for (int i = 0; i < plugs.Count; i++)
            {
                if (plugs[i].ValueKind == JsonValueKind.Null) continue; // nothing plugged in
                int stem = -1, channel = 0;
                foreach (var (field, v) in Fields(plugs[i], $"inputs[{i}]", "stem", "channel"))
                {
                    if (field == "stem") stem = Integer(v, $"inputs[{i}].stem", 1, int.MaxValue) - 1;
                    else channel = Integer(v, $"inputs[{i}].channel", 1, int.MaxValue) - 1;
                }
                if (stem < 0) throw Problem($"inputs[{i}]", "needs \"stem\" (1 = the first stem on the command line), or null for nothing plugged in");
                sources[i] = new StemChannel(stem, channel);
            }
            _inputs = new BoxInputs(sources);
        }

        private void ReadChannels(JsonElement value)
        {
            var channels = Array(value, "channels", Scene.Channels, "the box has " + Scene.Channels);
            for (int c = 0; c < channels.Count; c++)
            {
                string at = $"channels[{c}]";
                foreach (var (field, v) in Fields(channels[c], at, "fader_db", "trim_db", "pan", "mute", "solo", "invert", "sub_bus", "input_gain_db", "instrument"))
                {
                    string path = at + "." + field;
                    switch (field)
                    {
                        case "fader_db": _scene.FaderCentiDb[c] = Fader(v, path); break;
                        case "trim_db": _scene.TrimCentiDb[c] = CentiDb(v, path, EngineLimits.TrimMinCentiDb, EngineLimits.TrimMaxCentiDb); break;
                        case "pan":
                            _scene.Pan[c] = Integer(v, path, EngineLimits.PanMin, EngineLimits.PanMax);
                            _panGiven[c] = true;
                            break;
                        case "mute": _scene.Mute[c] = Bool(v, path); break;
                        case "solo": _scene.Solo[c] = Bool(v, path); break;
                        case "invert": _scene.Invert[c] = Bool(v, path); break;
                        case "sub_bus": _scene.SubBus[c] = Integer(v, path, EngineLimits.NoSubBus, EngineLimits.SubBuses - 1); break;
                        case "input_gain_db": _scene.InputGainDb[c] = Integer(v, path, 0, InputGain.MaxDb); break;
                        case "instrument": _scene.Instrument[c] = Bool(v, path); break;
                    }
                }
            }
        }

        private void ReadPairs(JsonElement value)
        {
            var pairs = Array(value, "pairs", Scene.Pairs, $"the box has {Scene.Pairs} (inputs 1-2, 3-4, 5-6, 7-8)");
            for (int p = 0; p < pairs.Count; p++)
                foreach (var (field, v) in Fields(pairs[p], $"pairs[{p}]", "linked", "balance"))
                {
                    if (field == "linked")
                    {
                        _scene.Linked[p] = Bool(v, $"pairs[{p}].linked");
                        _linkGiven[p] = true;
                    }
                    else _scene.Balance[p] = Integer(v, $"pairs[{p}].balance", BalanceLaw.Left, BalanceLaw.Right);
                }
        }

        private void ReadSubBuses(JsonElement value)
        {
            var buses = Array(value, "sub_buses", EngineLimits.SubBuses, "the box has " + EngineLimits.SubBuses);
            for (int b = 0; b < buses.Count; b++)
                foreach (var (field, v) in Fields(buses[b], $"sub_buses[{b}]", "fader_db", "mute"))
                {
                    if (field == "fader_db") _scene.SubFaderCentiDb[b] = Fader(v, $"sub_buses[{b}].fader_db");
                    else _scene.SubMute[b] = Bool(v, $"sub_buses[{b}].mute");
                }
        }

        private void ReadCompressor(JsonElement value)
        {
            foreach (var (field, v) in Fields(value, "compressor", "in", "threshold_db", "ratio", "attack_ms", "release_ms", "knee_db",
                         "makeup_db", "mix_percent", "sidechain_hpf_hz", "link"))
            {
                string path = "compressor." + field;
                switch (field)
                {
                    case "in": _scene.CompressorIn = Bool(v, path); break;
                    case "threshold_db": _scene.CompThresholdCentiDb = CentiDb(v, path, SceneRules.ThresholdMinCentiDb, SceneRules.ThresholdMaxCentiDb); break;
                    case "ratio": _scene.CompRatioX100 = Scaled(v, path, 100, SceneRules.RatioMinX100, SceneRules.RatioMaxX100); break;
                    case "attack_ms": _scene.CompAttackMicroseconds = Scaled(v, path, 1000, SceneRules.AttackMinMicroseconds, SceneRules.AttackMaxMicroseconds); break;
                    case "release_ms":
                        _scene.CompReleaseMilliseconds = Integer(v, path, 0, SceneRules.ReleaseMaxMilliseconds);
                        if (_scene.CompReleaseMilliseconds is > 0 and < SceneRules.ReleaseMinMilliseconds)
                            throw Problem(path, $"is {_scene.CompReleaseMilliseconds}: use 0 (auto) or {SceneRules.ReleaseMinMilliseconds}..{SceneRules.ReleaseMaxMilliseconds}");
                        break;
                    case "knee_db": _scene.CompKneeCentiDb = CentiDb(v, path, 0, SceneRules.KneeMaxCentiDb); break;
                    case "makeup_db": _scene.CompMakeupCentiDb = CentiDb(v, path, 0, SceneRules.MakeupMaxCentiDb); break;
                    case "mix_percent": _scene.CompMixPercent = Integer(v, path, 0, 100); break;
                    case "sidechain_hpf_hz":
                        _scene.CompSidechainHighPassHz = Integer(v, path, 0, SceneRules.SidechainMaxHz);
                        if (_scene.CompSidechainHighPassHz is > 0 and < SceneRules.SidechainMinHz)
                            throw Problem(path, $"is {_scene.CompSidechainHighPassHz}: use 0 (off) or {SceneRules.SidechainMinHz}..{SceneRules.SidechainMaxHz}");
                        break;
                    case "link": _scene.CompLinkAverage = Choice(v, path, SceneJsonWriter.LinkModes) == 1; break;
                }
            }
        }

        private void ReadEq(JsonElement value)
        {
            foreach (var (field, v) in Fields(value, "eq", "after_compressor", "high_pass_hz", "high_pass_slope", "low_shelf", "bells",
                         "proportional_q", "high_shelf", "low_pass_hz"))
            {
                string path = "eq." + field;
                switch (field)
                {
                    case "after_compressor": _scene.EqAfterComp = Bool(v, path); break;
                    case "high_pass_hz": _scene.EqHighPassHz = OffOrChoice(v, path, SceneRules.HighPassChoicesHz); break;
                    case "high_pass_slope":
                        _scene.EqHighPassSlope = Integer(v, path, SceneRules.HighPassSlopeGentle, SceneRules.HighPassSlopeSteep);
                        if (_scene.EqHighPassSlope != SceneRules.HighPassSlopeGentle && _scene.EqHighPassSlope != SceneRules.HighPassSlopeSteep)
                            throw Problem(path, $"is {_scene.EqHighPassSlope}: use {SceneRules.HighPassSlopeGentle} or {SceneRules.HighPassSlopeSteep} (dB/oct)");
                        break;
                    case "low_shelf":
                        foreach (var (f, x) in Fields(v, path, "hz", "gain_db", "gentle"))
                        {
                            if (f == "hz") _scene.EqLowShelfHz = Integer(x, path + ".hz", SceneRules.LowShelfMinHz, SceneRules.LowShelfMaxHz);
                            else if (f == "gain_db") _scene.EqLowShelfCentiDb = EqGain(x, path + ".gain_db");
                            else _scene.EqLowShelfGentle = Bool(x, path + ".gentle");
                        }
                        break;
                    case "bells":
                        var bells = Array(v, path, Scene.Bells, "the EQ has " + Scene.Bells);
                        for (int b = 0; b < bells.Count; b++)
                            foreach (var (f, x) in Fields(bells[b], $"{path}[{b}]", "hz", "gain_db", "q"))
                            {
                                string at = $"{path}[{b}].{f}";
                                if (f == "hz") _scene.EqBellHz[b] = Integer(x, at, SceneRules.BellMinHz, SceneRules.BellMaxHz);
                                else if (f == "gain_db") _scene.EqBellCentiDb[b] = EqGain(x, at);
                                else _scene.EqBellQX100[b] = Scaled(x, at, 100, SceneRules.BellMinQX100, SceneRules.BellMaxQX100);
                            }
                        break;
                    case "proportional_q": _scene.EqProportionalQ = Bool(v, path); break;
                    case "high_shelf":
                        foreach (var (f, x) in Fields(v, path, "hz", "gain_db"))
                        {
                            if (f == "hz") _scene.EqHighShelfHz = Integer(x, path + ".hz", SceneRules.HighShelfMinHz, SceneRules.HighShelfMaxHz);
                            else _scene.EqHighShelfCentiDb = EqGain(x, path + ".gain_db");
                        }
                        break;
                    case "low_pass_hz":
                        _scene.EqLowpassHz = Integer(v, path, 0, SceneRules.LowpassMaxHz);
                        if (_scene.EqLowpassHz is > 0 and < SceneRules.LowpassMinHz)
                            throw Problem(path, $"is {_scene.EqLowpassHz}: use 0 (off) or {SceneRules.LowpassMinHz}..{SceneRules.LowpassMaxHz}");
                        break;
                }
            }
        }

        private void ReadDeEsser(JsonElement value)
        {
            foreach (var (field, v) in Fields(value, "de_esser", "on", "hz", "threshold_db", "range_db", "release_ms", "listen"))
            {
                string path = "de_esser." + field;
                switch (field)
                {
                    case "on": _scene.DeessOn = Bool(v, path); break;
                    case "hz": _scene.DeessHz = Integer(v, path, SceneRules.DeessMinHz, SceneRules.DeessMaxHz); break;
                    case "threshold_db": _scene.DeessThresholdCentiDb = CentiDb(v, path, SceneRules.DeessThresholdMinCentiDb, SceneRules.DeessThresholdMaxCentiDb); break;
                    case "range_db": _scene.DeessRangeCentiDb = CentiDb(v, path, 0, SceneRules.DeessRangeMaxCentiDb); break;
                    case "release_ms": _scene.DeessReleaseMilliseconds = Integer(v, path, SceneRules.DeessReleaseMinMilliseconds, SceneRules.DeessReleaseMaxMilliseconds); break;
                    case "listen": _scene.DeessListen = Bool(v, path); break;
                }
            }
        }

        private void ReadStereo(JsonElement value)
        {
            foreach (var (field, v) in Fields(value, "stereo", "width_percent", "mono_below_hz"))
            {
                if (field == "width_percent") _scene.StereoWidthPercent = Integer(v, "stereo.width_percent", 0, SceneRules.WidthMaxPercent);
                else _scene.StereoMonoBelowHz = OffOrChoice(v, "stereo.mono_below_hz", SceneRules.MonoBelowChoicesHz);
            }
        }

        private int EqGain(JsonElement e, string path) => CentiDb(e, path, -SceneRules.EqGainMaxCentiDb, SceneRules.EqGainMaxCentiDb);

        /// <summary>0 (off) or one of a few corner frequencies.</summary>
        private int OffOrChoice(JsonElement e, string path, int[] choices)
        {
            int hz = Integer(e, path, 0, choices[^1]);
            if (hz != 0 && !SceneRules.OneOf(hz, choices)) throw Problem(path, $"is {hz}: use 0 (off) or {string.Join(", ", choices)}");
            return hz;
        }

        private void ReadOutput(JsonElement value)
        {
            foreach (var (field, v) in Fields(value, "output", "safety_clip", "true_peak", "ceiling_db", "dither"))
            {
                string path = "output." + field;
                switch (field)
                {
                    case "safety_clip": _scene.OutputSafety = Bool(v, path); break;
                    case "ceiling_db": _scene.OutputCeilingCentiDb = CentiDb(v, path, SceneRules.CeilingMinCentiDb, SceneRules.CeilingMaxCentiDb); break;
                    case "dither": _scene.OutputDither = Bool(v, path); break;
                    case "true_peak": _scene.OutputTruePeak = Bool(v, path); break;
                }
            }
        }

        /// <summary>An object's fields, each checked to be known and given once.</summary>
        private List<(string Name, JsonElement Value)> Fields(JsonElement e, string path, params string[] known)
        {
            if (e.ValueKind != JsonValueKind.Object) throw Problem(path, $"is {Kind(e)}, expected an object {{ ... }}");
            var fields = new List<(string, JsonElement)>();
            foreach (var p in e.EnumerateObject())
            {
                string full = path.Length == 0 ? p.Name : path + "." + p.Name;
                if (!known.Contains(p.Name))
                    throw new UserError($"{source}: unknown field {full} (known{(path.Length == 0 ? "" : " in " + path)}: {string.Join(", ", known)})");
                if (fields.Exists(f => f.Item1 == p.Name)) throw Problem(full, "is given twice");
                fields.Add((p.Name, p.Value));
            }
            return fields;
        }

        private List<JsonElement> Array(JsonElement e, string path, int most, string why)
        {
            if (e.ValueKind != JsonValueKind.Array) throw Problem(path, $"is {Kind(e)}, expected an array [ ... ]");
            var items = e.EnumerateArray().ToList();
            if (items.Count > most) throw Problem(path, $"has {items.Count} entries; {why}");
            return items;
        }

        private double Number(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Number) throw Problem(path, $"is {Kind(e)}, expected a number");
            double value = e.GetDouble();
            if (!double.IsFinite(value)) throw Problem(path, "is not a finite number");
            return value;
        }

        private double InRange(double value, string path, double low, double high) =>
            value >= low && value <= high ? value : throw Problem(path, $"is {Text(value)}, outside {Text(low)}..{Text(high)}");

        /// <summary>A value in dB, to the box's centi-dB.</summary>
        private int CentiDb(JsonElement e, string path, int lowCentiDb, int highCentiDb) =>
            (int)Math.Round(InRange(Number(e, path), path, lowCentiDb / 100.0, highCentiDb / 100.0) * 100);

        /// <summary>Faders: -144 dB is off (-inf) .. +12 dB.</summary>
        private int Fader(JsonElement e, string path) => CentiDb(e, path, EngineLimits.FaderOffCentiDb, EngineLimits.FaderMaxCentiDb);

        /// <summary>A value in user units times <paramref name="scale"/> (ratio × 100, ms → µs).</summary>
        private int Scaled(JsonElement e, string path, int scale, int low, int high) =>
            (int)Math.Round(InRange(Number(e, path), path, (double)low / scale, (double)high / scale) * scale);

        private int Integer(JsonElement e, string path, int low, int high)
        {
            double value = Number(e, path);
            if (value != Math.Floor(value)) throw Problem(path, $"is {Text(value)}, expected a whole number");
            return (int)InRange(value, path, low, high);
        }

        /// <summary>The scene's name, as the box keeps it (a memory's name).</summary>
        private string Name(JsonElement e)
        {
            if (e.ValueKind != JsonValueKind.String) throw Problem("name", $"is {Kind(e)}, expected a string");
            string name = e.GetString()!;
            if (!SceneRules.IsValidName(name))
                throw Problem("name", $"is \"{name}\": at most {SceneRules.NameMaxChars} printable ASCII characters");
            return name;
        }

        private bool Bool(JsonElement e, string path) => e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Problem(path, $"is {Kind(e)}, expected true or false"),
        };

        /// <summary>A delivery target by its key (<see cref="TargetPresets"/>), or "none".</summary>
        private int Target(JsonElement e)
        {
            if (e.ValueKind != JsonValueKind.String) throw Problem("target", $"is {Kind(e)}, expected a string: {SceneJsonWriter.TargetKeys}");
            string key = e.GetString()!;
            int id = TargetPresets.IdOf(key);
            if (id < 0) throw Problem("target", $"is \"{key}\": use {SceneJsonWriter.TargetKeys}");
            return id;
        }

        /// <summary>One of <paramref name="names"/>, as its index.</summary>
        private int Choice(JsonElement e, string path, string[] names)
        {
            int index = e.ValueKind == JsonValueKind.String ? System.Array.IndexOf(names, e.GetString()) : -1;
            if (index < 0) throw Problem(path, $"must be {string.Join(" or ", names.Select(n => $"\"{n}\""))}, not {Kind(e)}");
            return index;
        }

        private static string Text(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);

        private static string Kind(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Null => "null",
            JsonValueKind.True or JsonValueKind.False => e.ValueKind == JsonValueKind.True ? "true" : "false",
            JsonValueKind.String => $"the string \"{e.GetString()}\"",
            JsonValueKind.Number => e.GetRawText(),
            JsonValueKind.Array => "an array",
            _ => "an object",
        };
    }
}
