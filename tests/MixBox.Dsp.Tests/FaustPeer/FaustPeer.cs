namespace MixBox.Dsp.Tests;

/// <summary>
/// Faust's standard-library compressor as an independent peer: compiles
/// peer_compressor.dsp with the installed `faust` (Debian package faust, installed
/// by .ci/run) and our harness with gcc, once per test run, then runs it on raw
/// files. If either tool is missing this throws: the comparison must never pass
/// by not running.
/// </summary>
public static class FaustPeer
{
    private static readonly Lazy<string> Harness = new(Build);

    public sealed record Case(double ThresholdDb, double Ratio, double AttackSeconds, double ReleaseSeconds, double KneeDb);

    /// <summary>Gain in dB (&lt;= 0) the peer applies at every frame of a stereo signal.</summary>
    public static double[] GainDb(Case c, double[] left, double[] right, int sampleRate = 48000)
    {
        string directory = Path.GetDirectoryName(Harness.Value)!;
        string input = Path.Combine(directory, $"in-{Guid.NewGuid()}.raw");
        string output = Path.ChangeExtension(input, ".out");
        try
        {
            using (var writer = new BinaryWriter(File.Create(input)))
            {
                writer.Write(sampleRate);
                writer.Write(left.Length);
                for (int i = 0; i < left.Length; i++)
                {
                    foreach (double v in new[] { left[i], right[i], c.ThresholdDb, 1 - 1 / c.Ratio, c.AttackSeconds, c.ReleaseSeconds, c.KneeDb })
                        writer.Write(v);
                }
            }
            FaustPeerProcess.Run(Harness.Value, $"\"{input}\" \"{output}\"", directory);
            var bytes = File.ReadAllBytes(output);
            var gains = new double[left.Length];
            for (int i = 0; i < gains.Length; i++) gains[i] = BitConverter.ToDouble(bytes, 16 * i);
            return gains;
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    private static string Build() =>
        FaustPeerProcess.BuildHarness("peer", "peer_compressor.dsp", "peer", "peer.c", "faust_harness");
}
