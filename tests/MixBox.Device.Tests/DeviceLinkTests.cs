using System.Diagnostics;

namespace MixBox.Device.Tests;

/// <summary>
/// Runs the C test of firmware/native/mixbox_device_link.c (built by this project) through
/// ctest: once with AddressSanitizer + UBSan, once with ThreadSanitizer, where any report
/// from its two-thread run (audio task and control side on the real engine) fails it.
/// </summary>
public class DeviceLinkTests
{
    [Theory]
    [InlineData("DeviceNativeBuildDir")]
    [InlineData("DeviceNativeTsanBuildDir")]
    public void CTestOfTheControlAudioLinkPasses(string buildDir)
    {
        var start = new ProcessStartInfo("ctest", ["--test-dir", RepoPaths.Metadata(buildDir), "--output-on-failure"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        Assert.DoesNotContain("ThreadSanitizer", output);
        Assert.Contains("100% tests passed", output);
    }
}
