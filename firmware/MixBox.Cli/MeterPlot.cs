using ScottPlot;

namespace MixBox.Cli;

/// <summary>
/// The meters over time as a PNG: channel levels, main bus L/R, gain reduction and loudness, one
/// quantity per panel so every axis has one unit. Legends sit to the right of the data, never on it,
/// and every panel shares one time axis that starts at 0.
/// </summary>
public static class MeterPlot
{
    public const int Width = 1400, Height = 1300;
    private const int LeftPad = 80, RightPad = 200, TopPad = 42, BottomPad = 44;

    public static void Save(MeterTimeline t, string[] channelNames, Stream png)
    {
        using var image = Build(t, channelNames).Render(Width, Height);
        png.Write(image.GetImageBytes(ImageFormat.Png));
    }

    /// <summary>The panels, top to bottom; public so a test can check what each one shows.</summary>
    public static Multiplot Build(MeterTimeline t, string[] channelNames)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(4);
        double[] x = t.Seconds.ToArray();
        double end = x.Length == 0 ? 1 : Math.Max(x[^1], 0.01);
        string levels = t.Levels == MeterTimeline.LevelSource.LedLadder
            ? "as the LED ladders showed them (peak, 1 s hold, then falling)"
            : "sample peak of each 10 ms tick";

        Plot channels = multiplot.GetPlot(0);
        for (int c = 0; c < t.Channels.Length; c++)
        {
            if (channelNames[c].Length == 0) continue; // nothing plugged in
            channels.Add.ScatterLine(x, t.Channels[c].ToArray()).LegendText = channelNames[c];
        }
        Style(channels, $"Channel levels, post-fader: {levels}", "level (dBFS)", -60, 3, end);

        Plot bus = multiplot.GetPlot(1);
        var left = bus.Add.ScatterLine(x, t.MainLeft.ToArray());
        left.LegendText = "main L";
        left.LineWidth = 2;
        // R dashed over L: where the two agree both stay visible.
        var right = bus.Add.ScatterLine(x, t.MainRight.ToArray());
        right.LegendText = "main R";
        right.LinePattern = LinePattern.Dashed;
        right.LineWidth = 2;
        Style(bus, $"Main bus: {levels}", "level (dBFS)", -60, 3, end);

        Plot dynamics = multiplot.GetPlot(2);
        double maxGr = t.GainReduction.Count == 0 ? 0 : t.GainReduction.Max();
        var gr = dynamics.Add.ScatterLine(x, t.GainReduction.Select(g => -g).ToArray());
        gr.LegendText = "gain reduction";
        gr.LineWidth = 2;
        Style(dynamics, $"Bus compressor gain reduction (max {maxGr:F1} dB)", "gain change (dB)",
            -Math.Max(12, Math.Ceiling(maxGr / 3 + 1) * 3), 1, end);

        Plot loudness = multiplot.GetPlot(3);
        loudness.Add.ScatterLine(x, t.Momentary.ToArray()).LegendText = "momentary";
        loudness.Add.ScatterLine(x, t.ShortTerm.ToArray()).LegendText = "short-term";
        string integrated = "";
        if (t.IntegratedLufs is double i)
        {
            var line = loudness.Add.HorizontalLine(i);
            line.LinePattern = LinePattern.Dotted;
            line.LineWidth = 2;
            line.LegendText = $"integrated {i:F1}";
            integrated = $" (integrated {i:F1} LUFS)";
        }
        Style(loudness, $"Loudness, EBU R 128 / ITU-R BS.1770{integrated}", "loudness (LUFS)", -50, 0, end);
        loudness.XLabel("time (s)");
        return multiplot;
    }

    private static void Style(Plot plot, string title, string yLabel, double yMin, double yMax, double end)
    {
        plot.Title(title, size: 15);
        plot.YLabel(yLabel, size: 13);
        plot.Axes.SetLimits(0, end, yMin, yMax);
        plot.ShowLegend(Edge.Right);
        // One fixed data area for every panel, so their time axes line up.
        plot.Layout.Fixed(new PixelPadding(LeftPad, RightPad, BottomPad, TopPad));
    }
}
