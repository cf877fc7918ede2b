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

    private static string Build() =>
        FaustPeerProcess.BuildHarness("eq-peer", "peer_eq.dsp", "eqpeer", "peer_eq.c", "faust_eq_harness");
}
