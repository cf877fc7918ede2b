using MixBox.Boards;

namespace MixBox.Device.Tests;

public class FaultPatternTests
{
    private static int FlashesPerCycle(DeviceFault fault)
    {
        int flashes = 0;
        bool previous = FaultPattern.IsLit(fault, -1);
        for (int tick = 0; tick < FaultPattern.CycleTicks; tick++)
        {
            bool lit = FaultPattern.IsLit(fault, tick);
            if (lit && !previous) flashes++;
            previous = lit;
        }
        return flashes;
    }

    [Theory]
    [InlineData(DeviceFault.AbiMismatch, 1)]
    [InlineData(DeviceFault.EngineInit, 2)]
    [InlineData(DeviceFault.AudioStart, 3)]
    public void EachFaultFlashesItsNumberOfTimesPerCycle(DeviceFault fault, int expected)
    {
        Assert.Equal(expected, FlashesPerCycle(fault));
    }

    [Fact]
    public void NoFaultNeverLights()
    {
        for (int tick = 0; tick < 3 * FaultPattern.CycleTicks; tick++) Assert.False(FaultPattern.IsLit(DeviceFault.None, tick));
    }

    [Fact]
    public void PatternsDifferAndRepeatWithALongDarkGap()
    {
        var faults = new[] { DeviceFault.AbiMismatch, DeviceFault.EngineInit, DeviceFault.AudioStart };
        foreach (var fault in faults)
        {
            int dark = 0;
            for (int tick = 0; tick < FaultPattern.CycleTicks; tick++)
            {
                Assert.Equal(FaultPattern.IsLit(fault, tick), FaultPattern.IsLit(fault, tick + 5 * FaultPattern.CycleTicks));
                Assert.Equal(FaultPattern.IsLit(fault, tick), FaultPattern.IsLit(fault, tick - FaultPattern.CycleTicks));
                if (!FaultPattern.IsLit(fault, FaultPattern.CycleTicks - 1 - tick)) dark++; else break;
            }
            // The gap that separates cycles is at least twice a flash period: countable by eye.
            Assert.True(dark >= 2 * FaultPattern.FlashTicks, fault + ": dark gap " + dark);
        }
        for (int a = 0; a < faults.Length; a++)
            for (int b = a + 1; b < faults.Length; b++)
                Assert.Contains(Enumerable.Range(0, FaultPattern.CycleTicks), t => FaultPattern.IsLit(faults[a], t) != FaultPattern.IsLit(faults[b], t));
    }

    [Fact]
    public void DrivesTheFaultLedAndTheEightClipLeds()
    {
        int[] leds = FaultPattern.Leds();
        Assert.Equal(9, leds.Length);
        Assert.Equal(MixBoxS3Board.LedFault, leds[0]);
        Assert.Equal(Enumerable.Range(MixBoxS3Board.LedClipFirst, 8), leds.Skip(1));
        Assert.Equal(leds.Length, leds.Distinct().Count());
        Assert.All(leds, led => Assert.InRange(led, 0, 127));
    }
}
