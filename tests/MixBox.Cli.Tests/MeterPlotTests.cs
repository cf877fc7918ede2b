using MixBox.Dsp;
using ScottPlot;

namespace MixBox.Cli.Tests;

/// <summary>
/// The meter PNG shows one quantity per panel: every panel has a labelled axis with its unit, a
/// time axis from 0 to the end, its legend outside the data, and gain reduction and loudness are
/// no longer drawn on one unlabelled axis.
/// </summary>
public sealed class MeterPlotTests
{
    private static MeterTimeline TenSeconds(MeterTimeline.LevelSource source)
    {
        var timeline = new MeterTimeline(8, 1000, source);
        var levels = new int[8];
        for (int tick = 0; tick < 1000; tick++)
        {
            Array.Fill(levels, -1800 + tick % 100);
            var loudness = new LoudnessReading { MomentaryCentiLufs = -2100, ShortTermCentiLufs = -2200, IntegratedCentiLufs = tick < 40 ? -20000 : -2150 };
            timeline.Add(tick / 100.0, levels, -600, -700, tick % 300, loudness);
        }
        return timeline;
    }

    private static readonly string[] Names = ["kick", "snare", "", "bass", "", "", "", "pad"];

    [Fact]
    public void EveryPanelHasItsOwnLabelledAxisAndATimeAxisFromZero()
    {
        Multiplot plot = MeterPlot.Build(TenSeconds(MeterTimeline.LevelSource.TickPeak), Names);
        Plot[] panels = plot.GetPlots();
        Assert.Equal(4, panels.Length);
        string[] units = ["(dBFS)", "(dBFS)", "(dB)", "(LUFS)"];
        for (int p = 0; p < panels.Length; p++)
        {
            AxisLimits limits = panels[p].Axes.GetLimits();
            Assert.Equal(0, limits.Left);
            Assert.Equal(9.99, limits.Right, 6);
            Assert.EndsWith(units[p], panels[p].Axes.Left.Label.Text);
            Assert.False(panels[p].Legend.IsVisible); // no legend over the data ...
            Assert.Single(panels[p].Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>()); // ... it sits beside it
        }
        Assert.Equal("time (s)", panels[3].Axes.Bottom.Label.Text);
    }

    [Fact]
    public void GainReductionAndLoudnessAreSeparatePanelsAndTheIntegratedValueIsDrawn()
    {
        Plot[] panels = MeterPlot.Build(TenSeconds(MeterTimeline.LevelSource.TickPeak), Names).GetPlots();
        var gr = panels[2].GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToArray();
        Assert.Equal(["gain reduction"], gr.Select(s => s.LegendText));
        Assert.Contains("max 3.0 dB", panels[2].Axes.Title.Label.Text);
        var loudnessLegend = panels[3].GetPlottables().Select(p => p.LegendItems.FirstOrDefault()?.LabelText ?? "").ToArray();
        Assert.Equal(["momentary", "short-term", "integrated -21.5"], loudnessLegend);
        Assert.Contains("integrated -21.5 LUFS", panels[3].Axes.Title.Label.Text);
        // Channels with nothing plugged in are left out of the legend.
        Assert.Equal(4, panels[0].GetPlottables().Count());
    }

    [Fact]
    public void TheTitlesSayWhatTheLevelTracesAre()
    {
        Plot ladder = MeterPlot.Build(TenSeconds(MeterTimeline.LevelSource.LedLadder), Names).GetPlots()[0];
        Plot peaks = MeterPlot.Build(TenSeconds(MeterTimeline.LevelSource.TickPeak), Names).GetPlots()[0];
        Assert.Contains("LED ladders", ladder.Axes.Title.Label.Text);
        Assert.Contains("sample peak of each 10 ms tick", peaks.Axes.Title.Label.Text);
        Assert.DoesNotContain("LED", peaks.Axes.Title.Label.Text);
    }
}
