using System.Device.I2c;
using MixBox.NanoModel;
using nanoFramework.Hardware.Esp32;

namespace MixBox.Device.Tests;

/// <summary>
/// The host model of nanoFramework's I2C stack (tests/MixBox.NanoModel) against the facts it
/// encodes from nf-interpreter's ESP32 native code: what the adapter tests below stand on.
/// Raw System.Device.I2c calls, no adapter.
/// </summary>
[Collection(Esp32NativeCollection.Name)]
public class NanoI2cModelTests
{
    private const int Port = 0;
    private const int BusId = 1;
    private const int Address = 0x4C;
    private readonly RecordingTarget _chip = new();

    public NanoI2cModelTests()
    {
        Esp32Native.Reset();
        Esp32Native.Attach(Port, Address, _chip);
    }

    private static void RoutePins()
    {
        Configuration.SetPinFunction(8, DeviceFunction.I2C1_DATA);
        Configuration.SetPinFunction(9, DeviceFunction.I2C1_CLOCK);
    }

    private static I2cDevice Open(int address = Address) => I2cDevice.Create(new I2cConnectionSettings(BusId, address, I2cBusSpeed.FastMode));

    [Fact]
    public void OnTheS3ADeviceCannotBeCreatedBeforeItsPinsAreRouted()
    {
        // No default I2C pins (ESP32_S3_DeviceMapping.cpp): SetConfig fails, CLR_E_FAIL = System.Exception.
        var e = Assert.Throws<Exception>(() => Open());
        Assert.Equal(typeof(Exception), e.GetType());
        RoutePins();
        Assert.Equal(8, Esp32Native.I2cPin(Port, 0));
        Assert.Equal(9, Esp32Native.I2cPin(Port, 1));
        using var device = Open();
        Assert.True(Esp32Native.DriverInstalled(Port));
    }

    [Fact]
    public void SetPinFunctionRefusesAPinThatIsNoOutputGpio()
    {
        Assert.Throws<ArgumentException>(() => Configuration.SetPinFunction(22, DeviceFunction.I2C1_DATA));
        Assert.Throws<ArgumentException>(() => Configuration.SetPinFunction(49, DeviceFunction.I2C2_CLOCK));
        Configuration.SetPinFunction(48, DeviceFunction.I2C2_CLOCK);
        Assert.Equal(48, Esp32Native.I2cPin(1, 1));
    }

    [Fact]
    public void ABusIdTheSoCDoesNotHaveIsAnArgumentException()
    {
        RoutePins();
        Assert.Throws<ArgumentException>(() => I2cDevice.Create(new I2cConnectionSettings(3, Address, I2cBusSpeed.FastMode)));
        Assert.Throws<ArgumentException>(() => I2cDevice.Create(new I2cConnectionSettings(0, Address, I2cBusSpeed.FastMode)));
    }

    [Fact]
    public void AReservedPinOrAFailedDriverInstallMakesCreateThrow()
    {
        RoutePins();
        Esp32Native.ReservePin(9);
        Assert.Equal(typeof(Exception), Assert.ThrowsAny<Exception>(() => Open()).GetType());
        Esp32Native.Reset();
        RoutePins();
        Esp32Native.FailDriverInstall();
        Assert.Throws<ArgumentException>(() => Open());
        Assert.False(Esp32Native.DriverInstalled(Port));
        using var device = Open();
        Assert.Equal(1, Esp32Native.DriverUsers(Port));
    }

    [Fact]
    public void AFullTransferCountsBothPhasesAndDeliversTheReadBytes()
    {
        RoutePins();
        using var device = Open();
        byte[] read = new byte[3];
        I2cTransferResult result = device.WriteRead(new SpanByte(new byte[] { 0x10, 0x11 }), new SpanByte(read));
        Assert.Equal(I2cTransferStatus.FullTransfer, result.Status);
        Assert.Equal(5u, result.BytesTransferred);
        Assert.Equal(new byte[] { 0xA0, 0xA1, 0xA2 }, read);
        Assert.Equal(new byte[] { 0x10, 0x11 }, Assert.Single(_chip.Writes));
        result = device.Write(new SpanByte(new byte[] { 1, 2, 3, 4 }));
        Assert.Equal(I2cTransferStatus.FullTransfer, result.Status);
        Assert.Equal(4u, result.BytesTransferred);
    }

    [Fact]
    public void ANackOfTheAddressOrOfADataByteIsSlaveAddressNotAcknowledgedWithZeroBytes()
    {
        RoutePins();
        using var device = Open();
        using var absent = Open(0x22);
        I2cTransferResult result = absent.Write(new SpanByte(new byte[] { 1 }));
        Assert.Equal(I2cTransferStatus.SlaveAddressNotAcknowledged, result.Status);
        Assert.Equal(0u, result.BytesTransferred);

        Esp32Native.Faults(Port, Address).NackData(bytesAccepted: 2);
        result = device.Write(new SpanByte(new byte[] { 7, 8, 9, 10 }));
        // Two bytes did reach the chip, yet the result says 0 and never PartialTransfer.
        Assert.Equal(I2cTransferStatus.SlaveAddressNotAcknowledged, result.Status);
        Assert.Equal(0u, result.BytesTransferred);
        Assert.Equal(new byte[] { 7, 8 }, Assert.Single(_chip.Writes));
    }

    [Fact]
    public void ABusTimeoutIsClockStretchTimeoutWithZeroBytesAndNoReadData()
    {
        RoutePins();
        using var device = Open();
        Esp32Native.Faults(Port, Address).StretchClock();
        byte[] read = new byte[2];
        I2cTransferResult result = device.WriteRead(new SpanByte(new byte[] { 0x10 }), new SpanByte(read));
        Assert.Equal(I2cTransferStatus.ClockStretchTimeout, result.Status);
        Assert.Equal(0u, result.BytesTransferred);
        Assert.Equal(new byte[2], read);
    }

    [Fact]
    public void NoInternalRamForTheBounceBufferThrowsOutOfMemoryBeforeAnythingIsSent()
    {
        RoutePins();
        using var device = Open();
        Esp32Native.Faults(Port, Address).OutOfInternalRam();
        Assert.Throws<OutOfMemoryException>(() => device.Write(new SpanByte(new byte[] { 1 })));
        Assert.Empty(Esp32Native.Transfers);
        Assert.Empty(_chip.Writes);
    }

    [Fact]
    public void OtherDriverErrorsThrowInvalidOperation()
    {
        RoutePins();
        using var device = Open();
        Esp32Native.Faults(Port, Address).CommandLinkError().CommandBeginError(EspErr.InvalidArg).CommandBeginError(EspErr.NoMem);
        for (int i = 0; i < 3; i++)
        {
            Assert.Throws<InvalidOperationException>(() => device.Write(new SpanByte(new byte[] { 1 })));
        }
        Assert.Equal(I2cTransferStatus.FullTransfer, device.Write(new SpanByte(new byte[] { 1 })).Status);
    }

    [Fact]
    public void DisposeUninstallsThePortsDriverWithTheLastDeviceAndADisposedDeviceIsNotStopped()
    {
        RoutePins();
        var first = Open();
        var second = Open();
        Assert.Equal(2, Esp32Native.DriverUsers(Port));
        first.Dispose();
        first.Dispose(); // once only
        Assert.Equal(1, Esp32Native.DriverUsers(Port));
        // The package does not check for disposal: while another device keeps the driver, a
        // disposed device still transfers.
        Assert.Equal(I2cTransferStatus.FullTransfer, first.Write(new SpanByte(new byte[] { 1 })).Status);
        second.Dispose();
        Assert.False(Esp32Native.DriverInstalled(Port));
        // Then i2c_master_cmd_begin says ESP_ERR_INVALID_STATE: InvalidOperationException.
        Assert.Throws<InvalidOperationException>(() => first.Write(new SpanByte(new byte[] { 1 })));
        Assert.Equal(EspErr.InvalidState, Esp32Native.Transfers[^1].EspErr);
    }
}
