using System.Globalization;

namespace MixBox.Cli;

/// <summary>A rendered mix against a <see cref="DeliveryTarget"/>: each figure, pass or fail, and the gain it needs.</summary>
public static class TargetReport
{
    public static IEnumerable<string> Lines(TrackProfile mix, DeliveryTarget target)
    {
        yield return $"against {target.Name} ({target.Source}):";
        bool all = true;
        if (target.IntegratedLufs is double lufs)
        {
            bool pass = target.LoudnessPasses(mix.IntegratedLufs);
            all &= pass;
            string goal = target.AtMost ? $"at most {F(lufs)} LUFS" : $"{F(lufs)} LUFS ±{F(target.WindowLu)} LU";
            yield return $"  integrated loudness {(mix.IntegratedLufs is double m ? F(m) + " LUFS" : "not measured (too quiet)")}, target {goal}: {Verdict(pass)}";
            if (target.GainNeededDb(mix.IntegratedLufs) is double gain)
                yield return $"  gain needed {Signed(gain)} dB{(gain != 0 ? " (--normalize applies it)" : "")}";
        }
        if (target.MaxTruePeakDb is double ceiling)
        {
            bool pass = mix.TruePeakDb is not double tp || tp <= ceiling + 0.05;
            all &= pass;
            yield return $"  true peak {(mix.TruePeakDb is double tp2 ? F(tp2) : "-inf")} dBTP, at most {F(ceiling)} dBTP: {Verdict(pass)}";
        }
        if (target.Key == "vinyl")
            foreach (var (check, figure, pass) in VinylChecks.Run(mix))
            {
                all &= pass;
                yield return $"  {check}: {figure}: {Verdict(pass)}";
            }
        yield return $"  {(all ? "meets" : "does not meet")} {target.Name}";
    }

    private static string Verdict(bool pass) => pass ? "pass" : "FAIL";

    private static string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);

    private static string Signed(double v) => (v >= 0 ? "+" : "") + F(v);
}
