using System.Globalization;

namespace MixBox.Cli;

/// <summary>A mix against a reference: each figure of both and the difference (mix − reference).</summary>
public sealed record TrackComparison(TrackProfile Mix, TrackProfile Reference)
{
    /// <summary>Per one-third-octave band, mix − reference at matched loudness (dB); NaN where either band is empty.</summary>
    public double[] SpectralDifferenceDb =>
        Mix.MatchedBandsDb.Zip(Reference.MatchedBandsDb, (m, r) => double.IsFinite(m) && double.IsFinite(r) ? m - r : double.NaN).ToArray();

    /// <summary>The gain that would match the mix's integrated loudness to the reference's (dB), if both were measured.</summary>
    public double? LoudnessMatchGainDb => Mix.IntegratedLufs is double m && Reference.IntegratedLufs is double r ? r - m : null;

    public IEnumerable<string> Lines()
    {
        yield return $"{"",-18}{Cut(Mix.Name),14}{Cut(Reference.Name),14}{"mix − ref",12}";
        yield return Row("integrated", Mix.IntegratedLufs, Reference.IntegratedLufs, "LUFS", "LU");
        yield return Row("loudness range", Mix.RangeLu, Reference.RangeLu, "LU", "LU");
        yield return Row("true peak", Mix.TruePeakDb, Reference.TruePeakDb, "dBTP", "dB");
        yield return Row("PLR", Mix.PlrDb, Reference.PlrDb, "dB", "dB");
        yield return Row("correlation", Mix.Correlation, Reference.Correlation, "", "", "F2");
        yield return Row("width (side/mid)", Finite(Mix.WidthDb), Finite(Reference.WidthDb), "dB", "dB");
        if (LoudnessMatchGainDb is double gain)
            yield return $"to match the reference's loudness the mix needs {Signed(gain)} dB";
        yield return "spectral balance at matched loudness, mix − reference per 1/3 octave (dB):";
        double[] difference = SpectralDifferenceDb;
        for (int start = 0; start < difference.Length; start += 10)
            yield return "  " + string.Join("  ", Enumerable.Range(start, Math.Min(10, difference.Length - start))
                .Select(b => $"{ThirdOctaveBands.Nominal[b],5} {(double.IsNaN(difference[b]) ? "   -" : Signed(difference[b])),5}"));
    }

    private static string Cut(string name) => name.Length <= 13 ? name : name[..12] + "…";

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string Row(string label, double? mix, double? reference, string unit, string differenceUnit, string format = "F1")
    {
        string Cell(double? v) => v is double d ? $"{d.ToString(format, CultureInfo.InvariantCulture)} {unit}".TrimEnd() : "-";
        string difference = mix is double m && reference is double r ? $"{Signed(m - r, format)} {differenceUnit}".TrimEnd() : "-";
        return $"{label,-18}{Cell(mix),14}{Cell(reference),14}{difference,12}";
    }

    private static string Signed(double value, string format = "F1")
    {
        string text = value.ToString(format, CultureInfo.InvariantCulture);
        return text.StartsWith('-') ? text : (text.TrimStart('0', '.').Length == 0 ? text : "+" + text);
    }
}
