using MixBox.Boards;
using MixBox.Hal;
using MixBox.Hal.Device;
using MixBox.NanoModel;
using HalResult = MixBox.Hal.I2cTransferResult;
using HalStatus = MixBox.Hal.I2cTransferStatus;
using NanoI2c = System.Device.I2c;

namespace MixBox.Device.Tests;

/// <summary>
/// The device adapter (hal/MixBox.Hal.Device, the same sources the nano compile check builds)
/// running on the host model of nanoFramework's I2C stack: it never throws, and each way the
/// ESP32 native driver can end a transfer becomes the HAL status the drivers expect.
/// </summary>
[Collection(Esp32NativeCollection.Name)]
public class NanoI2cAdapterTests
{
    private const int Port = MixBoxS3Board.I2cBusId - 1;
    private const int Address = 0x4C;
    private readonly RecordingTarget _chip = new();

    public NanoI2cAdapterTests()
    {
        Esp32Native.Reset();
        Esp32Native.Attach(Port, Address, _chip);
    }

    private static NanoI2cBus Bus() => new(MixBoxS3Board.I2cBusId, MixBoxS3Board.PinI2cSda, MixBoxS3Board.PinI2cScl);

    private static HalResult WriteRead(II2cDevice device) => device.WriteRead(new byte[] { 0x10 }, new byte[2]);

    [Fact]
    public void TheBusRoutesTheBoardsPinsBeforeAnyDeviceIsOpened()
    {
        Bus();
        Assert.Equal(MixBoxS3Board.PinI2cSda, Esp32Native.I2cPin(Port, 0));
        Assert.Equal(MixBoxS3Board.PinI2cScl, Esp32Native.I2cPin(Port, 1));
        Assert.True(Esp32Native.IsValidOutputGpio(MixBoxS3Board.PinI2cSda));
        Assert.True(Esp32Native.IsValidOutputGpio(MixBoxS3Board.PinI2cScl));
        new NanoI2cBus(2, 38, 39);
        Assert.Equal(38, Esp32Native.I2cPin(1, 0));
        Assert.Equal(39, Esp32Native.I2cPin(1, 1));
    }

    [Fact]
    public void AFullTransferPassesThrough()
    {
        II2cDevice device = Bus().Open(Address);
        Assert.Equal(Address, device.Address);
        byte[] read = new byte[2];
        HalResult result = device.WriteRead(new byte[] { 0x10, 0x11 }, read);
        Assert.Equal(HalStatus.FullTransfer, result.Status);
        Assert.Equal(4, result.BytesTransferred);
        Assert.Equal(new byte[] { 0xA0, 0xA1 }, read);
        result = device.Write(new byte[] { 1, 2, 3 });
        Assert.Equal(HalStatus.FullTransfer, result.Status);
        Assert.Equal(3, result.BytesTransferred);
    }

    private static readonly (string Fault, HalStatus Expected)[] Outcomes =
    {
        ("address NACK", HalStatus.SlaveAddressNotAcknowledged),
        ("data NACK", HalStatus.SlaveAddressNotAcknowledged),
        ("bus timeout", HalStatus.ClockStretchTimeout),
        ("no internal RAM (OutOfMemoryException)", HalStatus.UnknownError),
        ("command link (InvalidOperationException)", HalStatus.UnknownError),
        ("cmd_begin ESP_ERR_INVALID_ARG (InvalidOperationException)", HalStatus.UnknownError),
        ("cmd_begin ESP_ERR_INVALID_STATE (InvalidOperationException)", HalStatus.UnknownError),
    };

    public static TheoryData<string, HalStatus> Faults
    {
        get
        {
            var data = new TheoryData<string, HalStatus>();
            foreach (var (fault, expected) in Outcomes) data.Add(fault, expected);
            return data;
        }
    }

    private static void Plan(I2cFaultPlan plan, string fault, int count)
    {
        switch (fault)
        {
            case "address NACK": plan.NackAddress(count); break;
            case "data NACK": plan.NackData(bytesAccepted: 1, count); break;
            case "bus timeout": plan.StretchClock(count); break;
            case "no internal RAM (OutOfMemoryException)": plan.OutOfInternalRam(count); break;
            case "command link (InvalidOperationException)": plan.CommandLinkError(count); break;
            case "cmd_begin ESP_ERR_INVALID_ARG (InvalidOperationException)": plan.CommandBeginError(EspErr.InvalidArg, count); break;
            default: plan.CommandBeginError(EspErr.InvalidState, count); break;
        }
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public void EachDriverOutcomeBecomesAHalStatusWithZeroBytesAndNothingIsThrown(string fault, HalStatus expected)
    {
        II2cDevice device = Bus().Open(Address);
        Plan(Esp32Native.Faults(Port, Address), fault, 2);
        HalResult write = device.Write(new byte[] { 1, 2 });
        HalResult writeRead = WriteRead(device);
        Assert.Equal(expected, write.Status);
        Assert.Equal(0, write.BytesTransferred);
        Assert.Equal(expected, writeRead.Status);
        Assert.Equal(0, writeRead.BytesTransferred);
        // The fault was met (not just absent), and the device works again afterwards.
        Assert.Equal(0, Esp32Native.Faults(Port, Address).Pending);
        Assert.Equal(HalStatus.FullTransfer, WriteRead(device).Status);
    }

    [Fact]
    public void AnAbsentPartIsNotAcknowledged()
    {
        II2cDevice device = Bus().Open(0x22);
        HalResult result = device.Write(new byte[] { 1 });
        Assert.Equal(HalStatus.SlaveAddressNotAcknowledged, result.Status);
        Assert.Equal(0, result.BytesTransferred);
    }

    [Fact]
    public void NoOutcomeOfTheDriverIsEverAPartialTransfer()
    {
        II2cDevice device = Bus().Open(Address);
        var plan = Esp32Native.Faults(Port, Address);
        foreach (var (fault, _) in Outcomes)
        {
            Plan(plan, fault, 1);
        }
        for (int i = 0; i < Outcomes.Length + 1; i++)
        {
            HalResult result = WriteRead(device);
            Assert.NotEqual(HalStatus.PartialTransfer, result.Status);
            Assert.Equal(result.Status == HalStatus.FullTransfer ? 3 : 0, result.BytesTransferred);
        }
    }

    [Fact]
    public void ADisposedDeviceReportsUnknownErrorWithoutTouchingTheBus()
    {
        NanoI2cBus bus = Bus();
        var device = (NanoI2cDevice)bus.Open(Address);
        II2cDevice other = bus.Open(Address); // keeps the port's driver installed
        device.Dispose();
        device.Dispose();
        Assert.Equal(1, Esp32Native.DriverUsers(Port));
        int transfers = Esp32Native.Transfers.Count;
        Assert.Equal(HalStatus.UnknownError, device.Write(new byte[] { 1 }).Status);
        Assert.Equal(HalStatus.UnknownError, WriteRead(device).Status);
        Assert.Equal(transfers, Esp32Native.Transfers.Count);
        Assert.Equal(HalStatus.FullTransfer, WriteRead(other).Status);
    }

    [Fact]
    public void ADeviceWhoseDriverWasUninstalledUnderItReportsUnknownError()
    {
        Bus();
        var raw = NanoI2c.I2cDevice.Create(new NanoI2c.I2cConnectionSettings(MixBoxS3Board.I2cBusId, Address, NanoI2c.I2cBusSpeed.FastMode));
        var device = new NanoI2cDevice(raw, Address);
        raw.Dispose(); // the last device on the port: driver deleted
        Assert.False(Esp32Native.DriverInstalled(Port));
        HalResult result = device.Write(new byte[] { 1 });
        Assert.Equal(HalStatus.UnknownError, result.Status);
        Assert.Equal(EspErr.InvalidState, Esp32Native.Transfers[^1].EspErr);
        device.Dispose(); // the driver's Dispose is once-only: nothing thrown
    }

    [Fact]
    public void ADeviceThatCannotBeOpenedReportsUnknownErrorInsteadOfThrowing()
    {
        Esp32Native.ReservePin(MixBoxS3Board.PinI2cScl);
        II2cDevice device = Bus().Open(Address);
        Assert.Equal(Address, device.Address);
        Assert.Equal(HalStatus.UnknownError, device.Write(new byte[] { 1 }).Status);
        Assert.Equal(HalStatus.UnknownError, WriteRead(device).Status);
        Assert.Empty(Esp32Native.Transfers);
        ((IDisposable)device).Dispose();

        Esp32Native.Reset();
        Esp32Native.FailDriverInstall();
        device = Bus().Open(Address);
        Assert.Equal(HalStatus.UnknownError, device.Write(new byte[] { 1 }).Status);
        Assert.Equal(0, Esp32Native.DriverUsers(Port));
    }

    [Fact]
    public void TheHalStatusEnumHasTheSameMembersAndNumbersAsTheDeclaredOne()
    {
        // The adapter maps by name; the HAL's enum also documents itself as the package's order.
        string[] names = Enum.GetNames<NanoI2c.I2cTransferStatus>();
        Assert.Equal(names, Enum.GetNames<HalStatus>());
        foreach (string name in names)
        {
            Assert.Equal((int)Enum.Parse<NanoI2c.I2cTransferStatus>(name), (int)Enum.Parse<HalStatus>(name));
        }
    }
}
