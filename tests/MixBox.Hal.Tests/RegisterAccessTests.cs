using CsCheck;
using MixBox.Hal;
using MixBox.Hal.Sim;

namespace MixBox.Hal.Tests;

/// <summary>The shared transfer path: retries are bounded, short transfers fail, masked writes keep neighbours.</summary>
public class RegisterAccessTests
{
    private const int Address = 0x4C;

    private static (SimulatedI2cBus Bus, Tlv320Adc6140Model Model, RegisterAccess Regs) Setup(int attempts = 3)
    {
        var bus = new SimulatedI2cBus();
        var model = new Tlv320Adc6140Model();
        bus.Attach(Address, model);
        return (bus, model, new RegisterAccess(bus.Open(Address), new RetryPolicy(attempts, 1), bus.Clock, 0));
    }

    [Fact]
    public void MergeTakesMaskedBitsFromValueAndTheRestFromCurrent()
    {
        Gen.Byte.Select(Gen.Byte, Gen.Byte).Sample((current, mask, value) =>
        {
            byte merged = RegisterAccess.Merge(current, mask, value);
            return (merged & mask) == (value & mask) && (merged & ~mask & 0xFF) == (current & ~mask & 0xFF);
        });
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0xFF)]
    public void UpdateLeavesNeighbouringBitsAlone(byte background)
    {
        var (_, model, regs) = Setup();
        model.Poke(0, 0x13, background);
        Assert.True(regs.Update(0x13, 0x88, 0x08));
        byte expected = (byte)((background & 0x77) | 0x08);
        Assert.Equal(expected, model.Peek(0, 0x13));
    }

    [Fact]
    public void ATransientNackIsRetried()
    {
        var (bus, model, regs) = Setup();
        bus.Faults(Address).NackNext(2);
        Assert.True(regs.Write(0x07, 0x31));
        Assert.Equal(0x31, model.Peek(0, 0x07));
        Assert.Equal(3, bus.TransferCount(Address));
        Assert.Equal(2, regs.FailedAttempts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void APersistentNackGivesUpAfterExactlyTheConfiguredAttempts(int attempts)
    {
        var (bus, _, regs) = Setup(attempts);
        bus.Faults(Address).Vanish();
        Assert.False(regs.Write(0x07, 0x31));
        Assert.Equal(attempts, bus.TransferCount(Address));
        Assert.Equal(I2cTransferStatus.SlaveAddressNotAcknowledged, regs.LastStatus);
        Assert.False(regs.HasAnswered);
    }

    [Fact]
    public void APartialTransferCountsAsFailureAndIsRetried()
    {
        var (bus, model, regs) = Setup();
        bus.Faults(Address).PartialNext(1, bytesAccepted: 1);
        Assert.True(regs.WriteBlock(0x0B, new byte[] { 4, 5, 6, 7 }));
        Assert.Equal(I2cTransferStatus.PartialTransfer, bus.Log[0].Status);
        Assert.Equal(new byte[] { 4, 5, 6, 7 }, Enumerable.Range(0x0B, 4).Select(r => model.Peek(0, r)));
    }

    [Fact]
    public void AFullStatusWithTooFewBytesIsTreatedAsPartial()
    {
        var regs = new RegisterAccess(new ShortDevice(), new RetryPolicy(2, 0), new SimClock(), 0);
        Assert.False(regs.Write(0x01, 0x01));
        Assert.Equal(I2cTransferStatus.PartialTransfer, regs.LastStatus);
        Assert.True(regs.HasAnswered);
    }

    [Fact]
    public void PageSelectIsSkippedWhenAlreadySelectedAndRedoneAfterForget()
    {
        var (bus, _, regs) = Setup();
        Assert.True(regs.SelectPage(0));
        Assert.True(regs.SelectPage(0));
        Assert.Equal(1, bus.TransferCount(Address));
        regs.ForgetPage();
        Assert.True(regs.SelectPage(0));
        Assert.Equal(2, bus.TransferCount(Address));
    }

    /// <summary>Claims a full transfer but moves one byte: a lying bus driver.</summary>
    private sealed class ShortDevice : II2cDevice
    {
        public int Address => 0x10;
        public I2cTransferResult Write(byte[] buffer) => new(I2cTransferStatus.FullTransfer, 1);
        public I2cTransferResult WriteRead(byte[] writeBuffer, byte[] readBuffer) => new(I2cTransferStatus.FullTransfer, 1);
    }
}
