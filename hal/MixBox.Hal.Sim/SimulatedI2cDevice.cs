namespace MixBox.Hal.Sim;

/// <summary>One address on the <see cref="SimulatedI2cBus"/>, as a driver sees it.</summary>
public sealed class SimulatedI2cDevice : II2cDevice
{
    private readonly SimulatedI2cBus _bus;

    internal SimulatedI2cDevice(SimulatedI2cBus bus, int address)
    {
        _bus = bus;
        Address = address;
    }

    public int Address { get; }

    public I2cTransferResult Write(byte[] buffer) => _bus.Transfer(Address, buffer, null);

    public I2cTransferResult WriteRead(byte[] writeBuffer, byte[] readBuffer) => _bus.Transfer(Address, writeBuffer, readBuffer);
}
