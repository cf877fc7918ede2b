using System.Diagnostics;

namespace MixBox.Cli.Tests;

/// <summary>sox and ffmpeg, the peers the WAV reader is measured against (./install-test-peers installs them from Debian).</summary>
internal static class Peers
{
    /// <summary>Runs <paramref name="tool"/>; returns what it printed on stderr (where ffmpeg's filters report).</summary>
    public static string Stderr(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} failed: {stderr}");
        return stderr + stdout.Result;
    }

    /// <summary>Runs <paramref name="tool"/>; returns its stdout bytes. Fails the test in one line if the tool is missing or fails.</summary>
    public static byte[] Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail($"{tool} is not installed: run ./install-test-peers (it installs the tests' peers, sox and ffmpeg)");
            throw;
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            using var stdout = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(stdout);
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} failed: {stderr.Result}");
            return stdout.ToArray();
        }
    }

    /// <summary>sox's own decoding of <paramref name="wav"/> to raw signed 32-bit (left-justified, like Q1.31).</summary>
    public static int[] SoxS32(string wav) => ToInts(Run("sox", wav, "-t", "s32", "-"));

    /// <summary>ffmpeg's own decoding of <paramref name="wav"/> to raw signed 32-bit little-endian.</summary>
    public static int[] FfmpegS32(string wav) => ToInts(Run("ffmpeg", "-v", "error", "-i", wav, "-f", "s32le", "-"));

    private static int[] ToInts(byte[] raw)
    {
        var samples = new int[raw.Length / 4];
        Buffer.BlockCopy(raw, 0, samples, 0, samples.Length * 4);
        return samples;
    }
}
