using System.Globalization;
using Xunit.Abstractions;

namespace MixBox.Cli.Tests;

/// <summary>
/// The mix against sox (issue #19's peers): eight stems made by sox, rendered by `mixbox render`
/// with faders, trims and pans, against the same mix made by sox alone (`sox -M` merges the stems
/// into eight channels, `remix -m` sums them with the engine's gains; 32-bit float, no dither).
/// The gains are the engine's documented law (docs/ENGINE.md "Signal flow"): 10^((trim + fader)/20)
/// times cos (left) and sin (right) of (pan + 100)/200 · π/2. sox sums in double and keeps
/// 32-bit integers (2^-31), so the null is set by the outputs' word lengths:
/// - 24-bit render: the engine's exact mix rounded once to 24 bits (±0.5 LSB = 2^-24 of full
///   scale, RMS 2^-23/√12 = -149.3 dBFS) plus the float file's half-ulp (≤ 2^-25 at |x| ≥ 0.5),
///   so at most 0.75 LSB (-142.5 dBFS) sample for sample;
/// - float render: both sides rounded to float (each ≤ half an ulp, 2^-25 at |x| ≥ 0.5), so at
///   most 2^-24 = 0.5 LSB of 24 bits (-144.5 dBFS), below what 24 bits can show.
/// </summary>
public sealed class SoxMixPeerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mixbox-soxmix-" + Guid.NewGuid());
    private readonly ITestOutputHelper _output;

    public SoxMixPeerTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_dir);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string InDir(string name) => Path.Combine(_dir, name);

    // Eight stems of different kinds, each at -18 dBFS peak (sox's synth is full scale, then vol).
    private static readonly string[][] StemSynths =
    [
        ["sine", "110"], ["square", "220"], ["sawtooth", "330"], ["triangle", "440"],
        ["pinknoise"], ["whitenoise"], ["sine", "100-8000"], ["pluck", "196"],
    ];

    private static readonly (double FaderDb, double TrimDb, int Pan)[] Channels =
    [
        (0, 0, -100), (-3, 0, -60), (-6.5, 2, -25), (2.5, 0, 0), (-1.25, 0, 17), (-9, -3, 50), (-4.25, 0, 83), (-12, 4.5, 100),
    ];

    private static double Gain(int c, bool right)
    {
        var (fader, trim, pan) = Channels[c];
        double angle = (pan + 100) / 200.0 * Math.PI / 2;
        return Math.Pow(10, (fader + trim) / 20) * (right ? Math.Sin(angle) : Math.Cos(angle));
    }

    private static string Inv(double v) => v.ToString("0.##################", CultureInfo.InvariantCulture);

    [Fact]
    public void EightStemsMixedByTheBoxNullAgainstSoxsOwnMix()
    {
        var stems = new List<string>();
        for (int s = 0; s < StemSynths.Length; s++)
        {
            string stem = InDir($"stem{s + 1}.wav");
            Peers.Run("sox", ["-D", "-R", "-n", "-r", "48000", "-b", "24", "-c", "1", stem, "synth", "2", .. StemSynths[s], "vol", "0.125"]);
            stems.Add(stem);
        }
        string channels = string.Join(",\n", Channels.Select(c =>
            $"{{ \"fader_db\": {Inv(c.FaderDb)}, \"trim_db\": {Inv(c.TrimDb)}, \"pan\": {c.Pan} }}"));
        File.WriteAllText(InDir("scene.json"), $$"""
            { "channels": [ {{channels}} ],
              "output": { "safety_clip": false, "dither": false } }
            """);
        foreach (string format in new[] { "pcm24", "float32" })
        {
            var (code, _, stderr) = Mixbox.Run(["render", .. stems, "--scene", InDir("scene.json"), "-o", InDir($"box-{format}.wav"), "--format", format]);
            Assert.True(code == 0, stderr);
        }

        // sox: -M merges the stems into channels 1..8; remix -m (manual: no 1/n scaling) sums them.
        string Side(bool right) => string.Join(",", Enumerable.Range(0, 8).Select(c => $"{c + 1}v{Inv(Gain(c, right))}"));
        Peers.Run("sox", ["-D", "-M", .. stems, "-e", "floating-point", "-b", "32", InDir("sox.wav"), "remix", "-m", Side(false), Side(true)]);

        var sox = Samples(InDir("sox.wav"));
        double mixRms = Math.Sqrt(sox.Average(v => v * v));
        Assert.InRange(20 * Math.Log10(mixRms), -40, -6);                                    // a real mix, under full scale
        Assert.InRange(sox.Max(Math.Abs), 0.05, 0.99);
        foreach (var (format, limitLsb) in new[] { ("pcm24", 0.75), ("float32", 0.5) })
        {
            var box = Samples(InDir($"box-{format}.wav"));
            Assert.Equal(sox.Length, box.Length);
            double worst = 0, square = 0;
            for (int i = 0; i < box.Length; i++)
            {
                double d = box[i] - sox[i];
                worst = Math.Max(worst, Math.Abs(d));
                square += d * d;
            }
            double rms = Math.Sqrt(square / box.Length), lsb = Math.Pow(2, -23);
            _output.WriteLine($"{format} render vs sox -M … remix -m: worst {worst / lsb:F3} LSB of 24 bits ({20 * Math.Log10(worst):F1} dBFS), " +
                              $"difference RMS {20 * Math.Log10(rms):F1} dBFS, null {20 * Math.Log10(rms / mixRms):F1} dB re the mix (mix RMS {20 * Math.Log10(mixRms):F1} dBFS)");
            Assert.True(worst <= limitLsb * lsb, $"{format}: the box's mix differs from sox's by {worst / lsb:F3} LSB (limit {limitLsb})");
            Assert.True(20 * Math.Log10(rms) <= -146, $"{format}: difference RMS {20 * Math.Log10(rms):F1} dBFS (limit -146)");
        }
    }

    /// <summary>Every sample of a stereo 24-bit PCM or 32-bit float WAV (plain or extensible), read here, in full-scale units.</summary>
    private static double[] Samples(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        int tag = 0, bits = 0;
        for (int at = 12; at + 8 <= file.Length;)
        {
            string id = System.Text.Encoding.ASCII.GetString(file, at, 4);
            int size = BitConverter.ToInt32(file, at + 4);
            if (id == "fmt ")
            {
                tag = BitConverter.ToUInt16(file, at + 8);
                Assert.Equal(2, BitConverter.ToUInt16(file, at + 10));
                bits = BitConverter.ToUInt16(file, at + 22);
                if (tag == 0xFFFE) tag = BitConverter.ToUInt16(file, at + 32); // the sub-format GUID starts with the tag
            }
            else if (id == "data")
            {
                if (tag == 3 && bits == 32)
                    return Enumerable.Range(0, size / 4).Select(k => (double)BitConverter.ToSingle(file, at + 8 + 4 * k)).ToArray();
                Assert.True(tag == 1 && bits == 24, $"{path}: format {tag}, {bits} bits");
                return Enumerable.Range(0, size / 3).Select(k =>
                    (file[at + 8 + 3 * k] << 8 | file[at + 9 + 3 * k] << 16 | file[at + 10 + 3 * k] << 24) / 2147483648.0).ToArray();
            }
            at += 8 + size + (size & 1);
        }
        throw new InvalidOperationException(path + ": no data chunk");
    }
}
