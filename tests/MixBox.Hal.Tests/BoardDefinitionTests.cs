using MixBox.Boards;

namespace MixBox.Hal.Tests;

/// <summary>The board definition is consistent: pins legal and distinct, addresses distinct, frame arithmetic right.</summary>
public class BoardDefinitionTests
{
    private static readonly int[] Pins =
    {
        MixBoxS3Board.PinI2cSda, MixBoxS3Board.PinI2cScl, MixBoxS3Board.PinI2sMclk, MixBoxS3Board.PinI2sBck,
        MixBoxS3Board.PinI2sWs, MixBoxS3Board.PinI2sDinAdcA, MixBoxS3Board.PinI2sDout, MixBoxS3Board.PinI2sDinAdcB,
        MixBoxS3Board.PinAdcAShutdownN, MixBoxS3Board.PinAdcBShutdownN,
    };

    [Fact]
    public void PinsAreDistinctAndAvoidStrappingFlashPsramUsbAndConsole()
    {
        Assert.Equal(Pins.Length, Pins.Distinct().Count());
        int[] reserved = new[] { 0, 3, 45, 46, 19, 20, 43, 44 }.Concat(Enumerable.Range(26, 12)).ToArray();
        Assert.All(Pins, pin =>
        {
            Assert.InRange(pin, 0, 48);
            Assert.DoesNotContain(pin, reserved);
        });
    }

    [Fact]
    public void AddressesAreDistinctAndTheBusPlanUsesThem()
    {
        var plan = MixBoxS3Board.CreateBusPlan();
        int[] addresses = { plan.AdcAAddress, plan.AdcBAddress, plan.DacAddress, plan.PanelAddress, plan.KnobAdcAAddress, plan.KnobAdcBAddress };
        Assert.Equal(new[] { 0x4C, 0x4D, 0x4E, 0x70, 0x48, 0x49 }, addresses);
        Assert.Equal(0, plan.AdcAFirstSlot);
        Assert.Equal(0, plan.AdcBFirstSlot);
        Assert.Equal(32, plan.SlotBits);
    }

    /// <summary>Each ADC fills one controller's 4-slot frame; together they are the engine's 8 inputs.</summary>
    [Fact]
    public void EachTdmFrameIsOneAdcAtA6Point144MHzBitClock()
    {
        Assert.Equal(6_144_000, MixBoxS3Board.BitClockHz);
        Assert.Equal(MixBoxS3Board.SlotsPerFrame, MixBoxS3Board.AdcAFirstSlot + Tlv320Adc6140.Channels);
        Assert.Equal(MixBoxS3Board.SlotsPerFrame, MixBoxS3Board.AdcBFirstSlot + Tlv320Adc6140.Channels);
        Assert.Equal(MixBoxS3Board.InputChannels, MixBoxS3Board.AdcBFirstChannel + Tlv320Adc6140.Channels);
    }

    [Fact]
    public void EveryKnobHasItsOwnAdcChannel()
    {
        var wiring = Enumerable.Range(0, MixBoxS3Board.Knobs)
            .Select(k => (MixBoxS3Board.KnobAdc(k), MixBoxS3Board.KnobChannel(k))).ToList();
        Assert.Equal(MixBoxS3Board.Knobs, wiring.Distinct().Count());
        Assert.All(wiring, w => Assert.InRange(w.Item2, 0, Ads7828.Channels - 1));
    }

    [Fact]
    public void LedsAndKeysFitThePanelChipAndDoNotOverlap()
    {
        var leds = new List<int>();
        leds.AddRange(Enumerable.Range(MixBoxS3Board.LedBusMeterLeftFirst, MixBoxS3Board.BusMeterSegments));
        leds.AddRange(Enumerable.Range(MixBoxS3Board.LedBusMeterRightFirst, MixBoxS3Board.BusMeterSegments));
        leds.AddRange(Enumerable.Range(MixBoxS3Board.LedSignalFirst, 8));
        leds.AddRange(Enumerable.Range(MixBoxS3Board.LedClipFirst, 8));
        leds.AddRange(Enumerable.Range(MixBoxS3Board.LedGainReductionFirst, MixBoxS3Board.GainReductionSegments));
        leds.AddRange(new[] { MixBoxS3Board.LedCompressorIn, MixBoxS3Board.LedMeterMode, MixBoxS3Board.LedStore, MixBoxS3Board.LedFault });
        Assert.Equal(leds.Count, leds.Distinct().Count());
        Assert.All(leds, led => Assert.InRange(led, 0, Ht16k33.LedCount - 1));

        var keys = new List<int>();
        keys.AddRange(Enumerable.Range(MixBoxS3Board.KeyMuteFirst, 8));
        keys.AddRange(Enumerable.Range(MixBoxS3Board.KeySoloFirst, 8));
        keys.AddRange(new[] { MixBoxS3Board.KeyCompressorIn, MixBoxS3Board.KeyMeterMode, MixBoxS3Board.KeyStore });
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(keys, key => Assert.InRange(key, 0, Ht16k33.KeyCount - 1));
    }
}
