using MixBox.Dsp;

namespace MixBox.Cli;

/// <summary>Meter values over time, one row per control tick (10 ms), for the report and the plot.</summary>
public sealed class MeterTimeline
{
    public List<double> Seconds { get; } = new();
    public List<double>[] Channels { get; }
    public List<double> MainLeft { get; } = new();
    public List<double> MainRight { get; } = new();
    public List<double> GainReduction { get; } = new();
    public List<double> Momentary { get; } = new();
    public List<double> ShortTerm { get; } = new();

    public MeterTimeline(int channels)
    {
        Channels = Enumerable.Range(0, channels).Select(_ => new List<double>()).ToArray();
    }

    /// <summary>Values below -100 dB are drawn at -100 (silence).</summary>
    private static double Db(int centi) => Math.Max(-100, centi / 100.0);

    public void Add(double seconds, int[] channelCentiDb, int mainLeftCentiDb, int mainRightCentiDb, int grCentiDb, LoudnessReading loudness)
    {
        Seconds.Add(seconds);
        for (int c = 0; c < Channels.Length; c++) Channels[c].Add(Db(channelCentiDb[c]));
        MainLeft.Add(Db(mainLeftCentiDb));
        MainRight.Add(Db(mainRightCentiDb));
        GainReduction.Add(grCentiDb / 100.0);
        Momentary.Add(Db(loudness.MomentaryCentiLufs));
        ShortTerm.Add(Db(loudness.ShortTermCentiLufs));
    }
}
