using System.Diagnostics;

namespace MixBox.Dsp.Tests;

/// <summary>
/// Faust's standard-library equalisers as an independent peer for the bus EQ's
/// sections: compiles peer_eq.dsp with the installed `faust` and the harness with gcc,
/// once per test run, then runs it on raw files. If either tool is missing this
/// throws: the comparison must never pass by not running.
/// </summary>
public static class FaustEqPeer
{
    private static readonly Lazy<string> Harness = new(Build);

    /// <summary>The peer's outputs, in peer_eq.dsp's order.</summary>
    public enum Output { SvfBell, SvfLowShelf, SvfHighShelf, SvfLowPass, SvfHighPass, PeakEq, LowShelf3, HighShelf3 }

    /// <summary>All eight outputs for input x (constant parameters), [output][frame].</summary>
    public static double[][] Run(double[] x, double hz, double q, double gainDb, double bandwidthHz, int sampleRate)
    {
        string directory = Path.GetDirectoryName(Harness.Value)!;
        string input = Path.Combine(directory, $"in-{Guid.NewGuid()}.raw");
        string output = Path.ChangeExtension(input, ".out");
        try
        {
            using (var writer = new BinaryWriter(File.Create(input)))
            {
                writer.Write(sampleRate);
                writer.Write(x.Length);
                foreach (double v in x)
                {
                    foreach (double p in new[] { v, hz, q, gainDb, bandwidthHz }) writer.Write(p);
                }
            }
            FaustPeerProcess.Run(Harness.Value, $"\"{input}\" \"{output}\"", directory);
            var bytes = File.ReadAllBytes(output);
            var result = new double[8][];
            for (int o = 0; o < 8; o++)
            {
                result[o] = new double[x.Length];
                for (int i = 0; i < x.Length; i++) result[o][i] = BitConverter.ToDouble(bytes, 8 * (8 * i + o));
            }
            return result;
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static string Build()
    {
        string directory = Path.Combine(Path.GetTempPath(), "mixbox-faust-eq-peer-" + Environment.ProcessId);
        Directory.CreateDirectory(directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
        string source = Path.Combine(AppContext.BaseDirectory, "FaustPeer");
        foreach (string file in new[] { "peer_eq.dsp", "faust_eq_harness.c" })
            File.Copy(Path.Combine(source, file), Path.Combine(directory, file), overwrite: true);
        FaustPeerProcess.Run("faust", "-lang c -double -cn eqpeer peer_eq.dsp -o peer_eq.c", directory);
        FaustPeerProcess.Run("gcc", "-O2 -I. -o faust_eq_harness faust_eq_harness.c -lm", directory);
        return Path.Combine(directory, "faust_eq_harness");
    }
}

/// <summary>Runs a peer tool; a missing tool or a failure throws with the command.</summary>
internal static class FaustPeerProcess
{
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
