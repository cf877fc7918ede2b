using MixBox.Hal;
using MixBox.Hal.Sim;

namespace MixBox.Hal.Tests;

/// <summary>Knob ADC: command byte encoding per SBAS181 Tables 1-3 and 12-bit reads.</summary>
public class Ads7828Tests
{
    private const int Address = 0x48;

    [Theory]
    [InlineData(0, 0x84)]   // SD=1, C=000, PD=01
    [InlineData(1, 0xC4)]   // C=100
    [InlineData(2, 0x94)]   // C=001
    [InlineData(3, 0xD4)]   // C=101
    [InlineData(6, 0xB4)]   // C=011
    [InlineData(7, 0xF4)]   // C=111
    public void CommandByteMatchesTheChannelSelectionTable(int channel, byte command)
    {
        Assert.Equal(command, Ads7828.CommandByte(channel, Ads7828PowerDown.ReferenceOffConverterOn));
    }

    [Theory]
    [InlineData(Ads7828PowerDown.BetweenConversions, 0x80)]
    [InlineData(Ads7828PowerDown.ReferenceOnConverterOn, 0x8C)]
    public void PowerDownBitsSitInBitsThreeAndTwo(Ads7828PowerDown mode, byte command)
    {
        Assert.Equal(command, Ads7828.CommandByte(0, mode));
    }

    [Fact]
    public void DecodeKeepsTwelveBits()
    {
        Assert.Equal(0xABC, Ads7828.Decode(0x0A, 0xBC));
        Assert.Equal(0xFFF, Ads7828.Decode(0x0F, 0xFF));
    }

    [Fact]
    public void EveryChannelReadsItsOwnVoltage()
    {
        var bus = new SimulatedI2cBus();
        var model = new Ads7828Model();
        bus.Attach(Address, model);
        var adc = new Ads7828(bus.Open(Address), bus.Clock, RetryPolicy.Default, "knobs");
        for (int ch = 0; ch < 8; ch++) model.SetVolts(ch, 0.3 * (ch + 1));

        Assert.True(adc.Initialize());
        for (int ch = 0; ch < 8; ch++)
        {
            Assert.True(adc.Read(ch, out int code));
            Assert.Equal(model.CodeFor(0.3 * (ch + 1)), code);
            Assert.Equal(ch, model.LastChannel);
        }
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.65, 2048)]
    [InlineData(3.3, 4095)]
    public void ReadsAreRatiometricToTheReference(double volts, int expected)
    {
        var bus = new SimulatedI2cBus();
        var model = new Ads7828Model();
        bus.Attach(Address, model);
        var adc = new Ads7828(bus.Open(Address), bus.Clock, RetryPolicy.Default, "knobs");
        model.SetVolts(5, volts);
        Assert.True(adc.Read(5, out int code));
        Assert.Equal(expected, code);
    }
}
