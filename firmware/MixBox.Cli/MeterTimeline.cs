using MixBox.Dsp;

namespace MixBox.Cli;

/// <summary>
/// Meter values over time for the plot, in bounded memory: at most <see cref="MaxPoints"/> points
/// whatever the length. Each point covers a run of control ticks (10 ms each; one tick per point
/// while they fit) and keeps the run's highest value of every trace, as a peak meter would: a
/// short peak in an hour-long render still shows.
/// </summary>
public sealed class MeterTimeline
{
    /// <summary>What the level traces hold: what the box's LED ladders showed, or each tick's sample peak.</summary>
    public enum LevelSource { LedLadder, TickPeak }

    public const int MaxPoints = 2000;
    private const double Floor = -100; // silence is drawn here

    private readonly int _ticksPerPoint;
    private int _ticksInPoint;

    public List<double> Seconds { get; } = new();
    public List<double>[] Channels { get; }
    public List<double> MainLeft { get; } = new();
    public List<double> MainRight { get; } = new();
    public List<double> GainReduction { get; } = new();
    public List<double> Momentary { get; } = new();
    public List<double> ShortTerm { get; } = new();
    public LevelSource Levels { get; }
    /// <summary>The integrated loudness at the last tick added (LUFS), or null while gated out.</summary>
    public double? IntegratedLufs { get; private set; }

    /// <param name="expectedTicks">How many ticks will be added (the render's length); sets how many share a point.</param>
    public MeterTimeline(int channels, long expectedTicks, LevelSource levels)
    {
        Levels = levels;
        Channels = Enumerable.Range(0, channels).Select(_ => new List<double>()).ToArray();
        _ticksPerPoint = (int)Math.Max(1, (expectedTicks + MaxPoints - 1) / MaxPoints);
    }

    public int Points => Seconds.Count;

    private static double Db(int centi) => Math.Max(Floor, centi / 100.0);

    public void Add(double seconds, int[] channelCentiDb, int mainLeftCentiDb, int mainRightCentiDb, int grCentiDb, LoudnessReading loudness)
    {
        bool fresh = _ticksInPoint == 0 || _ticksInPoint == _ticksPerPoint;
        if (fresh)
        {
            _ticksInPoint = 0;
            Seconds.Add(seconds);
            foreach (var trace in Channels) trace.Add(Floor);
            MainLeft.Add(Floor);
            MainRight.Add(Floor);
            GainReduction.Add(0);
            Momentary.Add(Floor);
            ShortTerm.Add(Floor);
        }
        _ticksInPoint++;
        int last = Seconds.Count - 1;
        Seconds[last] = seconds;
        for (int c = 0; c < Channels.Length; c++) Raise(Channels[c], Db(channelCentiDb[c]));
        Raise(MainLeft, Db(mainLeftCentiDb));
        Raise(MainRight, Db(mainRightCentiDb));
        Raise(GainReduction, grCentiDb / 100.0);
        Raise(Momentary, Db(loudness.MomentaryCentiLufs));
        Raise(ShortTerm, Db(loudness.ShortTermCentiLufs));
        IntegratedLufs = loudness.IntegratedCentiLufs / 100.0 > Floor ? loudness.IntegratedCentiLufs / 100.0 : null;
    }

    private static void Raise(List<double> trace, double value)
    {
        if (value > trace[^1]) trace[^1] = value;
    }
}
