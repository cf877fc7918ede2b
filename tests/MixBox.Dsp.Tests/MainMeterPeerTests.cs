using System.Globalization;
using Xunit.Abstractions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The main output's level meters against sox's `stats` on the engine's own output. With
/// the correlation meter and the analyser on, the level meters run inside the correlation
/// meter's pass (bus_meters.c), so this holds that path, and the plain one, to an outside
/// reading: the peak since the start against "Pk lev dB" over the whole output, the RMS
/// window (the last 300 ms: 30 segments of 10 ms) against "RMS lev dB" over the same frames.
/// </summary>
public class MainMeterPeerTests
{
    private const int Rate = CompressorFixture.SampleRate, Frames = Rate, WindowFrames = Rate * 3 / 10;
    private const double ToleranceDb = 0.02; // the meters' cdB steps and sox's two decimals
    private readonly ITestOutputHelper _output;

    public MainMeterPeerTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MainPeakAndRmsAgreeWithSoxStats(bool busMetersOn)
    {
        using var engine = CompressorFixture.StereoEngine();
        engine.Set(EngineParam.CorrelationOn, 0, busMetersOn ? 1 : 0);
        engine.Set(EngineParam.AnalyserOn, 0, busMetersOn ? 1 : 0);
        // Rising: a window in the wrong place or of the wrong length reads another level.
        var left = Signals.Noise(Frames, 0.5, 21).Select((v, i) => (int)(v * (0.2 + 0.8 * i / Frames))).ToArray();
        var right = Signals.Sine(Frames, 997, 0.1);
        var (outLeft, outRight) = CompressorFixture.Run(engine, left, right);

        string raw = Path.Combine(Path.GetTempPath(), $"mixbox-main-meter-{Guid.NewGuid()}.raw");
        try
        {
            File.WriteAllBytes(raw, Signals.Interleave(outLeft, outRight).SelectMany(BitConverter.GetBytes).ToArray());
            string[] input = ["-t", "raw", "-e", "signed-integer", "-b", "32", "-r", Rate.ToString(), "-c", "2", raw, "-n"];
            var peak = SoxStat([.. input, "stats"], "Pk lev dB");
            var rms = SoxStat([.. input, "trim", $"{Frames - WindowFrames}s", "stats"], "RMS lev dB");
            foreach (var (name, id, side) in new[] { ("left", MeterId.MainLeft, 0), ("right", MeterId.MainRight, 1) })
            {
                var reading = engine.ReadMeter(id);
                double ourPeak = reading.PeakCentiDb / 100.0, ourRms = reading.RmsCentiDb / 100.0;
                _output.WriteLine($"bus meters {(busMetersOn ? "on" : "off")}, main {name}: peak {ourPeak:F2} dB (sox {peak[side]:F2}), " +
                                  $"RMS {ourRms:F2} dB (sox {rms[side]:F2})");
                Assert.InRange(ourPeak, peak[side] - ToleranceDb, peak[side] + ToleranceDb);
                Assert.InRange(ourRms, rms[side] - ToleranceDb, rms[side] + ToleranceDb);
            }
        }
        finally
        {
            File.Delete(raw);
        }
    }

    /// <summary>Runs sox with `stats` last; returns the named line's Left and Right columns.</summary>
    private static double[] SoxStat(IList<string> args, string label)
    {
        var (code, text) = NativeTestBuild.Run("sox", args, null, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, "sox " + string.Join(' ', args) + ": " + text);
        var columns = text.Split('\n').First(l => l.StartsWith(label))[label.Length..]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [double.Parse(columns[1], CultureInfo.InvariantCulture), double.Parse(columns[2], CultureInfo.InvariantCulture)];
    }
}
