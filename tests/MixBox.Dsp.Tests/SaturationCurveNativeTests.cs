using Xunit.Abstractions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The drive's curve in its 32-bit form (dsp/native/test/test_drive_curve.c: the flat top's
/// input limit found at design) against the curve's definition in 64-bit arithmetic for
/// every drive setting, and the leading-one search of cores without clz
/// (test_top_bit.c, the log2's byte table) against a bit-by-bit search. Under
/// AddressSanitizer + UBSan.
/// </summary>
public class SaturationCurveNativeTests
{
    private readonly ITestOutputHelper _output;

    public SaturationCurveNativeTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("test_drive_curve", "drive curve: every setting matches its definition")]
    [InlineData("test_top_bit", "top bit: the byte table matches")]
    public void NativeCheckPasses(string program, string verdict)
    {
        string build = NativeTestBuild.Build("dsp/native/test", "engine-tests-address", null,
            "-DMIXBOX_SANITIZER=address", "-DCMAKE_BUILD_TYPE=Debug");
        var (exitCode, output) = NativeTestBuild.Run(Path.Combine(build, program), [], null, TimeSpan.FromMinutes(2));
        _output.WriteLine(output);
        Assert.True(exitCode == 0, output);
        Assert.Contains(verdict, output);
    }
}
