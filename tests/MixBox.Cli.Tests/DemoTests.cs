using MixBox.Firmware;
using NAudio.Wave;

namespace MixBox.Cli.Tests;

/// <summary>The README's main command, run as a user would, and its outputs checked.</summary>
public class DemoTests
{
    [Fact]
    public void MixboxDemoWritesAnAudibleUnclippedLoudnessSensibleMixAndAPlot()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mixbox-demo-" + Guid.NewGuid());
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.Equal(0, CliApp.Run(new[] { "demo", "--out", dir }, stdout, stderr));
            Assert.Equal("", stderr.ToString());
            string text = stdout.ToString();
            Assert.Contains("front panel at 8.0 s", text);
            Assert.Contains("all parts ok", text);

            using var reader = new WaveFileReader(Path.Combine(dir, "demo-mix.wav"));
            Assert.Equal(new WaveFormat(48000, 24, 2), reader.WaveFormat);
            var bytes = new byte[reader.Length];
            reader.ReadExactly(bytes);
            var samples = Enumerable.Range(0, bytes.Length / 3).Select(i => (bytes[3 * i] << 8 | bytes[3 * i + 1] << 16 | bytes[3 * i + 2] << 24) / 2147483648.0).ToArray();
            double peak = samples.Max(Math.Abs);
            Assert.Equal(8.0, samples.Length / 2 / 48000.0, 3);
            Assert.InRange(20 * Math.Log10(peak), -12, -0.3);                    // audible, under the -0.3 dBFS ceiling
            Assert.True(new FileInfo(Path.Combine(dir, "meters.png")).Length > 10_000, "the meter plot is drawn");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void TheLivePanelAnimatesInATerminal()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mixbox-live-" + Guid.NewGuid());
        var screen = new StringWriter();
        var terminal = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.Yes,
            Interactive = Spectre.Console.InteractionSupport.Yes,
            Out = new Spectre.Console.AnsiConsoleOutput(screen),
        });
        try
        {
            var stderr = new StringWriter();
            Assert.Equal(0, CliApp.Run(new[] { "demo", "--out", dir }, new StringWriter(), stderr, terminal));
            Assert.Equal("", stderr.ToString());
            Assert.Contains("front panel  [====================] 8.00 s / 8 s", screen.ToString()); // the progress bar, full
            Assert.Contains("COMP (*)", screen.ToString());
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ThePerformanceDrivesTheFirmware()
    {
        var result = DemoPerformance.Run(Path.Combine(Path.GetTempPath(), "mixbox-perf-" + Guid.NewGuid()));
        Assert.False(result.FinalScene.Mute[6], "the mute key brought the lead in");
        Assert.True(result.FinalScene.CompressorIn, "the compressor key engaged the bus compressor");
        Assert.Equal(MeterMode.Rms, result.FinalScene.MeterMode);
        Assert.InRange(result.MaxGainReductionCentiDb, 100, 800);                // gentle glue
        Assert.InRange(result.Loudness.IntegratedCentiLufs, -2600, -1600);       // a plausible mix: -26..-16 LUFS
        Assert.True(result.Loudness.TruePeakMaxCentiDb <= -30, "true peak under the safety ceiling");
        Assert.True(result.FinalScene.MainFaderCentiDb < -2000, "the master knob faded out");
        var tail = result.Stereo[^960..].Max(v => Math.Abs((long)v));
        Assert.True(tail < result.Stereo.Max(v => Math.Abs((long)v)) / 4, "the fade-out is audible");
    }
}
