using System.Diagnostics;

namespace MixBox.Device.Tests;

/// <summary>Runs the C test of firmware/native/mixbox_device_link.c (built by this project) through ctest.</summary>
public class DeviceLinkTests
{
    [Fact]
    public void CTestOfTheControlAudioLinkPasses()
    {
        var start = new ProcessStartInfo("ctest", ["--test-dir", RepoPaths.Metadata("DeviceNativeBuildDir"), "--output-on-failure"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("100% tests passed", output);
    }
}
