using ScottPlot;

namespace MixBox.Cli;

/// <summary>The meters over time as a PNG: channels, main bus, gain reduction and loudness.</summary>
public static class MeterPlot
{
    public static void Save(MeterTimeline t, string[] channelNames, Stream png)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(3);
        double[] x = t.Seconds.ToArray();

        Plot channels = multiplot.GetPlot(0);
        for (int c = 0; c < t.Channels.Length; c++)
        {
            if (channelNames[c].Length == 0) continue; // nothing plugged in
            channels.Add.ScatterLine(x, t.Channels[c].ToArray()).LegendText = channelNames[c];
        }
        channels.Title("Channel meters (post-fader peak)");
        channels.YLabel("dBFS");
        channels.Axes.SetLimitsY(-60, 6);
        channels.ShowLegend(Alignment.LowerLeft);

        Plot bus = multiplot.GetPlot(1);
        bus.Add.ScatterLine(x, t.MainLeft.ToArray()).LegendText = "main L";
        bus.Add.ScatterLine(x, t.MainRight.ToArray()).LegendText = "main R";
        bus.Title("Main bus meters");
        bus.YLabel("dBFS");
        bus.Axes.SetLimitsY(-60, 3);
        bus.ShowLegend(Alignment.LowerLeft);

        Plot dynamics = multiplot.GetPlot(2);
        dynamics.Add.ScatterLine(x, t.GainReduction.Select(g => -g).ToArray()).LegendText = "gain reduction (dB)";
        dynamics.Add.ScatterLine(x, t.Momentary.ToArray()).LegendText = "momentary (LUFS)";
        dynamics.Add.ScatterLine(x, t.ShortTerm.ToArray()).LegendText = "short-term (LUFS)";
        dynamics.Title("Bus compressor and loudness");
        dynamics.XLabel("seconds");
        dynamics.Axes.SetLimitsY(-50, 3);
        dynamics.ShowLegend(Alignment.LowerLeft);

        using var image = multiplot.Render(1200, 1000);
        png.Write(image.GetImageBytes(ImageFormat.Png));
    }
}
