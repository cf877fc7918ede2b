using Spectre.Console;
using MixBox.Twin;

namespace MixBox.Cli;

/// <summary>`mixbox demo`: the built-in multitrack through the box in the twin, with the front panel shown as it plays.</summary>
public static class DemoCommand
{
    /// <param name="live">A terminal to animate the panel on, or null to print snapshots to <paramref name="output"/>.</param>
    public static int Run(string outDir, TextWriter output, IAnsiConsole? live)
    {
        Directory.CreateDirectory(outDir);
        output.WriteLine($"MixBox demo: {DemoPerformance.Seconds:F0} s of an 8-track groove through the box (firmware + engine in the host twin)");
        DemoPerformance.Result result;
        if (live is not null)
        {
            result = null!;
            live.Live(new Panel("booting...")).Start(context =>
            {
                result = DemoPerformance.Run(Path.Combine(outDir, "demo-settings"), (twin, seconds) =>
                {
                    if ((int)(seconds * 100) % 5 != 0) return; // 20 frames per second is plenty
                    context.UpdateTarget(new Panel(Markup.Escape(PanelText.Render(twin, DemoMultitrack.ChannelNames)))
                        .Header(Markup.Escape($"front panel  {ProgressBar(seconds / DemoPerformance.Seconds)} {seconds:F2} s / {DemoPerformance.Seconds:F0} s")));
                    context.Refresh();
                });
            });
        }
        else
        {
            result = DemoPerformance.Run(Path.Combine(outDir, "demo-settings"), (twin, seconds) =>
            {
                if ((int)Math.Round(seconds * 100) % 200 != 0) return; // a snapshot every 2 s
                output.WriteLine($"--- front panel at {seconds:F1} s ({seconds / DemoPerformance.Seconds:P0}) ---");
                output.WriteLine(PanelText.Render(twin, DemoMultitrack.ChannelNames));
            });
        }

        output.WriteLine(result.Boot.Describe());
        string wav = Path.Combine(outDir, "demo-mix.wav"), png = Path.Combine(outDir, "meters.png");
        using (var outputs = new OutputFiles(Array.Empty<string>()))
        {
            var writer = new MixWavWriter(outputs.Create(wav), OutputFormat.Pcm24, BoxTwin.SampleRate, result.Stereo.Length / 2);
            writer.Write(result.Stereo, result.Stereo.Length / 2);
            writer.Finish();
            MeterPlot.Save(result.Timeline, DemoMultitrack.ChannelNames, outputs.Create(png));
            outputs.Commit();
        }
        foreach (string line in MeterReport.Lines(result.Loudness, result.PeakLeftCentiDb, result.PeakRightCentiDb, false, result.MaxGainReductionCentiDb))
            output.WriteLine(line);
        output.WriteLine($"wrote {wav} (24-bit stereo, {BoxTwin.SampleRate} Hz) and {png}");
        return 0;
    }

    private static string ProgressBar(double fraction)
    {
        int filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * 20);
        return "[" + new string('=', filled) + new string(' ', 20 - filled) + "]";
    }
}
