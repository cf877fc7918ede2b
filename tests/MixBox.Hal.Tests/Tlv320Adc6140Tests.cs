using MixBox.Hal;
using MixBox.Hal.Sim;

namespace MixBox.Hal.Tests;

/// <summary>ADC init against its register model: documented register state, status checks, gain and volume.</summary>
public class Tlv320Adc6140Tests
{
    private const int Address = 0x4D;

    private static (SimulatedI2cBus Bus, Tlv320Adc6140Model Model, Tlv320Adc6140 Adc) Setup(bool clocks = true)
    {
        var bus = new SimulatedI2cBus();
        var model = new Tlv320Adc6140Model { ClocksRunning = clocks };
        bus.Attach(Address, model);
        return (bus, model, new Tlv320Adc6140(bus.Open(Address), bus.Clock, RetryPolicy.Default, "ADC B"));
    }

    [Fact]
    public void InitLeavesTheDocumentedRegisterState()
    {
        var (_, model, adc) = Setup();
        model.Poke(0, Tlv320Adc6140Model.AsiCfg0, 0xC2);  // stale state from before: the reset must clear it

        Assert.True(adc.Initialize(firstSlot: 4));

        Assert.Equal(1, model.ResetCount);
        Assert.Equal(0x81, model.Peek(0, Tlv320Adc6140Model.SleepCfg));
        Assert.Equal(0x31, model.Peek(0, Tlv320Adc6140Model.AsiCfg0));  // TDM, 32-bit, Hi-Z fill
        Assert.Equal(new byte[] { 4, 5, 6, 7 }, Enumerable.Range(Tlv320Adc6140Model.AsiCh1, 4).Select(r => model.Peek(0, r)));
        Assert.Equal(0, model.Peek(0, Tlv320Adc6140Model.MstCfg0) & 0x88);  // slave, 48 kHz family
        Assert.Equal(0, model.Peek(0, Tlv320Adc6140Model.ClkSrc) & 0x80);   // PLL from BCLK
        for (int ch = 0; ch < 4; ch++)
        {
            int cfg0 = Tlv320Adc6140Model.Ch1Cfg0 + 5 * ch;
            Assert.Equal(0x84, model.Peek(0, cfg0));
            Assert.Equal(0x00, model.Peek(0, cfg0 + 1));
            Assert.Equal(0xC9, model.Peek(0, cfg0 + 2));
        }
        Assert.Equal(0xF0, model.Peek(0, Tlv320Adc6140Model.InChEn));
        Assert.Equal(0xF0, model.Peek(0, Tlv320Adc6140Model.AsiOutChEn));
        Assert.Equal(0x60, model.Peek(0, Tlv320Adc6140Model.PwrCfg));
        Assert.Equal(0x21, model.Peek(0, Tlv320Adc6140Model.DspCfg0));  // ultra-low-latency filter, HPF default kept
        Assert.True(model.UltraLowLatencyFilter);
        Assert.True(model.Recording);
        Assert.Equal(PartState.Ok, adc.Health.State);
    }

    [Fact]
    public void ResetComesBeforeConfigurationAndPowerUpComesLast()
    {
        var (_, model, adc) = Setup();
        Assert.True(adc.Initialize(0));
        var registers = model.Writes.Where(w => w.Register != 0).Select(w => w.Register).ToList();
        Assert.Equal(Tlv320Adc6140Model.SwReset, registers[0]);
        Assert.Equal(Tlv320Adc6140Model.SleepCfg, registers[1]);
        Assert.Equal(Tlv320Adc6140Model.PwrCfg, registers[^1]);
    }

    [Fact]
    public void StatusReadBackReportsClockAndRecording()
    {
        var (_, _, adc) = Setup();
        Assert.True(adc.Initialize(0));
        Assert.True(adc.ReadStatus(out var status));
        Assert.True(status.ClockDetected);
        Assert.Equal(Adc6140DeviceMode.Recording, status.Mode);
        Assert.True(status.ChannelPowered(0));
        Assert.True(status.ChannelPowered(3));
    }

    [Fact]
    public void WithoutTdmClocksInitFailsSayingSoInBoundedTime()
    {
        var (bus, _, adc) = Setup(clocks: false);
        Assert.False(adc.Initialize(0));
        Assert.Equal(PartState.Faulty, adc.Health.State);
        Assert.Contains("no ASI clock", adc.Health.Problem);
        Assert.InRange(bus.Clock.ElapsedMs, 1, 100);
    }

    [Fact]
    public void AStuckSleepStatusIsReportedAsFaulty()
    {
        var (_, model, adc) = Setup();
        model.Pin(0, Tlv320Adc6140Model.DevSts1, 0x80);
        Assert.False(adc.Initialize(0));
        Assert.Equal(PartState.Faulty, adc.Health.State);
        Assert.Contains("mode 4", adc.Health.Problem);
    }

    [Theory]
    [InlineData(0, 0xC9)]      // 0 dB
    [InlineData(54, 0xFF)]     // +27 dB
    [InlineData(-200, 0x01)]   // -100 dB
    [InlineData(-12, 0xBD)]    // -6 dB
    [InlineData(100, 0xFF)]    // clamped
    [InlineData(-1000, 0x01)]  // clamped above mute
    public void VolumeCodeMatchesTheDatasheetTable(int halfDb, byte code)
    {
        Assert.Equal(code, Tlv320Adc6140.VolumeCode(halfDb));
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0xFF)]
    public void GainIsAMaskedWriteOnAnInvertedBackground(byte background)
    {
        var (_, model, adc) = Setup();
        Assert.True(adc.Initialize(0));
        int cfg1Ch3 = Tlv320Adc6140Model.Ch1Cfg0 + 5 * 2 + 1;
        model.Poke(0, cfg1Ch3, background);
        Assert.True(adc.SetAnalogGainDb(2, 21));
        Assert.Equal((byte)((21 << 2) | (background & 0x03)), model.Peek(0, cfg1Ch3));
        Assert.True(adc.SetAnalogGainDb(2, 99));
        Assert.Equal(42, model.Peek(0, cfg1Ch3) >> 2);
    }

    [Fact]
    public void MuteWritesZeroAndUnmuteRestoresTheVolume()
    {
        var (_, model, adc) = Setup();
        Assert.True(adc.Initialize(0));
        int cfg2Ch2 = Tlv320Adc6140Model.Ch1Cfg0 + 5 + 2;
        Assert.True(adc.SetDigitalVolumeHalfDb(1, -12));
        Assert.True(adc.SetMuted(1, true));
        Assert.Equal(0x00, model.Peek(0, cfg2Ch2));
        Assert.True(adc.SetMuted(1, false));
        Assert.Equal(0xBD, model.Peek(0, cfg2Ch2));
    }
}
