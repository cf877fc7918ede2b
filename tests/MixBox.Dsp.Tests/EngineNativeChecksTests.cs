using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The engine's small native checks (dsp/native/test), under AddressSanitizer + UBSan: the
/// drive's curve in its 32-bit form against its 64-bit definition for every setting
/// (test_drive_curve), the leading-one byte table against a bit-by-bit search (test_top_bit),
/// the meters' two-word exact run sums (level meters, correlation, K-weighting) against a
/// 64-bit sum (test_exact_run_sum), the high-pass section's step against its arithmetic
/// written out in 64 bits (test_highpass_section), a
/// sub-bus output made straight by its group kernel against the Q39 sums rounded as the join
/// does (test_bus_sum_out), the true-peak meter's screened holds against every position's 12
/// taps in 64 bits (test_true_peak_screens). CI runs native tests only through this suite, so every test the
/// native CMake projects declare must be run by some test class here.
/// </summary>
public class EngineNativeChecksTests
{
    private readonly ITestOutputHelper _output;

    public EngineNativeChecksTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("test_drive_curve", "drive curve: every setting matches its definition")]
    [InlineData("test_top_bit", "top bit: the byte table matches")]
    [InlineData("test_exact_run_sum", "exact run sum: exact on every run")]
    [InlineData("test_highpass_section", "designs match the direct arithmetic")]
    [InlineData("test_bus_sum_out", "calls compared")]
    [InlineData("test_true_peak_screens", "every hold matches every position's taps")]
    public void NativeCheckPasses(string program, string verdict)
    {
        string build = NativeTestBuild.Build("dsp/native/test", "engine-tests-address", null,
            "-DMIXBOX_SANITIZER=address", "-DCMAKE_BUILD_TYPE=Debug");
        var (exitCode, output) = NativeTestBuild.Run(Path.Combine(build, program), [], null, TimeSpan.FromMinutes(5));
        _output.WriteLine(output);
        Assert.True(exitCode == 0, output);
        Assert.Contains(verdict, output);
        Assert.DoesNotContain("FAIL", output);
    }

    [Fact]
    public void EveryDeclaredNativeTestIsRunBySomeTestClass()
    {
        string root = NativeTestBuild.RepositoryRoot;
        string suites = string.Concat(Directory.GetFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar)
                           && !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
            .Select(File.ReadAllText));
        var missing = new List<string>();
        foreach (string cmake in Directory.GetFiles(Path.Combine(root, "dsp", "native"), "CMakeLists.txt", SearchOption.AllDirectories))
        {
            foreach (Match test in Regex.Matches(File.ReadAllText(cmake), @"(?:add_test\(NAME|add_engine_check\()\s*(\w+)"))
            {
                if (!suites.Contains("\"" + test.Groups[1].Value + "\"")) missing.Add(Path.GetRelativePath(root, cmake) + ": " + test.Groups[1].Value);
            }
        }
        Assert.True(missing.Count == 0, "native tests no C# test runs (CI would never run them): " + string.Join(", ", missing));
    }
}
