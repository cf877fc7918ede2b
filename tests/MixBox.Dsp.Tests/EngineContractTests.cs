using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The C# mirrors of mixbox_engine.h (EngineParam, EngineStatus, EngineLimits, MeterId, the
/// reading layouts that MixEngine and the device glue unpack by index) agree with the header
/// as the C compiler reads it: the test parses the header for every enum member, limit and
/// reading field, compiles a probe that prints their values and offsets, and compares each
/// with the C# side. A value that drifts on either side fails it.
/// </summary>
public class EngineContractTests
{
    private static readonly string Header = File.ReadAllText(Path.Combine(NativeTestBuild.RepositoryRoot, "dsp/native/include/mixbox_engine.h"));
    private static readonly Lazy<Dictionary<string, long>> Probe = new(RunProbe);

    // Words of C names that C# spells out; everything else is PascalCase of the C words.
    private static readonly Dictionary<string, string> Words = new()
    {
        ["CDB"] = "CentiDb", ["US"] = "Microseconds", ["MS"] = "Milliseconds", ["HZ"] = "Hz",
        ["HPF"] = "HighPass", ["NULL"] = "NullPointer",
    };

    private static string CSharpName(string cName, string prefix) =>
        string.Concat(cName[prefix.Length..].Split('_').Select(w => Words.TryGetValue(w, out var s) ? s : w[..1] + w[1..].ToLowerInvariant()));

    private static List<(string Name, long Value)> EnumMembers(string typeName)
    {
        var body = Regex.Match(Header, @"typedef enum \{([^}]*)\} " + typeName + ";", RegexOptions.Singleline);
        Assert.True(body.Success, typeName + " not found in the header");
        return Regex.Matches(body.Groups[1].Value, @"^\s*(MIXBOX_\w+)\s*=", RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, Probe.Value[m.Groups[1].Value])).ToList();
    }

    private static List<string> StructFields(string typeName)
    {
        var body = Regex.Match(Header, @"typedef struct \{([^{}]*)\} " + typeName + ";", RegexOptions.Singleline);
        Assert.True(body.Success, typeName + " not found in the header");
        return Regex.Matches(body.Groups[1].Value, @"^\s*int32_t (\w+);", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>Object-like defines with a value (not the include guard, not function-like).</summary>
    private static IEnumerable<string> ValueDefines() =>
        Regex.Matches(Header, @"^#define (MIXBOX_\w+)[ \t]+\S", RegexOptions.Multiline).Select(m => m.Groups[1].Value);

    private static Dictionary<string, long> RunProbe()
    {
        var c = new StringBuilder("#include <stddef.h>\n#include <stdio.h>\n#include \"mixbox_engine.h\"\n#define P(name, value) printf(\"%s=%lld\\n\", name, (long long)(value))\nint main(void) {\n");
        foreach (string name in ValueDefines()) c.Append($"P(\"{name}\", {name});\n");
        foreach (string type in new[] { "mixbox_status_t", "mixbox_param_t", "mixbox_loopback_status_t" })
        {
            var body = Regex.Match(Header, @"typedef enum \{([^}]*)\} " + type + ";", RegexOptions.Singleline).Groups[1].Value;
            foreach (Match m in Regex.Matches(body, @"^\s*(MIXBOX_\w+)\s*=", RegexOptions.Multiline)) c.Append($"P(\"{m.Groups[1].Value}\", {m.Groups[1].Value});\n");
        }
        for (int i = 0; i < 16; i++) c.Append($"P(\"MIXBOX_METER_CHANNEL({i})\", MIXBOX_METER_CHANNEL({i}));\n");
        for (int i = 0; i < 16; i++) c.Append($"P(\"MIXBOX_METER_INPUT({i})\", MIXBOX_METER_INPUT({i}));\n");
        for (int b = 0; b < 2; b++)
        {
            c.Append($"P(\"MIXBOX_METER_SUB_LEFT({b})\", MIXBOX_METER_SUB_LEFT({b}));\n");
            c.Append($"P(\"MIXBOX_METER_SUB_RIGHT({b})\", MIXBOX_METER_SUB_RIGHT({b}));\n");
        }
        foreach (string type in new[] { "mixbox_meter_reading_t", "mixbox_loudness_reading_t", "mixbox_loopback_result_t" })
        {
            c.Append($"P(\"sizeof {type}\", sizeof({type}));\n");
            foreach (string field in StructFields(type)) c.Append($"P(\"{type}.{field}\", offsetof({type}, {field}));\n");
        }
        c.Append("return 0;\n}\n");

        string dir = Path.Combine(AppContext.BaseDirectory, "native-tests", "contract-probe");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "probe.c"), c.ToString());
        string include = Path.Combine(NativeTestBuild.RepositoryRoot, "dsp/native/include");
        var build = NativeTestBuild.Run("gcc", ["-std=c99", "-Wall", "-Werror", "-I", include, "-o", Path.Combine(dir, "probe"), Path.Combine(dir, "probe.c")], null, TimeSpan.FromMinutes(1));
        Assert.True(build.ExitCode == 0, build.Output);
        var run = NativeTestBuild.Run(Path.Combine(dir, "probe"), [], null, TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.Output);
        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('='))
            .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EveryParameterHasItsCSharpTwin()
    {
        var members = EnumMembers("mixbox_param_t").Where(m => m.Name != "MIXBOX_PARAM_COUNT").ToList();
        Assert.Equal(Probe.Value["MIXBOX_PARAM_COUNT"], members.Count);
        Assert.Equal(members.Count, Enum.GetValues<EngineParam>().Length);
        foreach (var (name, value) in members)
        {
            Assert.True(Enum.TryParse(CSharpName(name, "MIXBOX_PARAM_"), out EngineParam param), name + " has no EngineParam");
            Assert.True(value == (long)param, $"{name} = {value} but EngineParam.{param} = {(int)param}");
        }
    }

    [Fact]
    public void EveryStatusHasItsCSharpTwin()
    {
        var members = EnumMembers("mixbox_status_t");
        Assert.Equal(members.Count, Enum.GetValues<EngineStatus>().Length);
        foreach (var (name, value) in members)
        {
            string cs = CSharpName(name, name.StartsWith("MIXBOX_ERR_") ? "MIXBOX_ERR_" : "MIXBOX_");
            Assert.True(Enum.TryParse(cs, out EngineStatus status), name + " has no EngineStatus " + cs);
            Assert.True(value == (long)status, $"{name} = {value} but EngineStatus.{status} = {(int)status}");
        }
    }

    /// <summary>LoopbackStatus is the header's enum; LoopbackResult.FromValues and the device glue unpack the result as int[Fields] in header order.</summary>
    [Fact]
    public void LoopbackStatusAndResultLayoutAreTheHeaders()
    {
        var members = EnumMembers("mixbox_loopback_status_t");
        Assert.Equal(members.Count, Enum.GetValues<LoopbackStatus>().Length);
        foreach (var (name, value) in members)
        {
            Assert.True(Enum.TryParse(CSharpName(name, "MIXBOX_LOOPBACK_"), out LoopbackStatus status), name + " has no LoopbackStatus");
            Assert.True(value == (long)status, $"{name} = {value} but LoopbackStatus.{status} = {(int)status}");
        }
        var fields = StructFields("mixbox_loopback_result_t");
        Assert.Equal(new[] { "status", "latency_centisamples", "level_cdb", "gain_cdb", "thd_n_cdb" }, fields);
        Assert.Equal(LoopbackResult.Fields, fields.Count);
        Assert.Equal(4L * LoopbackResult.Fields, Probe.Value["sizeof mixbox_loopback_result_t"]);
        for (int i = 0; i < fields.Count; i++) Assert.Equal(4L * i, Probe.Value["mixbox_loopback_result_t." + fields[i]]);
    }

    /// <summary>Every EngineLimits constant is a header define of the same name and value (bar the C#-only default rate).</summary>
    [Fact]
    public void EveryLimitIsTheHeaders()
    {
        var defines = ValueDefines().ToDictionary(name => CSharpName(name, "MIXBOX_"), name => name);
        // C# spellings of the header's limits: "MaxChannels" for MAX_CHANNELS etc. come from the word rule.
        var limits = typeof(EngineLimits).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).ToList();
        Assert.NotEmpty(limits);
        foreach (FieldInfo limit in limits)
        {
            if (limit.Name == nameof(EngineLimits.DefaultSampleRate)) continue; // the board's rate; the engine has no default
            Assert.True(defines.TryGetValue(limit.Name, out string? define), "EngineLimits." + limit.Name + " has no header define");
            Assert.True(Probe.Value[define!] == Convert.ToInt64(limit.GetValue(null), CultureInfo.InvariantCulture),
                $"EngineLimits.{limit.Name} = {limit.GetValue(null)} but {define} = {Probe.Value[define!]}");
        }
        foreach (string needed in new[] { "MaxChannels", "MaxBlockFrames", "MinSampleRate", "MaxSampleRate", "PanMin", "PanMax", "FaderOffCentiDb", "MeterSilenceCentiDb" })
        {
            Assert.Contains(limits, f => f.Name == needed);
        }
    }

    [Fact]
    public void MeterIdsAreTheHeaders()
    {
        for (int c = 0; c < EngineLimits.MaxChannels; c++) Assert.Equal(Probe.Value[$"MIXBOX_METER_CHANNEL({c})"], MeterId.Channel(c));
        for (int c = 0; c < EngineLimits.MaxChannels; c++) Assert.Equal(Probe.Value[$"MIXBOX_METER_INPUT({c})"], MeterId.Input(c));
        for (int b = 0; b < EngineLimits.SubBuses; b++)
        {
            Assert.Equal(Probe.Value[$"MIXBOX_METER_SUB_LEFT({b})"], MeterId.SubLeft(b));
            Assert.Equal(Probe.Value[$"MIXBOX_METER_SUB_RIGHT({b})"], MeterId.SubRight(b));
        }
        var csharp = new long[] { MeterId.MainLeft, MeterId.MainRight, MeterId.Count };
        Assert.Equal(new[] { Probe.Value["MIXBOX_METER_MAIN_LEFT"], Probe.Value["MIXBOX_METER_MAIN_RIGHT"], Probe.Value["MIXBOX_METER_COUNT"] }, csharp);
    }

    public static TheoryData<string, string, string, string> Readings => new()
    {
        { "mixbox_meter_reading_t", "_meterValues", "values", "peak_cdb=PeakCentiDb rms_cdb=RmsCentiDb hold_cdb=HoldCentiDb clipped=Clipped" },
        { "mixbox_loudness_reading_t", "_loudnessValues", "values", "momentary_clu=MomentaryCentiLufs short_term_clu=ShortTermCentiLufs integrated_clu=IntegratedCentiLufs momentary_max_clu=MomentaryMaxCentiLufs short_term_max_clu=ShortTermMaxCentiLufs loudness_range_clu=RangeCentiLu true_peak_max_cdb=TruePeakMaxCentiDb range_stable=RangeStable" },
    };

    /// <summary>
    /// A reading crosses as int[n]: the host binding relies on the struct's layout (field i at
    /// offset 4i), MixEngine unpacks index i into a named field, the device glue packs field
    /// by name into index i. All three must put every field at the same index.
    /// </summary>
    [Theory]
    [MemberData(nameof(Readings))]
    public void ReadingsCrossAtTheSameIndexEverywhere(string type, string managedArray, string glueArray, string names)
    {
        var cToCs = names.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var fields = StructFields(type);
        Assert.Equal(cToCs.Keys.ToList(), fields);
        Assert.Equal(4L * fields.Count, Probe.Value["sizeof " + type]);

        string mixEngine = File.ReadAllText(Path.Combine(NativeTestBuild.RepositoryRoot, "dsp/MixBox.Dsp/MixEngine.cs"));
        string glue = File.ReadAllText(Path.Combine(NativeTestBuild.RepositoryRoot, "firmware/native/MixBox_Dsp_MixBox_Dsp_NativeEngine.cpp"));
        Assert.Matches($@"{managedArray} = new int\[{fields.Count}\]", mixEngine);
        foreach (string field in fields)
        {
            long offset = Probe.Value[type + "." + field];
            int index = (int)(offset / 4);
            Assert.Equal(4L * fields.IndexOf(field), offset);
            Assert.Matches($@"reading\.{cToCs[field]} = {managedArray}\[{index}\]", mixEngine);
            Assert.Matches($@"{glueArray}\[{index}\] = reading\.{field};", glue);
        }
    }
}
