using MixBox.Dsp;
using MixBox.Firmware;

namespace MixBox.Cli;

/// <summary>
/// A file's figures for <c>mixbox compare</c>: the box's own loudness meter (the file played through
/// the engine at unity, hard-panned, output stage off: a bit-exact pass-through) and the
/// <see cref="TrackAnalysis"/> of the same samples. A mono file is measured as the box plays a mono
/// source on both sides.
/// </summary>
public sealed record TrackProfile(string Name, double Seconds, LoudnessReading Loudness, double[] BandsDb, double Correlation, double WidthDb,
    double LowEndCorrelation, double LowEndWidthDb)
{
    public double? IntegratedLufs => Lufs(Loudness.IntegratedCentiLufs);
    public double? TruePeakDb => Lufs(Loudness.TruePeakMaxCentiDb);
    public double RangeLu => Loudness.RangeCentiLu / 100.0;

    /// <summary>Peak-to-loudness ratio (true peak − integrated), as in EBU Tech 3343 / AES TD1008.</summary>
    public double? PlrDb => TruePeakDb is double p && IntegratedLufs is double i ? p - i : null;

    /// <summary>Band levels minus the integrated loudness: the spectral balance of two files at matched loudness.</summary>
    public double[] MatchedBandsDb => BandsDb.Select(b => b - (IntegratedLufs ?? 0)).ToArray();

    private static double? Lufs(int centi) => centi <= EngineLimits.MeterSilenceCentiDb ? null : centi / 100.0;

    public static TrackProfile Measure(string path, CancellationToken cancel)
    {
        using var multitrack = Multitrack.Open([path]);
        var stem = multitrack.Stems[0];
        if (stem.Channels > 2) throw new UserError($"{stem.Name}: {stem.Channels} channels; compare takes mono or stereo files");
        var sources = new StemChannel?[Scene.Channels];
        sources[0] = new StemChannel(0, 0);
        sources[1] = new StemChannel(0, stem.Channels - 1); // a mono file feeds both sides
        multitrack.Plug(new BoxInputs(sources));
        var scene = new Scene { OutputSafety = false };
        scene.Pan[0] = EngineLimits.PanMin;
        scene.Pan[1] = EngineLimits.PanMax;

        var analysis = new TrackAnalysis(multitrack.SampleRate);
        var result = MixRenderer.Render(multitrack, scene, null, analysis.Add, cancel: cancel);
        return new TrackProfile(stem.Name, result.Frames / (double)result.SampleRate, result.Loudness,
            analysis.BandLevelsDb(), analysis.Correlation, analysis.WidthDb,
            analysis.LowEndCorrelation, analysis.LowEndWidthDb);
    }
}
