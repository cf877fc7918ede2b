namespace MixBox.Cli;

/// <summary>
/// What a cutting engineer checks before a lacquer (there is no loudness target): bass that is not
/// centred or is out of phase drives the stylus vertically (skipping, distortion), a negative
/// overall correlation cancels in mono, and a heavy top end is cut with distortion and trips the
/// cutter's protection. The limits are this project's guides, not a standard: each says what it is.
/// </summary>
public static class VinylChecks
{
    public const double MinLowEndCorrelation = 0.5;
    public const double MaxLowEndWidthDb = -12;
    public const double MinCorrelation = 0;
    /// <summary>5–10 kHz (the 5k, 6.3k, 8k and 10k one-third octaves) against the integrated loudness.</summary>
    public const double MaxTopEndDb = -12;

    public static double TopEndDb(TrackProfile p)
    {
        double sum = 0;
        for (int b = 0; b < ThirdOctaveBands.Count; b++)
        {
            double centre = ThirdOctaveBands.Centre(b);
            if (centre > 4500 && centre < 11000 && double.IsFinite(p.MatchedBandsDb[b])) sum += Math.Pow(10, p.MatchedBandsDb[b] / 10);
        }
        return sum > 0 ? 10 * Math.Log10(sum) : double.NegativeInfinity;
    }

    public static IEnumerable<(string Check, string Figure, bool Pass)> Run(TrackProfile p)
    {
        yield return ($"bass below {TrackAnalysis.LowEndHz:F0} Hz in phase (correlation ≥ {MinLowEndCorrelation:F1})", $"{p.LowEndCorrelation:F2}", p.LowEndCorrelation >= MinLowEndCorrelation);
        yield return ($"bass centred (side/mid below {TrackAnalysis.LowEndHz:F0} Hz ≤ {MaxLowEndWidthDb:F0} dB)", Db(p.LowEndWidthDb), !(p.LowEndWidthDb > MaxLowEndWidthDb));
        yield return ($"no overall phase inversion (correlation ≥ {MinCorrelation:F0})", $"{p.Correlation:F2}", p.Correlation >= MinCorrelation);
        double top = TopEndDb(p);
        yield return ($"top end / sibilance (5–10 kHz re loudness ≤ {MaxTopEndDb:F0} dB)", Db(top), !(top > MaxTopEndDb));
    }

    private static string Db(double value) => double.IsFinite(value) ? $"{value:F1} dB" : value > 0 ? "+inf dB" : "-inf dB";
}
