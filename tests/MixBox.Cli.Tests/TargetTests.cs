using System.Globalization;
using System.Text.RegularExpressions;
using MixBox.Dsp.Tests;
using Xunit.Abstractions;

namespace MixBox.Cli.Tests;

/// <summary>
/// `render --target` and `--normalize`: the report's figures and the gain it says is needed against
/// libebur128 measuring the written file, a normalised render on its target (also with the
/// compressor working, where loudness is not linear in the fader), the vinyl checks on material
/// made to fail each, and one-line usage errors.
/// </summary>
public sealed class TargetTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixbox-target-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string At(string name) => Path.Combine(_dir, name);

    private string Stem(string name, params string[] synth)
    {
        string path = At(name);
        Peers.Run("sox", ["-n", "-r", "48000", "-b", "24", "-c", "2", path, "synth", .. synth]);
        return path;
    }

    /// <summary>libebur128's integrated loudness and true peak of a written WAV (decoded by sox).</summary>
    private static (double Integrated, double TruePeak) Libebur128(string wav)
    {
        int[] samples = Peers.SoxS32(wav);
        using var meter = new Ebur128(48000);
        meter.Add(samples, 0, samples.Length / 2);
        return (meter.Integrated, meter.TruePeakDb);
    }

    private static double Figure(string text, string pattern) =>
        double.Parse(Regex.Match(text, pattern).Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public void TheReportsFiguresAndGainNeededAgreeWithLibebur128()
    {
        string stem = Stem("music.wav", "10", "pinknoise", "sine", "220", "vol", "0.2");
        var (code, stdout, stderr) = Mixbox.Run("render", stem, "-o", At("mix.wav"), "--target", "ebu");
        Assert.True(code == 0, stderr);
        log.WriteLine(stdout);
        var (integrated, _) = Libebur128(At("mix.wav"));
        double reported = Figure(stdout, @"integrated loudness (-?[\d.]+) LUFS, target"), gain = Figure(stdout, @"gain needed ([+-][\d.]+) dB");
        Assert.InRange(reported - integrated, -0.1, 0.1);
        Assert.InRange(gain - (-23 - integrated), -0.1, 0.1);
        Assert.Contains(Math.Abs(integrated + 23) <= 0.5 ? "meets EBU R 128" : "does not meet EBU R 128", stdout);
    }

    [Theory]
    [InlineData("spotify", -14.0, false)]
    [InlineData("ebu", -23.0, false)]
    [InlineData("ebu", -23.0, true)]
    public void NormalizeLandsOnTheTarget(string target, double lufs, bool compressorIn)
    {
        string stem = Stem("music.wav", "10", "pinknoise", "sine", "110", "fade", "q", "1", "10", "2", "vol", "0.1");
        var args = new List<string> { "render", stem, "-o", At("mix.wav"), "--target", target, "--normalize" };
        if (compressorIn)
        {
            // A compressor that works on this material (threshold far below it): loudness is no longer linear in the fader.
            File.WriteAllText(At("scene.json"), """{ "compressor": { "in": true, "threshold_db": -26, "ratio": 2 } }""");
            args.AddRange(["--scene", At("scene.json")]);
        }
        var (code, stdout, stderr) = Mixbox.Run([.. args]);
        Assert.True(code == 0, stderr);
        log.WriteLine(stdout);
        var (integrated, truePeak) = Libebur128(At("mix.wav"));
        log.WriteLine($"libebur128: {integrated:F2} LUFS, {truePeak:F2} dBTP");
        Assert.InRange(integrated, lufs - 0.2, lufs + 0.2);
        Assert.True(truePeak <= -1 + 0.1, $"{truePeak:F2} dBTP");
        Assert.DoesNotContain("at its end", stdout);
    }

    [Fact]
    public void NormalizeMeetsTheTruePeakLimitOnInterSamplePeaks()
    {
        // Quiet noise with 5 ms bursts of 11.025 kHz near full scale twice a second: a high
        // peak-to-loudness ratio, so normalising to -14 LUFS lifts the bursts over full scale, and
        // 11.025 kHz at 48 kHz puts their peaks between samples (a sample-peak clip leaves them over).
        string noise = Stem("noise.wav", "8", "pinknoise", "vol", "0.05"), burst = At("burst.wav"), stem = At("bright.wav");
        Peers.Run("sox", "-n", "-r", "48000", "-b", "24", "-c", "2", burst, "synth", "0.005", "sine", "11025", "vol", "0.9", "pad", "0", "0.495", "repeat", "15");
        Peers.Run("sox", "-m", "-v", "1", noise, "-v", "1", burst, stem);
        var (code, stdout, stderr) = Mixbox.Run("render", stem, "-o", At("mix.wav"), "--target", "spotify", "--normalize");
        Assert.True(code == 0, stderr);
        log.WriteLine(stdout);
        var (integrated, truePeak) = Libebur128(At("mix.wav"));
        log.WriteLine($"libebur128: {integrated:F2} LUFS, {truePeak:F2} dBTP");
        Assert.True(truePeak <= -1 + 0.1, $"{truePeak:F2} dBTP");
        Assert.Contains("true peak", stdout);
    }

    [Fact]
    public void NormalizeSaysSoWhenTheFaderCannotReachTheTarget()
    {
        string stem = Stem("quiet.wav", "5", "pinknoise", "vol", "0.005"); // about -45 LUFS: +31 dB needed, the fader gives +12
        var (code, stdout, stderr) = Mixbox.Run("render", stem, "-o", At("mix.wav"), "--target", "spotify", "--normalize");
        Assert.True(code == 0, stderr);
        Assert.Matches(@"normalize: the main fader is at its end \(\+12\.0 dB\): the mix stays [\d.]+ LU below the target", stdout);
        Assert.Contains("does not meet Spotify", stdout);
    }

    [Fact]
    public void TheVinylChecksCatchBassOutOfPhaseAndAHeavyTopEnd()
    {
        string Check(string name, string[] remixAndEffects)
        {
            string tone = Stem(name + "-src.wav", "8", "sine", "60", "vol", "0.3"), wav = At(name + ".wav");
            Peers.Run("sox", [tone, wav, .. remixAndEffects]);
            var (code, stdout, stderr) = Mixbox.Run("render", wav, "-o", At(name + "-mix.wav"), "--target", "vinyl");
            Assert.True(code == 0, stderr);
            log.WriteLine(stdout);
            return stdout;
        }
        string centred = Check("centred", ["remix", "1", "1"]);
        Assert.Contains("meets vinyl lacquer", centred);

        string inverted = Check("inverted", ["remix", "1", "1v-1"]);
        Assert.Matches(@"bass below 150 Hz in phase .*: -1\.00: FAIL", inverted);
        Assert.Matches(@"bass centred .*: \+inf dB: FAIL", inverted);
        Assert.Contains("does not meet vinyl lacquer", inverted);

        string bright = At("bright.wav");
        Peers.Run("sox", "-n", "-r", "48000", "-b", "24", "-c", "2", bright, "synth", "8", "whitenoise", "highpass", "5000", "vol", "0.3");
        var (code, stdout, _) = Mixbox.Run("render", bright, "-o", At("bright-mix.wav"), "--target", "vinyl");
        Assert.Equal(0, code);
        Assert.Matches(@"top end / sibilance .*: FAIL", stdout);
    }

    /// <summary>
    /// The table moved into the firmware (TargetPresets) so the box and the render judge alike; the
    /// render's figures are those it had before the move (the sources' values, docs/FIRMWARE.md).
    /// </summary>
    [Fact]
    public void TheRendersTargetsAreTheFirmwaresWithTheirPublishedFigures()
    {
        var expected = new (string Key, double? Lufs, double Window, bool AtMost, double? TruePeak)[]
        {
            ("spotify", -14, 1, false, -1), ("apple", -16, 1, false, -1), ("youtube", -14, 1, false, -1),
            ("aes", -16, 0, true, -1), ("ebu", -23, 0.5, false, -1), ("atsc", -24, 2, false, -2), ("vinyl", null, 0, false, null),
        };
        Assert.Equal(expected, DeliveryTarget.All.Select(t => (t.Key, t.IntegratedLufs, t.WindowLu, t.AtMost, t.MaxTruePeakDb)));
        Assert.Equal(DeliveryTarget.All.Select(t => t.Key), MixBox.Firmware.TargetPresets.All.Select(p => p.Key));
    }

    /// <summary>A scene that names a target (as the box stores it) gets the report without --target; --target overrides it.</summary>
    [Fact]
    public void TheScenesTargetIsReportedWithoutTargetOption()
    {
        string stem = Stem("music.wav", "3", "pinknoise", "vol", "0.2");
        File.WriteAllText(At("scene.json"), "{ \"target\": \"ebu\" }");
        var (code, stdout, stderr) = Mixbox.Run("render", stem, "--scene", At("scene.json"), "-o", At("mix.wav"));
        Assert.True(code == 0, stderr);
        Assert.Contains("against EBU R 128 (EBU R 128):", stdout);
        var (again, overridden, err) = Mixbox.Run("render", stem, "--scene", At("scene.json"), "-o", At("mix.wav"), "--target", "spotify");
        Assert.True(again == 0, err);
        Assert.Contains("against Spotify (", overridden);
        Assert.DoesNotContain("EBU R 128", overridden);
    }

    [Theory]
    [InlineData("--target", "cd")]
    [InlineData("--normalize")]
    [InlineData("--target", "vinyl", "--normalize")]
    public void UsageErrorsAreOneLine(params string[] extra)
    {
        string stem = Stem("a.wav", "1", "sine", "440");
        var (code, stdout, err) = Mixbox.Run(["render", stem, "-o", At("out.wav"), .. extra]);
        Assert.Equal(2, code);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.False(File.Exists(At("out.wav")));
        Assert.Equal("", stdout);
    }
}
