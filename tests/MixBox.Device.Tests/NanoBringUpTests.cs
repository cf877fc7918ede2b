using MixBox.Boards;
using MixBox.Hal;
using MixBox.Hal.Device;
using MixBox.Hal.Sim;
using MixBox.NanoModel;

namespace MixBox.Device.Tests;

/// <summary>
/// The HAL's bring-up over the real adapter (NanoI2cBus / NanoI2cDevice) on the host model of
/// the ESP32's I2C stack, with MixBox.Hal.Sim's chip models on the bus: whatever the driver
/// does to one part, the report says so and bring-up finishes.
/// </summary>
[Collection(Esp32NativeCollection.Name)]
public class NanoBringUpTests
{
    private const int Port = MixBoxS3Board.I2cBusId - 1;

    private readonly Tlv320Adc6140Model _adcA = new() { ClocksRunning = true, InShutdown = true };
    private readonly Tlv320Adc6140Model _adcB = new() { ClocksRunning = true, InShutdown = true };

    public NanoBringUpTests()
    {
        Esp32Native.Reset();
        // The board's pull-downs hold SHDNZ low until a GPIO drives it.
        Esp32Native.WireGpio(MixBoxS3Board.PinAdcAShutdownN, high => _adcA.InShutdown = !high);
        Esp32Native.WireGpio(MixBoxS3Board.PinAdcBShutdownN, high => _adcB.InShutdown = !high);
        Esp32Native.Attach(Port, MixBoxS3Board.AddressAdcA, _adcA);
        Esp32Native.Attach(Port, MixBoxS3Board.AddressAdcB, _adcB);
        Esp32Native.Attach(Port, MixBoxS3Board.AddressDac, new Pcm5122Model { ClocksRunning = true });
        Esp32Native.Attach(Port, MixBoxS3Board.AddressPanel, new Ht16k33Model());
        Esp32Native.Attach(Port, MixBoxS3Board.AddressKnobAdcA, new Ads7828Model());
        Esp32Native.Attach(Port, MixBoxS3Board.AddressKnobAdcB, new Ads7828Model());
    }

    private static BringUpReport BringUp() =>
        new BoardBringUp(new NanoI2cBus(MixBoxS3Board.I2cBusId, MixBoxS3Board.PinI2cSda, MixBoxS3Board.PinI2cScl),
            new NanoOutputLines(), new SimClock(), RetryPolicy.Default, MixBoxS3Board.CreateBusPlan()).Run();

    [Fact]
    public void AHealthyBoardComesUpCompleteThroughTheAdapter()
    {
        BringUpReport report = BringUp();
        Assert.True(report.AllOk, report.Describe());
        Assert.True(Esp32Native.GpioLevel(MixBoxS3Board.PinAdcAShutdownN));
        Assert.True(Esp32Native.GpioLevel(MixBoxS3Board.PinAdcBShutdownN));
        Assert.True(_adcA.Recording && _adcB.Recording);
        Assert.Equal(6, Esp32Native.DriverUsers(Port));
        Assert.All(Esp32Native.Transfers, t => Assert.Equal(EspErr.Ok, t.EspErr));
    }

    [Fact]
    public void ADacWhoseTransfersThrowOutOfMemoryIsReportedAndTheRestComesUp()
    {
        Esp32Native.Faults(Port, MixBoxS3Board.AddressDac).OutOfInternalRam(count: 1000);
        BringUpReport report = BringUp();
        Assert.False(report.Dac.IsOk);
        Assert.Equal(I2cTransferStatus.UnknownError, report.Dac.LastStatus);
        Assert.False(report.AudioCanStart);
        Assert.True(report.AdcA.IsOk && report.AdcB.IsOk && report.Panel.IsOk && report.KnobsA.IsOk && report.KnobsB.IsOk, report.Describe());
        Assert.Contains("unknown bus error", report.Describe());
    }

    [Fact]
    public void AnAdcThatHoldsTheClockIsReportedAndItsInputsAreUnavailable()
    {
        Esp32Native.Faults(Port, MixBoxS3Board.AddressAdcA).StretchClock(count: 1000);
        BringUpReport report = BringUp();
        Assert.False(report.AdcA.IsOk);
        Assert.Equal(I2cTransferStatus.ClockStretchTimeout, report.AdcA.LastStatus);
        Assert.Equal(4, report.UnavailableInputCount);
        Assert.True(report.AudioCanStart);
    }

    [Fact]
    public void AMissingAdcAndAPanelWhoseDriverFailsAreBothReported()
    {
        Esp32Native.Detach(Port, MixBoxS3Board.AddressAdcB);
        Esp32Native.Faults(Port, MixBoxS3Board.AddressPanel).CommandBeginError(EspErr.InvalidArg, count: 1000);
        BringUpReport report = BringUp();
        Assert.Equal(PartState.Missing, report.AdcB.State);
        Assert.Equal(I2cTransferStatus.SlaveAddressNotAcknowledged, report.AdcB.LastStatus);
        Assert.False(report.Panel.IsOk);
        Assert.Equal(I2cTransferStatus.UnknownError, report.Panel.LastStatus);
        Assert.True(report.Dac.IsOk && report.AdcA.IsOk, report.Describe());
    }

    [Fact]
    public void APartWhoseDriverFailsTwiceIsRetriedAndComesUp()
    {
        Esp32Native.Faults(Port, MixBoxS3Board.AddressDac).OutOfInternalRam().CommandLinkError(); // two of the three attempts
        BringUpReport report = BringUp();
        Assert.True(report.AllOk, report.Describe());
        Assert.Equal(0, Esp32Native.Faults(Port, MixBoxS3Board.AddressDac).Pending);
    }

    [Fact]
    public void WhenNoDeviceCanBeOpenedEveryPartIsReportedAndNothingThrows()
    {
        Esp32Native.ReservePin(MixBoxS3Board.PinI2cSda);
        BringUpReport report = BringUp();
        for (int part = 0; part < report.PartCount; part++)
        {
            Assert.False(report.Part(part).IsOk);
            Assert.Equal(I2cTransferStatus.UnknownError, report.Part(part).LastStatus);
        }
        Assert.Empty(Esp32Native.Transfers);
        Assert.Equal(6, report.Describe().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
