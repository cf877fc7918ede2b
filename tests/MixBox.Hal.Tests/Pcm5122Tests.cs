using MixBox.Hal;
using MixBox.Hal.Sim;

namespace MixBox.Hal.Tests;

/// <summary>DAC init against its register model: clocking without SCK, TDM format, volume, power state.</summary>
public class Pcm5122Tests
{
    private const int Address = 0x4E;

    private static (SimulatedI2cBus Bus, Pcm5122Model Model, Pcm5122 Dac) Setup(bool clocks = true)
    {
        var bus = new SimulatedI2cBus();
        var model = new Pcm5122Model { ClocksRunning = clocks };
        bus.Attach(Address, model);
        return (bus, model, new Pcm5122(bus.Open(Address), bus.Clock, RetryPolicy.Default, "DAC"));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 64)]
    [InlineData(6, 192)]
    public void InitLeavesTheDocumentedRegisterState(int slot, int offset)
    {
        var (_, model, dac) = Setup();
        model.Poke(0, Pcm5122Model.I2s1, 0x00);  // stale state: the register reset must clear it

        Assert.True(dac.Initialize(slot, 32));

        Assert.Equal(1, model.RegisterResetCount);
        Assert.Equal(0x13, model.Peek(0, Pcm5122Model.I2s1));            // DSP format, 32-bit
        Assert.Equal(offset, model.Peek(0, Pcm5122Model.I2s2));
        Assert.Equal(0x10, model.Peek(0, Pcm5122Model.PllReference));    // PLL from BCK
        Assert.Equal(0x08, model.Peek(0, Pcm5122Model.ErrorDetect) & 0x0A);  // IDCH set, DCAS clear
        Assert.Equal(0x01, model.Peek(0, Pcm5122Model.PllEnable) & 0x01);
        Assert.Equal(0x00, model.Peek(0, Pcm5122Model.Power));
        Assert.Equal(0x00, model.Peek(0, Pcm5122Model.Mute));
        Assert.Equal(0x30, model.Peek(0, Pcm5122Model.VolumeLeft));
        Assert.Equal(0x30, model.Peek(0, Pcm5122Model.VolumeRight));
        Assert.Equal(0x02, model.Peek(0, Pcm5122Model.DspProgram));      // low-latency interpolation filter
        Assert.True(model.LowLatencyFilter);
        Assert.Equal(PartState.Ok, dac.Health.State);
    }

    [Fact]
    public void ConfigurationHappensInStandbyAndStandbyIsReleasedLast()
    {
        var (_, model, dac) = Setup();
        Assert.True(dac.Initialize(0, 32));
        var writes = model.Writes.Where(w => w.Register != 0).ToList();
        int standby = writes.FindIndex(w => w.Register == Pcm5122Model.Power && w.Value == 0x10);
        int format = writes.FindIndex(w => w.Register == Pcm5122Model.I2s1);
        Assert.InRange(standby, 0, format);
        Assert.Equal((Pcm5122Model.Power, (byte)0x00), (writes[^1].Register, writes[^1].Value));
    }

    [Fact]
    public void StatusReadBackShowsRunAndPllLock()
    {
        var (_, _, dac) = Setup();
        Assert.True(dac.Initialize(0, 32));
        Assert.True(dac.ReadStatus(out var status));
        Assert.Equal(Pcm5122PowerState.Run, status.PowerState);
        Assert.True(status.PllLocked);
        Assert.False(status.AudioClocksMissing);
    }

    [Fact]
    public void WithoutClocksInitReportsPowerStateAndMissingClocks()
    {
        var (bus, _, dac) = Setup(clocks: false);
        Assert.False(dac.Initialize(0, 32));
        Assert.Equal(PartState.Faulty, dac.Health.State);
        Assert.Contains("power state 0", dac.Health.Problem);
        Assert.Contains("BCK and LRCK missing", dac.Health.Problem);
        Assert.InRange(bus.Clock.ElapsedMs, 1, 200);
    }

    [Fact]
    public void AStuckPowerStateIsReportedAsFaulty()
    {
        var (_, model, dac) = Setup();
        model.Pin(0, Pcm5122Model.PowerState, 0x08);
        Assert.False(dac.Initialize(0, 32));
        Assert.Contains("power state 8", dac.Health.Problem);
    }

    [Theory]
    [InlineData(0, 0x30)]     // 0 dB
    [InlineData(48, 0x00)]    // +24 dB
    [InlineData(-12, 0x3C)]   // -6 dB
    [InlineData(-206, 0xFE)]  // -103 dB
    [InlineData(-400, 0xFE)]  // clamped: never the mute code
    [InlineData(60, 0x00)]    // clamped
    public void VolumeCodeMatchesTheDatasheetTable(int halfDb, byte code)
    {
        Assert.Equal(code, Pcm5122.VolumeCode(halfDb));
    }

    [Fact]
    public void VolumeSetsBothChannelsInOneAutoIncrementedWrite()
    {
        var (bus, model, dac) = Setup();
        Assert.True(dac.Initialize(0, 32));
        int before = bus.TransferCount(Address);
        Assert.True(dac.SetVolumeHalfDb(-12));
        Assert.Equal(1, bus.TransferCount(Address) - before);
        Assert.Equal(0x3C, model.Peek(0, Pcm5122Model.VolumeLeft));
        Assert.Equal(0x3C, model.Peek(0, Pcm5122Model.VolumeRight));
        Assert.Equal(0x80 | Pcm5122Model.VolumeLeft, bus.Log[^1].Written[0]);
    }

    [Fact]
    public void MuteSetsBothMuteBits()
    {
        var (_, model, dac) = Setup();
        Assert.True(dac.Initialize(0, 32));
        Assert.True(dac.SetMuted(true));
        Assert.Equal(0x11, model.Peek(0, Pcm5122Model.Mute));
        Assert.True(dac.SetMuted(false));
        Assert.Equal(0x00, model.Peek(0, Pcm5122Model.Mute));
    }

    [Fact]
    public void ASlotBeyondTheOffsetRangeIsRefusedWithoutTouchingTheBus()
    {
        var (bus, _, dac) = Setup();
        Assert.False(dac.Initialize(8, 32));
        Assert.Equal(0, bus.TransferCount(Address));
        Assert.Equal(PartState.Faulty, dac.Health.State);
    }
}
