using MixBox.Firmware;

namespace MixBox.Firmware.Tests;

public class ControlsTests
{
    [Fact]
    public void FaderLawIsAnAudioTaperAndItsOwnInverse()
    {
        Assert.Equal(FaderLaw.OffCentiDb, FaderLaw.CentiDbFromTravel(0));
        Assert.Equal(-6000, FaderLaw.CentiDbFromTravel(82));
        Assert.Equal(-1000, FaderLaw.CentiDbFromTravel(2048));    // half travel: -10 dB
        Assert.Equal(0, FaderLaw.CentiDbFromTravel(3071));        // three quarters: unity
        Assert.Equal(1200, FaderLaw.CentiDbFromTravel(4095));
        int previous = int.MinValue;
        for (int travel = 0; travel <= 4095; travel++)
        {
            int gain = FaderLaw.CentiDbFromTravel(travel);
            Assert.True(gain >= previous, $"travel {travel}");
            previous = gain;
            if (travel >= 82) Assert.InRange(FaderLaw.TravelFromCentiDb(gain) - travel, -40, 1); // within one cdB step of travel
        }
    }

    [Fact]
    public void ARestingNoisyKnobNeverMoves()
    {
        var knob = new KnobFilter();
        var random = new Random(1);
        knob.Update(2000);
        int changes = 0;
        for (int tick = 0; tick < 10000; tick++)
            if (knob.Update(2000 + random.Next(-3, 4))) changes++; // +-3 codes of noise
        Assert.Equal(0, changes);
    }

    [Fact]
    public void ATurningKnobIsFollowedClosely()
    {
        var knob = new KnobFilter();
        knob.Update(1000);
        for (int tick = 1; tick <= 100; tick++) knob.Update(1000 + 20 * tick); // a 1 s turn
        Assert.InRange(knob.Position, 2980 - 80, 3000);
        for (int tick = 0; tick < 30; tick++) knob.Update(3000);              // and it settles
        Assert.InRange(knob.Position, 3000 - KnobFilter.Hysteresis, 3000);
    }

    [Fact]
    public void SoftTakeoverWaitsUntilTheKnobReachesTheRecalledValue()
    {
        var pickup = new SoftTakeover();
        pickup.Recall(targetTravel: 3000, currentPosition: 1000);
        Assert.False(pickup.Engaged);
        Assert.False(pickup.Follow(1500));
        Assert.False(pickup.Follow(2900));
        Assert.True(pickup.Follow(3100), "crossing the value picks it up");
        Assert.True(pickup.Follow(500), "then it follows anywhere");

        pickup.Recall(targetTravel: 2000, currentPosition: 2030);
        Assert.True(pickup.Engaged, "already within the capture window");
    }

    [Fact]
    public void CompressorAmountMapsTravelToThreshold()
    {
        Assert.Equal(0, CompressorAmount.ThresholdFromTravel(0));
        Assert.Equal(-3000, CompressorAmount.ThresholdFromTravel(4095));
        Assert.Equal(-1500, CompressorAmount.ThresholdFromTravel(2048), 1.0);
        Assert.Equal(2047, CompressorAmount.TravelFromThreshold(-1500), 1.0);
    }
}
