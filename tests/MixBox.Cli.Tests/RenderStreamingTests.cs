using System.Text.RegularExpressions;
using MixBox.Dsp;
using Xunit.Abstractions;

namespace MixBox.Cli.Tests;

/// <summary>
/// The render streams: its peak memory does not depend on the length (child processes, as a user
/// runs it), the meter plot's points are bounded, a terminal gets a progress bar and a redirected
/// output none, and the 24-bit output is the exact mix rounded (no bias).
/// </summary>
public sealed class RenderStreamingTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixbox-stream-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string At(string name) => Path.Combine(_dir, name);

    /// <summary>Renders 8 generated mono stems of <paramref name="seconds"/> in a child process; returns its peak memory (VmHWM) in MB.</summary>
    private double PeakMegabytes(int seconds)
    {
        // One stem made by sox (noise and a tone), copied to 8 files: 8 stems to open and stream, without 8 syntheses.
        string first = At($"{seconds}s-1.wav");
        Peers.Run("sox", "-n", "-r", "48000", "-b", "16", "-c", "1", first, "synth", seconds.ToString(), "pinknoise", "vol", "0.3");
        var stems = Enumerable.Range(1, 8).Select(i =>
        {
            string path = At($"{seconds}s-{i}.wav");
            if (i > 1) File.Copy(first, path);
            return path;
        }).ToArray();
        var (code, stdout, stderr) = Mixbox.RunChild("", ["render", .. stems, "-o", At($"{seconds}s.wav"), "--png", At($"{seconds}s.png")]);
        Assert.True(code == 0, stderr);
        log.WriteLine(stdout);
        foreach (string stem in stems) File.Delete(stem);
        var match = Regex.Match(stdout, @"rendered ([\d.]+) s of audio in [\d.]+ s \(\d+x real time\), peak memory (\d+) MB");
        Assert.True(match.Success, stdout);
        Assert.Equal(seconds, double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        return double.Parse(match.Groups[2].Value);
    }

    [Fact]
    public void PeakMemoryDoesNotGrowWithTheLength()
    {
        double oneMinute = PeakMegabytes(60), fiveMinutes = PeakMegabytes(300);
        log.WriteLine($"peak memory: 8 x 1 min {oneMinute} MB, 8 x 5 min {fiveMinutes} MB");
        Assert.True(Math.Abs(fiveMinutes - oneMinute) < 10, $"1 min: {oneMinute} MB, 5 min: {fiveMinutes} MB");
        Assert.True(fiveMinutes < 150, $"{fiveMinutes} MB"); // the whole 5 minutes of stems would be 184 MB as samples
    }

    [Fact]
    public void TheMeterPlotKeepsBoundedPointsAndEveryPeak()
    {
        const long hour = 360_000; // ticks
        var timeline = new MeterTimeline(8, hour, MeterTimeline.LevelSource.TickPeak);
        var levels = new int[8];
        var loudness = new LoudnessReading { MomentaryCentiLufs = -2300, ShortTermCentiLufs = -2300 };
        for (long tick = 0; tick < hour; tick++)
        {
            Array.Fill(levels, tick == 123_457 ? -100 : -2000); // one 10 ms peak in an hour
            timeline.Add(tick / 100.0, levels, -1800, -1800, tick == 200_001 ? 650 : 0, loudness);
        }
        Assert.InRange(timeline.Points, MeterTimeline.MaxPoints - 1, MeterTimeline.MaxPoints);
        Assert.Equal(-1.0, timeline.Channels[3].Max());
        Assert.Equal(1, timeline.Channels[3].Count(v => v == -1.0));
        Assert.Equal(6.5, timeline.GainReduction.Max());
        Assert.Equal(hour / 100.0 - 0.01, timeline.Seconds[^1], 6);
    }

    [Fact]
    public void ATerminalGetsAProgressBarAndARedirectedOutputNone()
    {
        string stem = WavFiles.Sine(_dir, "a.wav", 220, 0.3, 3.0);
        var screen = new StringWriter();
        var terminal = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.Yes,
            Interactive = Spectre.Console.InteractionSupport.Yes,
            Out = new Spectre.Console.AnsiConsoleOutput(screen),
        });
        var stdout = new StringWriter();
        Assert.Equal(0, CliApp.Run(["render", stem, "-o", At("tty.wav")], stdout, new StringWriter(), terminal));
        log.WriteLine(screen.ToString());
        Assert.Contains("rendering tty.wav", screen.ToString());
        Assert.Contains("100%", screen.ToString());

        var (code, redirected, _) = Mixbox.Run("render", stem, "-o", At("redirected.wav"));
        Assert.Equal(0, code);
        Assert.DoesNotContain("%", redirected);
        Assert.DoesNotContain('\u001b', redirected);
        Assert.Equal(File.ReadAllBytes(At("tty.wav")), File.ReadAllBytes(At("redirected.wav")));
    }

    [Fact]
    public void ACentrePannedUnityMixIsTheExactMixRoundedWithoutBias()
    {
        // A mono 24-bit stem, no scene: fader 0 dB, pan centre (constant power: cos(pi/4) to each side), dither off.
        // Peaks at -4 dBFS after the pan law: under the safety clip's knee (ceiling - 3 dB), so nothing else touches it.
        var random = new Random(11);
        var samples = Enumerable.Range(0, 480_000).Select(_ => (int)Math.Round((2 * random.NextDouble() - 1) * 0.89 * 8388607)).ToArray();
        string stem = ExactStems.Mono24(At("mono.wav"), samples);
        Assert.Equal(0, Mixbox.Run("render", stem, "-o", At("mix.wav")).Code);
        var (_, mix) = WavReaderTests.ReadAll(At("mix.wav"));

        // Against the exact double-precision mix with the exact pan law (#17): the engine derives its coefficients in
        // double on the control side and keeps them to Q40 (docs/ENGINE.md), so all that may add to the final rounding's
        // half step (0.5 LSB of 24 bits = 2^-24 full scale) is bounded by, in full-scale units:
        //   the output's own Q31 grid: the engine rounds its Q39 sum to Q31 before the file rounds to 24 bits, 2^-32;
        //   per channel, the coefficient's rounding to Q40 (2^-41 x |x| <= 1) and the split product's floors (2^-53);
        //   per group of four channels, the Q55 -> Q39 floor, 2^-39.
        // With n = 1 channel: 2^-32 + 2^-41 + 2^-53 + 2^-39 = 2^-9 + 2^-18 + ... 24-bit LSBs, under 0.0020 LSB.
        const int n = 1;
        double excess = (Math.Pow(2, -32) + n * (Math.Pow(2, -41) + Math.Pow(2, -53)) + Math.Pow(2, -39)) * (1 << 23);
        double ideal = Math.Cos(Math.PI / 4);
        double sumIdeal = 0, worstIdeal = 0;
        for (int i = 0; i < samples.Length; i++)
        {
            Assert.Equal(mix[2 * i], mix[2 * i + 1]);
            double got = mix[2 * i] / 256.0;                    // 24-bit LSBs
            double errorIdeal = got - samples[i] * ideal;
            sumIdeal += errorIdeal;
            worstIdeal = Math.Max(worstIdeal, Math.Abs(errorIdeal));
        }
        double bias = sumIdeal / samples.Length;
        log.WriteLine($"vs the exact double mix: worst {worstIdeal:F5} LSB (bound 0.5 + {excess:F5}), bias {bias:F5} LSB");
        Assert.True(worstIdeal <= 0.5 + excess, $"worst {worstIdeal} LSB, bound 0.5 + {excess}");
        Assert.True(Math.Abs(bias) < 0.01, $"bias {bias} LSB");
    }
}
