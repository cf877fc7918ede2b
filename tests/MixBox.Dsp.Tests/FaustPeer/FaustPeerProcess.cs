using System.Diagnostics;

namespace MixBox.Dsp.Tests;

/// <summary>Builds and runs the Faust peers' harnesses; a missing tool or a failure throws with the command.</summary>
internal static class FaustPeerProcess
{
    /// <summary>
    /// Compiles <paramref name="dsp"/> with Faust (C, double, class <paramref name="className"/>) into
    /// <paramref name="peerC"/>, which <paramref name="harness"/>.c includes, in a temporary directory
    /// removed at exit; returns the harness executable.
    /// </summary>
    public static string BuildHarness(string tag, string dsp, string className, string peerC, string harness)
    {
        string directory = Path.Combine(Path.GetTempPath(), "mixbox-faust-" + tag + "-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
        string source = Path.Combine(AppContext.BaseDirectory, "FaustPeer");
        foreach (string file in new[] { dsp, harness + ".c" })
            File.Copy(Path.Combine(source, file), Path.Combine(directory, file), overwrite: true);
        Run("faust", $"-lang c -double -cn {className} {dsp} -o {peerC}", directory);
        Run("gcc", $"-O2 -I. -o {harness} {harness}.c -lm", directory);
        return Path.Combine(directory, harness);
    }

    public static void Run(string program, string arguments, string directory)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException(
                $"PEER COMPARISON CANNOT RUN: '{program}' is not installed ({error.Message}). Run ./install-test-peers.", error);
        }
        string errors = process.StandardError.ReadToEndAsync().Result;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"PEER COMPARISON CANNOT RUN: '{program} {arguments}' failed ({process.ExitCode}): {errors}");
    }
}
