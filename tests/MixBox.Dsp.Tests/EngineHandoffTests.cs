using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The control/audio hand-off under two real threads (dsp/native/test/engine_handoff_stress.c):
/// a control thread publishes parameter sets as fast as it can while the audio thread checks
/// every output sample against what complete sets give. Run under ThreadSanitizer (any report
/// fails it) and under AddressSanitizer + UBSan.
/// </summary>
public class EngineHandoffTests
{
    private readonly ITestOutputHelper _output;

    public EngineHandoffTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("thread")]
    [InlineData("address")]
    public void NoTornSetReachesTheAudioSide(string sanitizer)
    {
        string build = NativeTestBuild.Build("dsp/native/test", "engine-tests-" + sanitizer, null,
            "-DMIXBOX_SANITIZER=" + sanitizer, "-DCMAKE_BUILD_TYPE=Debug");
        var (exitCode, output) = NativeTestBuild.Run(Path.Combine(build, "engine_handoff_stress"), [],
            new Dictionary<string, string> { ["TSAN_OPTIONS"] = "exitcode=66 halt_on_error=0" }, TimeSpan.FromMinutes(5));
        _output.WriteLine(output);
        Assert.DoesNotContain("ThreadSanitizer", output);
        Assert.True(exitCode == 0, output);
        var phases = Regex.Matches(output, @"(\d+) blocks, (\d+) publishes, (\d+) inconsistent");
        Assert.Equal(5, phases.Count); // exact, compressor, stereo tools, toolkit, limiter
        foreach (Match phase in phases)
        {
            Assert.True(long.Parse(phase.Groups[1].Value) > 1000, "too few blocks to prove anything: " + phase.Value);
            Assert.True(long.Parse(phase.Groups[2].Value) > 1000, "too few publishes to prove anything: " + phase.Value);
            Assert.Equal("0", phase.Groups[3].Value);
        }
    }
}
