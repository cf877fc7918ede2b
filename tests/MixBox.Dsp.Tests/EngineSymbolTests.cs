using System.Text;
using System.Text.RegularExpressions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The engine keeps to its own names (MixBox issue #16): the shared library exports exactly
/// the API the public header declares plus the internals the C# tests call; every global
/// symbol of the engine's objects and every name in the public headers carries the mixbox_
/// prefix; and the header compiles in a translation unit that already has CMSIS-DSP's types.
/// </summary>
public class EngineSymbolTests
{
    private static readonly string Include = Path.Combine(NativeTestBuild.RepositoryRoot, "dsp/native/include");
    private static readonly string Sources = Path.Combine(NativeTestBuild.RepositoryRoot, "dsp/native/src");
    private static readonly string[] PublicHeaders = ["mixbox_engine.h", "mixbox_engine_state.h", "mixbox_export.h"];

    /// <summary>Internals the host library exports for the tests (MIXBOX_TESTABLE): the P/Invokes of NativeInternals and LoudnessNative.</summary>
    private static readonly string[] Testable =
    [
        "mixbox_gain_from_cdb_q40", "mixbox_pan_left_q30", "mixbox_pan_right_q30",
        "mixbox_log2_q16", "mixbox_peak_to_cdb", "mixbox_mean_square_to_cdb",
        "mixbox_loudness_meter_size", "mixbox_loudness_meter_init", "mixbox_loudness_meter_process",
        "mixbox_loudness_meter_reset", "mixbox_loudness_meter_read",
        "mixbox_k_weighting_derive", "mixbox_k_weighting_coefs_for_rate",
    ];

    private static string Header(string name) => File.ReadAllText(Path.Combine(Include, name));

    private static (int ExitCode, string Output) Run(string program, params string[] arguments) =>
        NativeTestBuild.Run(program, arguments, null, TimeSpan.FromMinutes(2));

    private static string WorkDirectory(string name)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "native-tests", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Names of the defined global symbols nm lists (third column).</summary>
    private static List<string> DefinedSymbols(params string[] nmArguments)
    {
        var nm = Run("nm", nmArguments);
        Assert.True(nm.ExitCode == 0, nm.Output);
        return nm.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 3)
            .Select(fields => fields[2]).ToList();
    }

    [Fact]
    public void SharedLibraryExportsExactlyTheApiAndTheTestableInternals()
    {
        string library = Path.Combine(AppContext.BaseDirectory, "libmixbox_engine.so");
        Assert.True(File.Exists(library), library + " missing");
        var exported = DefinedSymbols("-D", "--defined-only", library);

        Assert.All(exported, name => Assert.StartsWith("mixbox_", name));

        string api = Header("mixbox_engine.h");
        var declared = Regex.Matches(api, @"^MIXBOX_API\b[^(;]*?\b(\w+)\s*\(", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("mixbox_process", declared);
        // No function declared without the export macro (it would be missing from the library).
        var unmarked = Regex.Matches(api, @"^(?!MIXBOX_API\b|typedef\b|#)\w[\w \*]*\b(mixbox_\w+)\s*\(", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Empty(unmarked);

        Assert.Equal(declared.Concat(Testable).Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
    }

    /// <summary>The testable list is exactly what src marks MIXBOX_TESTABLE, and covers every engine P/Invoke.</summary>
    [Fact]
    public void TestableInternalsAreTheMarkedOnesAndCoverEveryPInvoke()
    {
        var marked = Directory.GetFiles(Sources, "*.h")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"^MIXBOX_TESTABLE\b[^(;]*?\b(\w+)\s*\(", RegexOptions.Multiline))
            .Select(m => m.Groups[1].Value);
        Assert.Equal(Testable.Order(StringComparer.Ordinal), marked.Order(StringComparer.Ordinal));

        string root = NativeTestBuild.RepositoryRoot;
        var bindings = Directory.GetFiles(Path.Combine(root, "tests/MixBox.Dsp.Tests"), "*.cs")
            .Concat(Directory.GetFiles(Path.Combine(root, "dsp/MixBox.Dsp"), "*.Host.cs"));
        var called = bindings
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"static extern \S+ (\w+)\s*\("))
            .Select(m => m.Groups[1].Value)
            .Where(name => !name.StartsWith("ebur128_", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.Contains("mixbox_process", called);
        string api = Header("mixbox_engine.h");
        foreach (string name in called)
        {
            Assert.True(Testable.Contains(name) || Regex.IsMatch(api, @"^MIXBOX_API\b[^(;]*\b" + name + @"\s*\(", RegexOptions.Multiline),
                name + " is P/Invoked but neither API nor testable");
        }
    }

    /// <summary>Every global symbol the engine's sources define (as the device image links them) is mixbox_-prefixed.</summary>
    [Fact]
    public void EveryGlobalSymbolOfTheEngineIsPrefixed()
    {
        string dir = WorkDirectory("symbol-prefix");
        string merged = Path.Combine(dir, "engine.o");
        var arguments = new List<string> { "-std=c99", "-O1", "-ffp-contract=off", "-I", Include, "-r", "-nostdlib", "-o", merged };
        arguments.AddRange(Directory.GetFiles(Sources, "*.c").Order(StringComparer.Ordinal));
        var build = Run("gcc", [.. arguments]);
        Assert.True(build.ExitCode == 0, build.Output);

        var globals = DefinedSymbols("-g", "--defined-only", merged);
        Assert.Contains("mixbox_process", globals);
        Assert.All(globals, name => Assert.StartsWith("mixbox_", name));
    }

    /// <summary>
    /// Every name the public headers introduce (macros, typedefs, enum constants, functions) is
    /// mixbox_/MIXBOX_: macros by the preprocessor's own list (minus what stddef.h and stdint.h
    /// define), the rest from the headers' declarations.
    /// </summary>
    [Fact]
    public void EveryNameInThePublicHeadersIsPrefixed()
    {
        string dir = WorkDirectory("header-names");
        string withEngine = Path.Combine(dir, "with_engine.c"), baseline = Path.Combine(dir, "baseline.c");
        File.WriteAllText(withEngine, "#include <stddef.h>\n#include <stdint.h>\n#include \"mixbox_engine.h\"\n");
        File.WriteAllText(baseline, "#include <stddef.h>\n#include <stdint.h>\n");
        HashSet<string> Macros(string file)
        {
            var run = Run("gcc", "-std=c99", "-E", "-dM", "-I", Include, file);
            Assert.True(run.ExitCode == 0, run.Output);
            return Regex.Matches(run.Output, @"^#define (\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        }
        var ours = Macros(withEngine);
        ours.ExceptWith(Macros(baseline));
        Assert.Contains("MIXBOX_MAX_CHANNELS", ours);
        Assert.All(ours, name => Assert.StartsWith("MIXBOX_", name));

        var names = new List<string>();
        foreach (string header in PublicHeaders)
        {
            string text = Regex.Replace(Header(header), @"/\*.*?\*/", " ", RegexOptions.Singleline);
            names.AddRange(Regex.Matches(text, @"^\}\s*(\w+)\s*;", RegexOptions.Multiline).Select(m => m.Groups[1].Value));
            names.AddRange(Regex.Matches(text, @"^typedef\s+[^{;]*?\b(\w+)\s*;", RegexOptions.Multiline).Select(m => m.Groups[1].Value));
            names.AddRange(Regex.Matches(text, @"^\w[\w \*]*?\b(\w+)\s*\(", RegexOptions.Multiline).Select(m => m.Groups[1].Value));
            foreach (Match body in Regex.Matches(text, @"typedef enum\s*\{([^}]*)\}", RegexOptions.Singleline))
            {
                names.AddRange(Regex.Matches(body.Groups[1].Value, @"^\s*(\w+)\s*[=,\n]", RegexOptions.Multiline).Select(m => m.Groups[1].Value));
            }
            names.AddRange(Regex.Matches(text, @"\b(?:struct|enum|union)\s+(\w+)").Select(m => m.Groups[1].Value));
        }
        Assert.Contains("mixbox_engine_t", names);
        Assert.Contains("mixbox_loudness_meter_t", names);
        Assert.Contains("MIXBOX_ERR_SAMPLE_RATE", names);
        Assert.All(names.Where(n => n != "MIXBOX_API"), name =>
            Assert.True(name.StartsWith("mixbox_", StringComparison.Ordinal) || name.StartsWith("MIXBOX_", StringComparison.Ordinal), name + " is not prefixed"));
    }

    /// <summary>
    /// A firmware that links CMSIS-DSP has its types (arm_math_types.h: q7_t, q15_t, q31_t,
    /// q63_t, float32_t, float64_t, arm_status) in scope; the engine's header must compile
    /// after them and before them, in strict C99 with every warning an error.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PublicHeaderCompilesBesideCmsisDspTypes(bool cmsisFirst)
    {
        const string cmsis = """
            typedef int8_t q7_t;
            typedef int16_t q15_t;
            typedef int32_t q31_t;
            typedef int64_t q63_t;
            typedef float float32_t;
            typedef double float64_t;
            typedef enum { ARM_MATH_SUCCESS = 0, ARM_MATH_ARGUMENT_ERROR = -1 } arm_status;

            """;
        var c = new StringBuilder("#include <stdint.h>\n");
        if (cmsisFirst) c.Append(cmsis).Append("#include \"mixbox_engine.h\"\n");
        else c.Append("#include \"mixbox_engine.h\"\n").Append(cmsis);
        c.Append("""
            q31_t cmsis_sample(const mixbox_q31_t *engine_output) { return (q31_t)engine_output[0]; }
            uint32_t engine_bytes(void) { return (uint32_t)sizeof(mixbox_engine_t); }
            """);
        string dir = WorkDirectory("cmsis-types");
        string file = Path.Combine(dir, cmsisFirst ? "cmsis_first.c" : "engine_first.c");
        File.WriteAllText(file, c.ToString());
        var build = Run("gcc", "-std=c99", "-pedantic", "-Wall", "-Wextra", "-Werror", "-fsyntax-only", "-I", Include, file);
        Assert.True(build.ExitCode == 0, build.Output);
    }
}
