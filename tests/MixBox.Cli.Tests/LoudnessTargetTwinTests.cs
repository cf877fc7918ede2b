using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Dsp.Tests;
using MixBox.Firmware;
using MixBox.Twin;
using Xunit.Abstractions;

namespace MixBox.Cli.Tests;

/// <summary>
/// The LUFS meter mode against the scene's delivery target, on the twin: sines of known loudness
/// (held against libebur128 measuring the twin's own output) light the target's window steady and
/// blink the reading's segment; the TP-over LED (each ladder's top segment) lights on a signal over
/// the target's true-peak ceiling — also one whose samples stay under it, for as long as it plays —
/// holds 1 s, and stays dark under it; without a target the mode is the momentary bar it was.
/// </summary>
public sealed class LoudnessTargetTwinTests(ITestOutputHelper log)
{
    private const int Rate = BoxTwin.SampleRate;
    private const int Left = MixBoxS3Board.LedBusMeterLeftFirst, Right = MixBoxS3Board.LedBusMeterRightFirst;

    /// <summary>Inputs 1 and 2 hard left and right (each side plays its input as it is), LUFS meter mode, the given target.</summary>
    private static (BoxTwin Twin, TwinFeed Feed) Box(string target, Action<Scene>? change = null)
    {
        var twin = new BoxTwin(new MemorySettingsStorage());
        var scene = twin.App.Scene.Clone();
        scene.Pan[0] = -100;
        scene.Pan[1] = 100;
        scene.MeterMode = MeterMode.Loudness;
        scene.Target = TargetPresets.IdOf(target);
        change?.Invoke(scene);
        twin.App.Recall(scene);
        return (twin, new TwinFeed(twin));
    }

    private static Func<long, double> Sine(double hz, double peakDb, double phase = 0) =>
        n => Math.Pow(10, peakDb / 20) * Math.Sin(2 * Math.PI * hz * n / Rate + phase);

    private static TwinFeed Both(TwinFeed feed, Func<long, double>? signal) => feed.Set(0, signal).Set(1, signal);

    /// <summary>For each LED of a ladder over one blink cycle (and a little): how many ticks it was lit.</summary>
    private static int[] LitTicks(BoxTwin twin, TwinFeed feed, int firstLed, int ticks)
    {
        var lit = new int[MixBoxS3Board.BusMeterSegments];
        for (int t = 0; t < ticks; t++)
        {
            feed.Run(1);
            for (int s = 0; s < lit.Length; s++) if (twin.Led(firstLed + s)) lit[s]++;
        }
        return lit;
    }

    private static (double Integrated, double ShortTerm, double TruePeak) Libebur128(List<int> output)
    {
        int[] stereo = output.ToArray();
        using var meter = new Ebur128(Rate);
        meter.Add(stereo, 0, stereo.Length / 2);
        return (meter.Integrated, meter.ShortTerm, meter.TruePeakDb);
    }

    [Theory]
    [InlineData("spotify", 0.5)]   // in the window, above the target
    [InlineData("spotify", -0.5)]  // in the window, below it
    [InlineData("apple", -2.5)]    // under the window
    [InlineData("ebu", 3.0)]       // over it (EBU's ±0.5 LU is shown as the ±1 LU segments)
    [InlineData("atsc", 1.5)]      // ATSC's ±2 LU window: four segments
    public void TheWindowIsSteadyAndTheReadingBlinksWhereLibebur128PutsIt(string key, double offsetLu)
    {
        var target = TargetPresets.ById(TargetPresets.IdOf(key))!;
        double lufs = target.IntegratedCentiLufs / 100.0 + offsetLu;
        var (twin, feed) = Box(key);
        using var _ = twin;
        // A 997 Hz sine on both sides reads its peak level in LUFS (BS.1770-4: -3.01 LKFS for one channel at 0 dBFS).
        Both(feed, Sine(997, lufs));
        feed.Run(500); // 5 s: the short-term window (3 s) full, the integrated settled
        var (integrated, shortTerm, _) = Libebur128(feed.Output);
        log.WriteLine($"{key} {offsetLu:+0.0;-0.0} LU: libebur128 I {integrated:F2} S {shortTerm:F2}; box I {twin.App.View.Target.IntegratedRelativeCentiLu / 100.0:+0.00;-0.00} S {twin.App.View.Target.ShortTermRelativeCentiLu / 100.0:+0.00;-0.00} LU against {target.IntegratedCentiLufs / 100.0}");
        Assert.InRange(twin.App.View.Target.IntegratedRelativeCentiLu / 100.0 - (integrated - target.IntegratedCentiLufs / 100.0), -0.1, 0.1);
        Assert.InRange(twin.App.View.Target.ShortTermRelativeCentiLu / 100.0 - (shortTerm - target.IntegratedCentiLufs / 100.0), -0.1, 0.1);

        int expected = LoudnessTargetView.Segment((int)Math.Round((integrated - target.IntegratedCentiLufs / 100.0) * 100));
        Assert.Equal(expected, LoudnessTargetView.Segment((int)Math.Round((shortTerm - target.IntegratedCentiLufs / 100.0) * 100)));
        int[] window = Enumerable.Range(0, 11).Where(s => LoudnessTargetView.InWindow(s, target)).ToArray();
        Assert.Equal(key == "atsc" ? new[] { 5, 6, 7, 8 } : new[] { 6, 7 }, window);

        foreach (int ladder in new[] { Left, Right })
        {
            int cycle = LoudnessTargetView.BlinkPeriodTicks;
            int[] lit = LitTicks(twin, feed, ladder, 2 * cycle);
            log.WriteLine($"ladder at LED {ladder}: lit ticks per segment {string.Join(" ", lit)}");
            for (int s = 0; s < 11; s++)
            {
                if (s == expected) Assert.InRange(lit[s], cycle / 2, 3 * cycle / 2);   // blinking: about half the time
                else if (window.Contains(s)) Assert.Equal(2 * cycle, lit[s]);          // the window: steady
                else Assert.Equal(0, lit[s]);
            }
            Assert.Equal(0, lit[LoudnessTargetView.TruePeakOverSegment]);              // -13 dBFS peaks: no over
        }
    }

    /// <summary>
    /// Over the ceiling: a 997 Hz sine at -0.5 dBFS (its samples over -1), and an fs/4 sine at -0.5 dBTP
    /// sampled at 45° (every sample at -3.5 dBFS: only its true peak is over). Under it: a -3 dBFS sine.
    /// libebur128 measures which side of -1 dBTP each output is.
    /// </summary>
    [Theory]
    [InlineData(997.0, -0.5, 0.0, true)]
    [InlineData(Rate / 4.0, -0.5, Math.PI / 4, true)]
    [InlineData(997.0, -3.0, 0.0, false)]
    public void TheTruePeakOverLedLightsOverTheCeilingAndHoldsOneSecond(double hz, double peakDb, double phase, bool over)
    {
        var (twin, feed) = Box("spotify");
        using var _ = twin;
        Both(feed, Sine(hz, peakDb, phase));
        int litTicks = LitTicks(twin, feed, Left, 100)[LoudnessTargetView.TruePeakOverSegment];
        double truePeak = Libebur128(feed.Output).TruePeak;
        log.WriteLine($"{hz} Hz at {peakDb} dB: libebur128 true peak {truePeak:F2} dBTP, TP-over lit {litTicks} of 100 ticks");
        Assert.Equal(over, truePeak > -1.0);
        Assert.Equal(over, twin.App.View.Target.TruePeakOver);
        // Lit from the first tick that saw the signal (a control tick reads the audio of the one before), or never.
        if (over) Assert.InRange(litTicks, 98, 100);
        else Assert.Equal(0, litTicks);
        Assert.Equal(twin.Led(Left + LoudnessTargetView.TruePeakOverSegment), twin.Led(Right + LoudnessTargetView.TruePeakOverSegment));
        if (!over || hz == Rate / 4.0) return; // the inter-sample over's hold: the next test

        Both(feed, null);
        int[] after = new int[130];
        for (int t = 0; t < after.Length; t++)
        {
            feed.Run(1);
            after[t] = twin.Led(Left + LoudnessTargetView.TruePeakOverSegment) ? 1 : 0;
        }
        int held = Array.IndexOf(after, 0);
        log.WriteLine($"held {held} ticks after the signal stopped");
        Assert.InRange(held, 95, 110);          // ~1 s (100 ticks, and the engine's last block of the signal)
        Assert.DoesNotContain(1, after[held..]);
    }

    /// <summary>
    /// An over only between the samples (fs/4 at 45°: samples at -3.5 dBFS, true peak -0.4 dBTP) lights
    /// the LED from the first tick that sees it for as long as it plays, not only its first second
    /// (the engine's true peak is read per tick, read-and-reset), and holds it 1 s after it stops.
    /// </summary>
    [Fact]
    public void AnInterSampleOverStaysLitWhileItPlaysAndHoldsOneSecondAfter()
    {
        var (twin, feed) = Box("spotify");
        using var _ = twin;
        const double quarter = Rate / 4.0, at45 = Math.PI / 4;
        Both(feed, Sine(quarter, -0.5, at45));
        int[] first = new int[200];
        for (int t = 0; t < first.Length; t++)
        {
            feed.Run(1);
            first[t] = twin.Led(Left + LoudnessTargetView.TruePeakOverSegment) ? 1 : 0;
        }
        log.WriteLine($"fs/4 at -0.5 dBTP (samples at -3.5 dBFS): lit {first.Sum()} of the first 200 ticks");
        Assert.DoesNotContain(0, first[1..]);

        Both(feed, null);
        int[] after = new int[130];
        for (int t = 0; t < after.Length; t++)
        {
            feed.Run(1);
            after[t] = twin.Led(Right + LoudnessTargetView.TruePeakOverSegment) ? 1 : 0;
        }
        int held = Array.IndexOf(after, 0);
        log.WriteLine($"held {held} ticks after the signal stopped");
        Assert.InRange(held, 95, 110);
        Assert.DoesNotContain(1, after[held..]);
    }

    /// <summary>
    /// A steady over that exists only between the samples (issue #19): an 11 kHz sine at -0.5 dBFS,
    /// +3 dB on its faders, into the safety clip at -1.5 dBFS. Every sample stays under the -1 dBTP
    /// ceiling, its true peak (libebur128) is over it, and the TP-over LED stays lit for as long as it
    /// plays: each tick reads the true peak since the tick before.
    /// </summary>
    [Fact]
    public void ASteadyInterSampleOverKeepsTheLedLitForAsLongAsItPlays()
    {
        var (twin, feed) = Box("spotify", scene =>
        {
            scene.FaderCentiDb[0] = scene.FaderCentiDb[1] = 300;
            scene.OutputCeilingCentiDb = -150;
        });
        using var _ = twin;
        Both(feed, Sine(11000, -0.5));
        int[] lit = new int[300];
        for (int t = 0; t < lit.Length; t++)
        {
            feed.Run(1);
            lit[t] = twin.Led(Left + LoudnessTargetView.TruePeakOverSegment) ? 1 : 0;
        }
        double samplePeak = 20 * Math.Log10(feed.Output.Max(s => Math.Abs((double)s)) / 2147483648.0);
        double truePeak = Libebur128(feed.Output).TruePeak;
        log.WriteLine($"11 kHz, +3 dB into the clip at -1.5 dBFS: sample peak {samplePeak:F2} dBFS, libebur128 {truePeak:F2} dBTP; TP-over lit {lit.Sum()} of {lit.Length} ticks, dark from tick {Array.LastIndexOf(lit, 0)}");
        Assert.True(samplePeak < -1.0, "the samples stay under the ceiling");
        Assert.True(truePeak > -1.0, "the true peak is over it");
        Assert.DoesNotContain(0, lit[1..]); // lit from the first tick that saw the signal to the last
        Assert.True(twin.Led(Right + LoudnessTargetView.TruePeakOverSegment));
    }

    [Fact]
    public void WithoutATargetTheLufsModeIsTheMomentaryBarItWas()
    {
        var (twin, feed) = Box("none");
        using var _ = twin;
        Both(feed, Sine(997, -0.5)); // over -1 dBTP: no target, so no TP-over LED either
        for (int t = 0; t < 300; t++)
        {
            feed.Run(1);
            var ladder = SegmentLadder.BusMeter();
            var meter = twin.App.View.BusMeter(0);
            int lit = ladder.LitSegments(meter.LevelCentiDb), dot = ladder.HoldSegment(meter.HoldCentiDb);
            for (int s = 0; s < ladder.Segments; s++) Assert.Equal(s < lit || s == dot, twin.Led(Left + s));
        }
        Assert.False(twin.App.View.Target.TruePeakOver);
    }

    [Fact]
    public void VinylHasNoLoudnessWindowButWatchesMinusOneDbtp()
    {
        var (twin, feed) = Box("vinyl");
        using var _ = twin;
        Both(feed, Sine(997, -20));
        int[] lit = LitTicks(twin, feed, Left, 300);
        var meter = twin.App.View.BusMeter(0);
        Assert.Equal(SegmentLadder.BusMeter().LitSegments(meter.LevelCentiDb), Enumerable.Range(0, 11).Count(s => twin.Led(Left + s))); // the momentary bar
        Assert.Equal(0, lit[LoudnessTargetView.TruePeakOverSegment]);
        Both(feed, Sine(997, -0.5));
        feed.Run(5);
        Assert.True(twin.Led(Left + LoudnessTargetView.TruePeakOverSegment));
        Assert.True(twin.Led(Right + LoudnessTargetView.TruePeakOverSegment));
    }
}
