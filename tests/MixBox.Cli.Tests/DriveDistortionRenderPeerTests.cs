using System.Globalization;
using MixBox.Dsp;
using Xunit.Abstractions;

namespace MixBox.Cli.Tests;

/// <summary>
/// A sine through the drive, rendered by `mixbox render`, measured outside by sox: the residual
/// out − in of the render's left side (the stem panned hard left: unity gain) against the
/// engine's own drive distortion reading for the same stem and setting (MixEngine, in process).
/// The meter is the energy of (drive output − its linear part, the input: the drive is
/// level-compensated to unity slope) re the input's, which is what sox's `-m out -v -1 in stats`
/// measures on the files; both cover the same frames (after the first 0.1 s). The float render
/// keeps the engine's output to float's 24-bit significand, 100 dB under this residual. Allowed
/// 0.05 dB (readings in 0.01 dB). tests/MixBox.Dsp.Tests/DistortionMeterPeerTests holds the
/// meter against sox's third-harmonic band too.
/// </summary>
public sealed class DriveDistortionRenderPeerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mixbox-drive-peer-" + Guid.NewGuid());
    private readonly ITestOutputHelper _output;

    public DriveDistortionRenderPeerTests(ITestOutputHelper output)
    {
        _output = output;
        Directory.CreateDirectory(_dir);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string InDir(string name) => Path.Combine(_dir, name);

    [Fact]
    public void TheRenderedDrivesResidualIsWhatTheEngineReads()
    {
        const int driveCentiDb = 1200, skipFrames = 4800;
        string stem = InDir("sine.wav");
        Peers.Run("sox", "-D", "-n", "-r", "48000", "-b", "24", "-c", "1", stem, "synth", "3", "sine", "1000", "vol", "0.2");
        File.WriteAllText(InDir("drive.json"), $$"""
            { "channels": [ { "pan": -100 } ], "drive_db": {{driveCentiDb / 100}},
              "output": { "safety_clip": false, "dither": false } }
            """);
        var (code, _, stderr) = Mixbox.Run("render", stem, "--scene", InDir("drive.json"), "-o", InDir("out.wav"), "--format", "float32");
        Assert.True(code == 0, stderr);
        Peers.Run("sox", "-D", InDir("out.wav"), InDir("left.wav"), "remix", "1");

        double input = RmsDb(Peers.Stderr("sox", "-D", stem, "-n", "trim", "0.1", "stats"));
        double residual = RmsDb(Peers.Stderr("sox", "-D", "-m", "-v", "1", InDir("left.wav"), "-v", "-1", stem, "-n", "trim", "0.1", "stats"));
        double outside = residual - input;

        // The engine's reading for the same stem: the frames after the first 0.1 s, as sox measured.
        int[] samples = Peers.SoxS32(stem);
        using var engine = new MixEngine(48000, 1);
        engine.SetChannelPan(0, -100);
        engine.SetDrive(driveCentiDb);
        var block = new int[32];
        var output = new int[64];
        for (int at = 0; at + 32 <= samples.Length; at += 32)
        {
            if (at == skipFrames) engine.ReadDistortion(EngineLimits.DistortionDrive); // read and reset
            Array.Copy(samples, at, block, 0, 32);
            engine.Process(block, output, 32);
        }
        double meter = engine.ReadDistortion(EngineLimits.DistortionDrive) / 100.0;
        double g = Math.Pow(10, driveCentiDb / 2000.0), analytic = 20 * Math.Log10(g * g * 0.04 * Math.Sqrt(10) / 12);
        _output.WriteLine($"drive {driveCentiDb / 100} dB, 1 kHz sine at -14.0 dBFS: engine reading {meter:F2} dB; sox on the render, out − in {outside:F2} dB re the input; analytic g²A²√10/12 {analytic:F2} dB");
        Assert.InRange(meter, outside - 0.05, outside + 0.05);
        Assert.InRange(meter, analytic - 0.2, analytic + 0.2);
    }

    private static double RmsDb(string stats)
    {
        string line = stats.Split('\n').First(l => l.StartsWith("RMS lev dB"));
        return double.Parse(line["RMS lev dB".Length..].Trim(), CultureInfo.InvariantCulture);
    }
}
