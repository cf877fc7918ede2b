using System.Diagnostics;

namespace MixBox.Device.Tests;

/// <summary>
/// Runs firmware/native's ctest (built by this project): once with AddressSanitizer + UBSan,
/// once with ThreadSanitizer, where any report fails it. It holds the test of
/// mixbox_device_link.c (with its two-thread run: audio task and control side on the real
/// engine), the real mixbox_audio_task.c on the ESP-IDF v5.5.4 model in virtual time
/// (test_audio_task, test_audio_task_1khz, idf_model) and the device compile check.
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
