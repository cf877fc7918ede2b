using MixBox.Hal;
using MixBox.Hal.Sim;

namespace MixBox.Hal.Tests;

/// <summary>The models behave as the datasheets say, so driver tests against them mean something.</summary>
public class ModelTests
{
    [Fact]
    public void Pcm5122AutoIncrementsOnlyWithAddressBit7()
    {
        var bus = new SimulatedI2cBus();
        var dac = new Pcm5122Model();
        bus.Attach(0x4E, dac);
        var device = bus.Open(0x4E);

        device.Write(new byte[] { Pcm5122Model.VolumeLeft, 0x40, 0x41 });
        Assert.Equal(0x41, dac.Peek(0, Pcm5122Model.VolumeLeft));
        Assert.Equal(0x30, dac.Peek(0, Pcm5122Model.VolumeRight));

        device.Write(new byte[] { 0x80 | Pcm5122Model.VolumeLeft, 0x50, 0x51 });
        Assert.Equal(0x50, dac.Peek(0, Pcm5122Model.VolumeLeft));
        Assert.Equal(0x51, dac.Peek(0, Pcm5122Model.VolumeRight));
    }

    [Fact]
    public void Adc6140ResetSelfClearsAndRestoresDefaults()
    {
        var adc = new Tlv320Adc6140Model();
        adc.Write(new byte[] { Tlv320Adc6140Model.AsiCfg0, 0x31 });
        adc.Write(new byte[] { Tlv320Adc6140Model.SwReset, 0x01 });
        Assert.Equal(0x30, adc.Peek(0, Tlv320Adc6140Model.AsiCfg0));
        Assert.Equal(0x00, adc.ReadAs(0, Tlv320Adc6140Model.SwReset));
        Assert.Equal(4 << 5, adc.ReadAs(0, Tlv320Adc6140Model.DevSts1));
        Assert.Equal(0xFF, adc.ReadAs(0, Tlv320Adc6140Model.AsiSts));
    }

    [Fact]
    public void Adc6140StatusIsReadOnly()
    {
        var adc = new Tlv320Adc6140Model();
        adc.Write(new byte[] { Tlv320Adc6140Model.DevSts1, 0xE0 });
        Assert.Equal(4 << 5, adc.ReadAs(0, Tlv320Adc6140Model.DevSts1));
    }

    [Fact]
    public void Adc6140PagesAreSeparate()
    {
        var adc = new Tlv320Adc6140Model();
        adc.Write(new byte[] { 0x00, 0x01, });          // page 1
        adc.Write(new byte[] { Tlv320Adc6140Model.AsiCfg0, 0xAA });
        adc.Write(new byte[] { 0x00, 0x00 });           // page 0
        Assert.Equal(0x30, adc.Peek(0, Tlv320Adc6140Model.AsiCfg0));
        Assert.Equal(0xAA, adc.Peek(1, Tlv320Adc6140Model.AsiCfg0));
    }

    [Fact]
    public void Ht16k33KeyRamIsLittleEndianThirteenBitsPerLine()
    {
        var panel = new Ht16k33Model();
        panel.Write(new byte[] { 0x21 });
        panel.SetKey(13 + 12, true);  // KS1 K13
        panel.SetKey(26 + 8, true);   // KS2 K9
        panel.Write(new byte[] { 0x40 });
        var keyRam = new byte[6];
        panel.Read(keyRam);
        Assert.Equal(new byte[] { 0x00, 0x00, 0x00, 0x10, 0x00, 0x01 }, keyRam);
    }

    [Fact]
    public void Ht16k33ScansNoKeysWithTheOscillatorOff()
    {
        var panel = new Ht16k33Model();
        panel.SetKey(0, true);
        panel.Write(new byte[] { 0x40 });
        var keyRam = new byte[6];
        panel.Read(keyRam);
        Assert.All(keyRam, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Ads7828DecodesTheInterleavedChannelSelect()
    {
        var adc = new Ads7828Model();
        for (int ch = 0; ch < 8; ch++)
        {
            adc.Write(new[] { Ads7828.CommandByte(ch, Ads7828PowerDown.ReferenceOffConverterOn) });
            adc.Read(new byte[2]);
            Assert.Equal(ch, adc.LastChannel);
        }
    }

    [Fact]
    public void AnAdcThatVanishesAfterInitIsLostOnTheNextStatusRead()
    {
        var bus = new SimulatedI2cBus();
        var model = new Tlv320Adc6140Model { ClocksRunning = true };
        bus.Attach(0x4C, model);
        var adc = new Tlv320Adc6140(bus.Open(0x4C), bus.Clock, RetryPolicy.Default, "ADC A");
        Assert.True(adc.Initialize(0));
        bus.Detach(0x4C);
        Assert.False(adc.ReadStatus(out _));
        Assert.Equal(PartState.Lost, adc.Health.State);
    }
}
