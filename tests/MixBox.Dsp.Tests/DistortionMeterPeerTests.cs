using System.Globalization;
using System.Text;
using Xunit.Abstractions;
using static MixBox.Dsp.Tests.CompressorFixture;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The drive's distortion meter against measurements made outside, by sox, on the engine's own
/// input and output files (issue #19's peers).
/// - The meter (mixbox_distortion_read): energy of (drive output − its linear part) re the
///   linear part's, over the frames since the last read. The drive is level-compensated to unity
///   slope, so its linear part is its input (docs/ENGINE.md "Distortion meters").
/// - sox `-m out.wav -v -1 in.wav stats`: the RMS of out − in, i.e. the same residual measured
///   from the files: it must agree with the meter to the readings' resolution (0.01 dB each;
///   the meter's residual squares are truncated at 2^-31, 100 dB under this residual). Allowed 0.05 dB.
/// - sox `sinc` band-pass around 3f on the output: the third harmonic alone. On a sine the cubic
///   term's residual is a third harmonic of g²A²/12 plus an in-phase compression of g²A²/4
///   (sin³ = (3 sin − sin 3t)/4), so the meter reads 20 log10 √10 = 10.0 dB above H3. The
///   band-pass passes 3f at unity and rejects f by 120 dB; allowed 0.1 dB.
/// </summary>
public class DistortionMeterPeerTests
{
    private const int Rate = 48000;
    private readonly ITestOutputHelper _output;

    public DistortionMeterPeerTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(1200, 0.2, 1000)]
    [InlineData(600, 0.4, 440)]
    public void TheDriveReadingIsTheResidualSoxMeasuresOnTheFiles(int driveCentiDb, double amplitude, double hz)
    {
        using var engine = StereoEngine();
        engine.SetDrive(driveCentiDb);
        var warmUp = Signals.Sine(Rate, hz, amplitude);                      // past the drive's 5 ms crossfade in
        Run(engine, warmUp, warmUp);
        engine.ReadDistortion(EngineLimits.DistortionDrive);                 // read and reset
        var sine = Signals.Sine(2 * Rate, hz, amplitude, Rate, 2 * Math.PI * hz);  // continues the warm-up's phase (whole seconds)
        var (left, _) = Run(engine, sine, sine);
        double meter = engine.ReadDistortion(EngineLimits.DistortionDrive) / 100.0;

        string dir = Path.Combine(Path.GetTempPath(), "mixbox-distortion-peer-" + Guid.NewGuid());
        Directory.CreateDirectory(dir);
        try
        {
            string input = Path.Combine(dir, "in.wav"), output = Path.Combine(dir, "out.wav");
            WriteFloatWav(input, sine);
            WriteFloatWav(output, left);
            double inputRms = SoxRmsDb("-D", input, "-n", "stats");
            double residualRms = SoxRmsDb("-D", "-m", "-v", "1", output, "-v", "-1", input, "-n", "stats");
            string band = $"{Inv(2.5 * hz)}-{Inv(3.5 * hz)}";
            double thirdRms = SoxRmsDb("-D", output, "-n", "sinc", "-t", Inv(0.2 * hz), band, "trim", "0.5", "1", "stats");
            double residual = residualRms - inputRms, third = thirdRms - inputRms;
            _output.WriteLine($"drive {driveCentiDb / 100.0} dB, {hz} Hz sine at {20 * Math.Log10(amplitude):F1} dBFS: meter {meter:F2} dB; " +
                              $"sox out − in {residual:F2} dB re the input; sox H3 (sinc {band}) {third:F2} dB, + 10.00 = {third + 10:F2} dB");
            Assert.InRange(meter, residual - 0.05, residual + 0.05);
            Assert.InRange(meter, third + 10 - 0.1, third + 10 + 0.1);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Inv(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Runs sox with a `stats` effect last; returns its "RMS lev dB" (mono).</summary>
    private static double SoxRmsDb(params string[] args)
    {
        var (code, text) = NativeTestBuild.Run("sox", args, null, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, "sox " + string.Join(' ', args) + ": " + text);
        string line = text.Split('\n').First(l => l.StartsWith("RMS lev dB"));
        return double.Parse(line["RMS lev dB".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Q31 samples as a mono 32-bit float WAV (exact for the 24-bit grid; the rest to float's 24-bit significand).</summary>
    private static void WriteFloatWav(string path, int[] q31)
    {
        using var w = new BinaryWriter(File.Create(path));
        int data = 4 * q31.Length;
        w.Write(Encoding.ASCII.GetBytes("RIFF")); w.Write(36 + data); w.Write(Encoding.ASCII.GetBytes("WAVEfmt "));
        w.Write(16); w.Write((short)3); w.Write((short)1); w.Write(Rate); w.Write(Rate * 4); w.Write((short)4); w.Write((short)32);
        w.Write(Encoding.ASCII.GetBytes("data")); w.Write(data);
        foreach (int v in q31) w.Write((float)(v / Signals.FullScale));
    }
}
