using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// Fuzzes the engine's C API for about a minute: builds dsp/native/fuzz (the libFuzzer
/// harness fuzz_engine_api.c, engine and harness under ASan and UBSan) with clang, runs it
/// on a copy of the checked-in seed corpus (the corpus in the repository never grows), and
/// fails on any crash, sanitizer report or broken invariant, printing the reproducer.
/// Without clang or libFuzzer it fails with the packages to install: it never passes by not
/// running. MIXBOX_FUZZ_SECONDS sets the fuzzing time (default 60).
/// </summary>
public class EngineFuzzTests
{
    private const string InstallHint = "apt-get install -y clang libclang-rt-14-dev (Debian bookworm), or run ./install-test-peers";

    private readonly ITestOutputHelper _output;

    public EngineFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EngineApiSurvivesAMinuteOfFuzzing()
    {
        int seconds = int.TryParse(Environment.GetEnvironmentVariable("MIXBOX_FUZZ_SECONDS"), out int s) && s > 0 ? s : 60;
        RequireLibFuzzer();
        string build = NativeTestBuild.Build("dsp/native/fuzz", "fuzz", new Dictionary<string, string> { ["CC"] = "clang" },
            "-DCMAKE_C_COMPILER=clang", "-DCMAKE_BUILD_TYPE=RelWithDebInfo");

        string work = Path.Combine(Path.GetTempPath(), $"mixbox-fuzz-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string corpus = Path.Combine(work, "corpus");
        string artifacts = Path.Combine(work, "artifacts") + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(corpus);
        Directory.CreateDirectory(artifacts);
        var seeds = Directory.GetFiles(Path.Combine(NativeTestBuild.RepositoryRoot, "dsp/native/fuzz/corpus"));
        Assert.NotEmpty(seeds);
        foreach (string seed in seeds) File.Copy(seed, Path.Combine(corpus, Path.GetFileName(seed)));

        var (exitCode, output) = NativeTestBuild.Run(Path.Combine(build, "fuzz_engine_api"),
            // The engine allocates nothing; the fuzzing process's own RSS (ASan quarantine and shadow,
            // libFuzzer's tables) grew past libFuzzer's default 2 GB once in a loaded CI run with no
            // leak and no reproducible input, so the RSS limit is 4 GB while any single allocation
            // over 2 GB still fails.
            [corpus, $"-max_total_time={seconds}", "-timeout=60", "-rss_limit_mb=4096", "-malloc_limit_mb=2048", "-print_final_stats=1", "-artifact_prefix=" + artifacts],
            null, TimeSpan.FromSeconds(seconds + 180));

        var stats = FuzzStats.Parse(output);
        _output.WriteLine($"libFuzzer, {seconds} s: {stats.Executions} executions, cov: {stats.Coverage}, ft: {stats.Features}, " +
                          $"corpus {stats.Corpus} ({Directory.GetFiles(corpus).Length} files from {seeds.Length} seeds)");
        if (exitCode != 0)
        {
            _output.WriteLine(string.Join('\n', output.Split('\n').Where(l => !Regex.IsMatch(l, @"^#\d+\s+(NEW|REDUCE|pulse|RELOAD)\b")).TakeLast(60)));
            foreach (string crash in Directory.GetFiles(artifacts))
            {
                _output.WriteLine($"reproducer {crash}, hex: {Convert.ToHexString(File.ReadAllBytes(crash)).ToLowerInvariant()}");
                _output.WriteLine($"replay: MIXBOX_FUZZ_TRACE=1 {Path.Combine(build, "fuzz_engine_api")} {crash}");
            }
        }
        else
        {
            Directory.Delete(work, recursive: true);
        }

        string failure = output.Split('\n').FirstOrDefault(l => l.Contains("MIXBOX FUZZ INVARIANT FAILED") || l.Contains("ERROR: ")) ?? "";
        Assert.True(exitCode == 0, $"the fuzzer found a failure (exit code {exitCode}): {failure.Trim()} (reproducer in {artifacts})");
        Assert.True(stats.Executions > 0 && stats.Coverage > 0, "libFuzzer printed no final statistics");
    }

    /// <summary>Fails with one line naming the packages when clang or its libFuzzer runtime is missing.</summary>
    private static void RequireLibFuzzer()
    {
        var (exitCode, output) = NativeTestBuild.Run("clang", ["-print-runtime-dir"], null, TimeSpan.FromMinutes(1));
        if (exitCode != 0) Assert.Fail($"ENGINE FUZZ TEST CANNOT RUN: clang is not installed; install it with: {InstallHint}");
        string dir = output.Trim();
        if (!Directory.Exists(dir) || Directory.GetFiles(dir, "libclang_rt.fuzzer*.a").Length == 0)
            Assert.Fail($"ENGINE FUZZ TEST CANNOT RUN: clang has no libFuzzer runtime (libclang_rt.fuzzer in '{dir}'); install it with: {InstallHint}");
    }

    /// <summary>libFuzzer's final figures: stat::number_of_executed_units and the last cov/ft/corp line.</summary>
    private sealed record FuzzStats(long Executions, long Coverage, long Features, string Corpus)
    {
        public static FuzzStats Parse(string log)
        {
            var units = Regex.Match(log, @"stat::number_of_executed_units:\s*(\d+)");
            var last = Regex.Matches(log, @"cov: (\d+) ft: (\d+)(?: corp: (\S+))?").LastOrDefault();
            return new FuzzStats(
                units.Success ? long.Parse(units.Groups[1].Value) : 0,
                last is null ? 0 : long.Parse(last.Groups[1].Value),
                last is null ? 0 : long.Parse(last.Groups[2].Value),
                last is { Groups: var g } && g[3].Success ? g[3].Value : "?");
        }
    }
}
