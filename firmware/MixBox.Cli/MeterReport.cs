using MixBox.Dsp;

namespace MixBox.Cli;

/// <summary>The numbers an engineer checks before an export.</summary>
public static class MeterReport
{
    public static IEnumerable<string> Lines(LoudnessReading loudness, int peakLeftCentiDb, int peakRightCentiDb, bool over, int maxGainReductionCentiDb)
    {
        yield return $"sample peak      L {Db(peakLeftCentiDb)} dBFS, R {Db(peakRightCentiDb)} dBFS{(over ? "  (OVER: the bus exceeded full scale before the output stage)" : "")}";
        yield return $"true peak        {Db(loudness.TruePeakMaxCentiDb)} dBTP";
        yield return $"loudness         integrated {Db(loudness.IntegratedCentiLufs)} LUFS, momentary max {Db(loudness.MomentaryMaxCentiLufs)} LUFS, short-term max {Db(loudness.ShortTermMaxCentiLufs)} LUFS";
        yield return $"loudness range   {Db(loudness.RangeCentiLu)} LU{(loudness.RangeStable ? "" : " (under 60 s: indicative)")}";
        yield return $"gain reduction   max {maxGainReductionCentiDb / 100.0:F1} dB";
    }

    private static string Db(int centi) => centi <= EngineLimits.MeterSilenceCentiDb ? "-inf" : (centi / 100.0).ToString("F1");
}
