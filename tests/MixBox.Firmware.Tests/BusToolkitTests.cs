using MixBox.Dsp;
using MixBox.Firmware;

namespace MixBox.Firmware.Tests;

/// <summary>
/// The mix-bus toolkit in the scene: its fields reach the engine through SceneApplier, the bus
/// page's knob tapers are their own inverses and reach flat and the ends exactly, and the
/// coalescing writer bounds the engine writes (designs) while a knob turns.
/// </summary>
public class BusToolkitTests
{
    /// <summary>Every toolkit field away from its default.</summary>
    public static Scene Toolkit()
    {
        var s = new Scene
        {
            EqAfterComp = true, EqHighPassHz = 40, EqHighPassSlope = 18, EqLowShelfHz = 80, EqLowShelfCentiDb = 350,
            EqLowShelfGentle = true, EqProportionalQ = true, EqHighShelfHz = 12000, EqHighShelfCentiDb = -270, EqLowpassHz = 18000,
            DeessOn = true, DeessHz = 7200, DeessThresholdCentiDb = -3150, DeessRangeCentiDb = 900, DeessReleaseMilliseconds = 120,
            DeessListen = true, StereoWidthPercent = 135, StereoMonoBelowHz = 150,
        };
        s.EqBellHz[0] = 250; s.EqBellCentiDb[0] = -420; s.EqBellQX100[0] = 70;
        s.EqBellHz[1] = 4100; s.EqBellCentiDb[1] = 610; s.EqBellQX100[1] = 250;
        return s;
    }

    [Fact]
    public void TheDefaultsAreTheEnginesAndFlat()
    {
        using var engine = new MixEngine();
        var s = new Scene();
        for (int p = (int)SceneApplier.FirstToolkitParam; p <= (int)SceneApplier.LastToolkitParam; p++)
            Assert.Equal(engine.Get((EngineParam)p, 0), SceneApplier.ToolkitValue(s, (EngineParam)p));
    }

    [Fact]
    public void EveryToolkitFieldReachesTheEngine()
    {
        using var engine = new MixEngine();
        var s = Toolkit();
        SceneApplier.Apply(s, engine, new ChannelMutes(engine));
        var expected = new (EngineParam, int)[]
        {
            (EngineParam.EqAfterComp, 1), (EngineParam.EqHighPassHz, 40), (EngineParam.EqHighPassSlope, 18), (EngineParam.EqLowShelfHz, 80),
            (EngineParam.EqLowShelfCentiDb, 350), (EngineParam.EqLowShelfGentle, 1), (EngineParam.EqBell1Hz, 250), (EngineParam.EqBell1CentiDb, -420),
            (EngineParam.EqBell1QX100, 70), (EngineParam.EqBell2Hz, 4100), (EngineParam.EqBell2CentiDb, 610), (EngineParam.EqBell2QX100, 250),
            (EngineParam.EqProportionalQ, 1), (EngineParam.EqHighShelfHz, 12000), (EngineParam.EqHighShelfCentiDb, -270), (EngineParam.EqLowpassHz, 18000),
            (EngineParam.DeessOn, 1), (EngineParam.DeessHz, 7200), (EngineParam.DeessThresholdCentiDb, -3150), (EngineParam.DeessRangeCentiDb, 900),
            (EngineParam.DeessReleaseMilliseconds, 120), (EngineParam.DeessListen, 1), (EngineParam.StereoWidthPercent, 135), (EngineParam.StereoMonoBelowHz, 150),
        };
        Assert.Equal((int)SceneApplier.LastToolkitParam - (int)SceneApplier.FirstToolkitParam + 1, expected.Length);
        foreach (var (param, value) in expected) Assert.Equal((param, value), (param, engine.Get(param, 0)));
    }

    [Fact]
    public void TheToolkitRoundTripsThroughSettingsAndIsValidated()
    {
        var back = SceneCodec.Decode(SceneCodec.Encode(Toolkit(), 1), out _, out _);
        Assert.NotNull(back);
        Assert.Equal(SceneJson(Toolkit()), SceneJson(back!));

        var bad = new List<Action<Scene>>
        {
            s => s.EqHighPassHz = 25, s => s.EqHighPassSlope = 24, s => s.EqLowShelfHz = 301, s => s.EqLowShelfCentiDb = 1210,
            s => s.EqBellHz[1] = 59, s => s.EqBellQX100[0] = 401, s => s.EqBellCentiDb[1] = -1201, s => s.EqHighShelfHz = 1499,
            s => s.EqLowpassHz = 9999, s => s.DeessHz = 12001, s => s.DeessThresholdCentiDb = 10, s => s.DeessRangeCentiDb = 1300,
            s => s.DeessReleaseMilliseconds = 19, s => s.StereoWidthPercent = 201, s => s.StereoMonoBelowHz = 80,
        };
        foreach (var change in bad)
        {
            var s = Toolkit();
            change(s);
            Assert.False(SceneRules.IsValid(s));
            Assert.Null(SceneCodec.Decode(SceneCodec.Encode(s, 1), out _, out _));
        }
    }

    /// <summary>Every toolkit field, as text, for comparing scenes.</summary>
    private static string SceneJson(Scene s) => string.Join(",",
        Enumerable.Range((int)SceneApplier.FirstToolkitParam, (int)SceneApplier.LastToolkitParam - (int)SceneApplier.FirstToolkitParam + 1)
            .Select(p => SceneApplier.ToolkitValue(s, (EngineParam)p)));

    [Fact]
    public void GainKnobsHaveADetentAtFlatAndReachTheEnds()
    {
        int centre = KnobTaper.FullTravel / 2;
        for (int off = -KnobTaper.DetentTravel; off <= KnobTaper.DetentTravel; off++)
            Assert.Equal(0, BusControl.FromTravel(BusControl.Bell1Gain, centre + off));
        Assert.NotEqual(0, BusControl.FromTravel(BusControl.Bell1Gain, centre + KnobTaper.DetentTravel + 20));
        Assert.Equal(1200, BusControl.FromTravel(BusControl.Bell1Gain, KnobTaper.FullTravel));
        Assert.Equal(-1200, BusControl.FromTravel(BusControl.Bell1Gain, 0));
        Assert.Equal(100, BusControl.FromTravel(BusControl.Width, centre));
        Assert.Equal((0, 200), (BusControl.FromTravel(BusControl.Width, 0), BusControl.FromTravel(BusControl.Width, KnobTaper.FullTravel)));
        // Monotonic, in 0.1 dB steps.
        int last = int.MinValue;
        for (int t = 0; t <= KnobTaper.FullTravel; t++)
        {
            int g = BusControl.FromTravel(BusControl.HighShelfGain, t);
            Assert.True(g >= last);
            Assert.Equal(0, g % BusControl.GainStepCentiDb);
            last = g;
        }
    }

    [Theory]
    [InlineData(BusControl.LowShelfHz, 30, 300)]
    [InlineData(BusControl.Bell2Hz, 60, 8000)]
    [InlineData(BusControl.Bell1Q, 40, 400)]
    [InlineData(BusControl.HighShelfHz, 1500, 16000)]
    [InlineData(BusControl.DeessHz, 2000, 12000)]
    [InlineData(BusControl.DeessRelease, 20, 300)]
    public void FrequencyAndQKnobsAreExponentialAndTheirOwnInverse(int control, int low, int high)
    {
        Assert.Equal(low, BusControl.FromTravel(control, 0));
        Assert.Equal(high, BusControl.FromTravel(control, KnobTaper.FullTravel));
        // Half the travel is the geometric mean (within a unit of rounding).
        Assert.Equal(Math.Sqrt((double)low * high), BusControl.FromTravel(control, KnobTaper.FullTravel / 2), 1.0 + 0.002 * Math.Sqrt((double)low * high));
        for (int t = 0; t <= KnobTaper.FullTravel; t += 37)
        {
            int value = BusControl.FromTravel(control, t);
            Assert.Equal(value, BusControl.FromTravel(control, BusControl.TravelOf(control, value)));
        }
    }

    [Fact]
    public void SteppedKnobsCoverEveryChoiceAndOff()
    {
        var hp = Enumerable.Range(0, KnobTaper.FullTravel + 1).Select(t => BusControl.FromTravel(BusControl.HighPass, t)).Distinct();
        Assert.Equal(new[] { 0 }.Concat(SceneRules.HighPassChoicesHz), hp);
        var mono = Enumerable.Range(0, KnobTaper.FullTravel + 1).Select(t => BusControl.FromTravel(BusControl.MonoBelow, t)).Distinct();
        Assert.Equal(new[] { 0 }.Concat(SceneRules.MonoBelowChoicesHz), mono);
        foreach (int hz in new[] { 0 }.Concat(SceneRules.HighPassChoicesHz))
            Assert.Equal(hz, BusControl.FromTravel(BusControl.HighPass, BusControl.TravelOf(BusControl.HighPass, hz)));
        Assert.Equal(0, BusControl.FromTravel(BusControl.Lowpass, BusControl.LowpassOffTravel - 1));
        Assert.Equal(SceneRules.LowpassMinHz, BusControl.FromTravel(BusControl.Lowpass, BusControl.LowpassOffTravel));
        Assert.Equal(SceneRules.LowpassMaxHz, BusControl.FromTravel(BusControl.Lowpass, KnobTaper.FullTravel));
        Assert.Equal(0, BusControl.FromTravel(BusControl.Lowpass, BusControl.TravelOf(BusControl.Lowpass, 0)));
    }

    /// <summary>Every value a knob can give is one the scene rules (and so the engine) accept.</summary>
    [Fact]
    public void EveryKnobValueIsAValidScene()
    {
        for (int control = 0; control < BusControl.Count; control++)
            for (int t = 0; t <= KnobTaper.FullTravel; t += 5)
            {
                var s = new Scene();
                BusControl.Set(s, control, BusControl.FromTravel(control, t));
                Assert.True(SceneRules.IsValid(s), $"control {control} at {t}");
            }
    }

    /// <summary>
    /// A knob swept over its travel, a new value every tick for a second: the engine is written
    /// at most once per band per ToolkitWriter.TicksPerWrite ticks, the first change at once,
    /// and the last value always arrives. Without coalescing every tick would write (the count
    /// shows the check can fail).
    /// </summary>
    [Fact]
    public void AKnobSweepWritesTheEngineAtMostOncePerBandPerInterval()
    {
        using var engine = new MixEngine();
        var writer = new ToolkitWriter(engine);
        int lastValue = 0;
        for (int tick = 0; tick < 100; tick++)
        {
            lastValue = BusControl.FromTravel(BusControl.Bell1Gain, tick * 40);
            writer.Request(EngineParam.EqBell1CentiDb, lastValue);
            if (tick == 50) writer.Request(EngineParam.EqBell2Hz, 5000); // another band: its own turn, not held up
            writer.Tick();
            if (tick == 0) Assert.Equal(lastValue, engine.Get(EngineParam.EqBell1CentiDb, 0)); // the first change at once
            if (tick == 50) Assert.Equal(5000, engine.Get(EngineParam.EqBell2Hz, 0));
        }
        for (int tick = 0; tick < ToolkitWriter.TicksPerWrite; tick++) writer.Tick();
        Assert.False(writer.Pending);
        Assert.Equal(lastValue, engine.Get(EngineParam.EqBell1CentiDb, 0)); // the final value
        int bell = writer.WritesOfBand(EngineParam.EqBell1CentiDb);
        Assert.InRange(bell, 2, 100 / ToolkitWriter.TicksPerWrite + 1);
        Assert.Equal(1, writer.WritesOfBand(EngineParam.EqBell2Hz));
    }

    /// <summary>Two parameters of one band waiting together are written one per interval, never two in a tick.</summary>
    [Fact]
    public void ABandWritesOneParameterPerInterval()
    {
        using var engine = new MixEngine();
        var writer = new ToolkitWriter(engine);
        writer.Request(EngineParam.EqLowShelfHz, 60);
        writer.Request(EngineParam.EqLowShelfCentiDb, 500);
        writer.Tick();
        Assert.Equal(1, writer.Writes);
        for (int t = 1; t < ToolkitWriter.TicksPerWrite; t++) writer.Tick();
        Assert.Equal(1, writer.Writes);
        writer.Tick();
        Assert.Equal(2, writer.Writes);
        Assert.Equal((60, 500), (engine.Get(EngineParam.EqLowShelfHz, 0), engine.Get(EngineParam.EqLowShelfCentiDb, 0)));
        writer.Request(EngineParam.StereoWidthPercent, 50);
        writer.Discard();
        for (int t = 0; t < 2 * ToolkitWriter.TicksPerWrite; t++) writer.Tick();
        Assert.Equal(100, engine.Get(EngineParam.StereoWidthPercent, 0)); // discarded (a recall came in between)
    }
}
