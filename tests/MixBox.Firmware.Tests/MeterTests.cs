using MixBox.Firmware;

namespace MixBox.Firmware.Tests;

public class MeterTests
{
    [Fact]
    public void BarRisesInstantlyAndFalls20DbIn1Point7Seconds()
    {
        var meter = new MeterBallistics();
        meter.Tick(-600, false);
        Assert.Equal(-600, meter.LevelCentiDb);
        int ticks = 0;
        while (meter.LevelCentiDb > -2600) { meter.Tick(-9000, false); ticks++; }
        Assert.InRange(ticks, 165, 172); // 1.7 s = 170 ticks
    }

    [Fact]
    public void PeakHoldStaysOneSecondThenFalls()
    {
        var meter = new MeterBallistics();
        meter.Tick(-300, false);
        for (int i = 0; i < MeterBallistics.HoldTicks; i++) meter.Tick(-4000, false);
        Assert.Equal(-300, meter.HoldCentiDb);
        meter.Tick(-4000, false);
        Assert.True(meter.HoldCentiDb < -300);
    }

    [Fact]
    public void ClipIsHeldOneSecond()
    {
        var meter = new MeterBallistics();
        meter.Tick(0, true);
        for (int i = 0; i < MeterBallistics.ClipHoldTicks - 1; i++) { meter.Tick(-2000, false); Assert.True(meter.ClipLit); }
        meter.Tick(-2000, false);
        Assert.False(meter.ClipLit);
    }

    [Fact]
    public void LaddersLightFromTheBottom()
    {
        var bus = SegmentLadder.BusMeter();
        Assert.Equal(12, bus.Segments);
        Assert.Equal(0, bus.LitSegments(-5000));
        Assert.Equal(1, bus.LitSegments(-4800));
        Assert.Equal(8, bus.LitSegments(-500));
        Assert.Equal(12, bus.LitSegments(0));
        Assert.Equal(-1, bus.HoldSegment(-9000));
        Assert.Equal(3, SegmentLadder.GainReduction().LitSegments(350));
    }
}
