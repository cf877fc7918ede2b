using ScottPlot;

namespace MixBox.Cli;

/// <summary>
/// The comparison as a PNG: both one-third-octave spectra at matched loudness, then their
/// difference as bars (mix above the reference: up), one band per position with its nominal name.
/// </summary>
public static class ComparePlot
{
    public const int Width = 1400, Height = 900;

    public static byte[] Png(TrackComparison c)
    {
        using var image = Build(c).Render(Width, Height);
        return image.GetImageBytes(ImageFormat.Png);
    }

    public static Multiplot Build(TrackComparison c)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        double[] x = Enumerable.Range(0, ThirdOctaveBands.Count).Select(b => (double)b).ToArray();
        var ticks = x.Select(b => new Tick(b, ThirdOctaveBands.Nominal[(int)b])).ToArray();

        Plot spectra = multiplot.GetPlot(0);
        double[] mix = Drawable(c.Mix.MatchedBandsDb), reference = Drawable(c.Reference.MatchedBandsDb);
        var mixLine = spectra.Add.ScatterLine(x, mix);
        mixLine.LegendText = $"mix: {c.Mix.Name}";
        mixLine.LineWidth = 2;
        mixLine.MarkerSize = 6;
        var referenceLine = spectra.Add.ScatterLine(x, reference);
        referenceLine.LegendText = $"reference: {c.Reference.Name}";
        referenceLine.LineWidth = 2;
        referenceLine.LinePattern = LinePattern.Dashed;
        double top = Math.Ceiling(mix.Concat(reference).Where(double.IsFinite).DefaultIfEmpty(0).Max() / 6 + 1) * 6;
        spectra.Axes.SetLimits(-0.5, x.Length - 0.5, top - 60, top);
        spectra.Title("Spectral balance at matched loudness (1/3 octave, band level − integrated loudness)", size: 15);
        spectra.YLabel("band level re loudness (dB)", size: 13);
        spectra.ShowLegend(Alignment.UpperRight);

        Plot difference = multiplot.GetPlot(1);
        double[] delta = c.SpectralDifferenceDb;
        var bars = delta.Select((d, b) => new Bar
        {
            Position = b,
            Value = double.IsNaN(d) ? 0 : d,
            FillColor = d >= 0 ? Colors.DarkOrange : Colors.SteelBlue,
        }).ToArray();
        difference.Add.Bars(bars);
        double span = Math.Max(3, Math.Ceiling(delta.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max()));
        difference.Axes.SetLimits(-0.5, x.Length - 0.5, -span, span);
        difference.Add.HorizontalLine(0).Color = Colors.Black;
        difference.Title($"Mix − reference (loudness difference {Lu(c)}; correlation {c.Mix.Correlation:F2} vs {c.Reference.Correlation:F2})", size: 15);
        difference.YLabel("difference (dB)", size: 13);
        difference.XLabel("one-third-octave band (Hz)", size: 13);

        foreach (var plot in new[] { spectra, difference })
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
            plot.Layout.Fixed(new PixelPadding(80, 30, 50, 40));
        }
        return multiplot;
    }

    private static string Lu(TrackComparison c) =>
        c.LoudnessMatchGainDb is double gain ? $"{-gain:+0.0;-0.0;0.0} LU" : "not measured";

    /// <summary>Empty bands (−∞) are left as gaps.</summary>
    private static double[] Drawable(double[] levels) => levels.Select(l => double.IsFinite(l) ? l : double.NaN).ToArray();
}
