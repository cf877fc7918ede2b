using Xunit.Abstractions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The loopback self-test's analyser in C (dsp/native/test/test_loopback.c) against the
/// test's own double computation: a windowed-sinc fractional delay, gain, a cubic term with
/// a known third harmonic, the ADC's clip, no cable. Under AddressSanitizer + UBSan.
/// </summary>
public class LoopbackAnalyserTests
{
    private readonly ITestOutputHelper _output;

    public LoopbackAnalyserTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void AnalyserAgreesWithAnIndependentComputation()
    {
        string build = NativeTestBuild.Build("dsp/native/test", "engine-tests-address", null,
            "-DMIXBOX_SANITIZER=address", "-DCMAKE_BUILD_TYPE=Debug");
        var (exitCode, output) = NativeTestBuild.Run(Path.Combine(build, "test_loopback"), [], null, TimeSpan.FromMinutes(2));
        _output.WriteLine(output);
        Assert.True(exitCode == 0, output);
        Assert.Contains("loopback: all passed", output);
    }
}
