using Xunit.Abstractions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The mix-bus toolkit's C tests (dsp/native/test/toolkit): the bus EQ and its SVF
/// sections against the analogue prototypes, the double designs and a double model
/// (noise, a fast sweep, full scale, silence to exact zero, the design cache), the
/// de-esser and the stereo tools. Built with AddressSanitizer + UBSan (a wrapped sum or
/// a bad shift aborts), except the long magnitude grid, built plain for speed.
/// </summary>
public class ToolkitNativeTests
{
    private readonly ITestOutputHelper _output;

    public ToolkitNativeTests(ITestOutputHelper output) => _output = output;

    private static readonly Lazy<string> Sanitized = new(() =>
        NativeTestBuild.Build("dsp/native/test/toolkit", "toolkit-address", null, "-DMIXBOX_SANITIZER=address", "-DCMAKE_BUILD_TYPE=Debug"));

    private static readonly Lazy<string> Plain = new(() =>
        NativeTestBuild.Build("dsp/native/test/toolkit", "toolkit-release", null, "-DMIXBOX_SANITIZER=none", "-DCMAKE_BUILD_TYPE=Release"));

    [Theory]
    [InlineData("test_bus_eq", "quick", true)]
    [InlineData("test_bus_eq", "magnitudes", false)]
    [InlineData("test_de_esser", "", true)]
    [InlineData("test_stereo_tools", "", true)]
    public void ToolkitCTestsPass(string program, string mode, bool sanitized)
    {
        string build = sanitized ? Sanitized.Value : Plain.Value;
        var (exitCode, output) = NativeTestBuild.Run(Path.Combine(build, program), mode.Length > 0 ? [mode] : [], null,
            TimeSpan.FromMinutes(10));
        _output.WriteLine(output);
        Assert.True(exitCode == 0, output);
        Assert.Contains("all passed", output);
        Assert.DoesNotContain("FAIL", output);
    }
}
