using System;
using MixBox.Hal;
using NanoDevice = System.Device.I2c.I2cDevice;
using NanoResult = System.Device.I2c.I2cTransferResult;
using NanoStatus = System.Device.I2c.I2cTransferStatus;

namespace MixBox.Hal.Device
{
    /// <summary>One System.Device.I2c device behind the HAL's <see cref="II2cDevice"/>.</summary>
    public sealed class NanoI2cDevice : II2cDevice, IDisposable
    {
        private readonly NanoDevice _device;

        public NanoI2cDevice(NanoDevice device, int address)
        {
            _device = device;
            Address = address;
        }

        public int Address { get; private set; }

        public MixBox.Hal.I2cTransferResult Write(byte[] buffer)
        {
            return Convert(_device.Write(new SpanByte(buffer)));
        }

        public MixBox.Hal.I2cTransferResult WriteRead(byte[] writeBuffer, byte[] readBuffer)
        {
            return Convert(_device.WriteRead(new SpanByte(writeBuffer), new SpanByte(readBuffer)));
        }

        public void Dispose()
        {
            _device.Dispose();
        }

        // Mapped by name, not by cast, so a reordered enum upstream cannot mislabel a failure.
        private static MixBox.Hal.I2cTransferResult Convert(NanoResult result)
        {
            MixBox.Hal.I2cTransferStatus status;
            switch (result.Status)
            {
                case NanoStatus.FullTransfer: status = MixBox.Hal.I2cTransferStatus.FullTransfer; break;
                case NanoStatus.PartialTransfer: status = MixBox.Hal.I2cTransferStatus.PartialTransfer; break;
                case NanoStatus.SlaveAddressNotAcknowledged: status = MixBox.Hal.I2cTransferStatus.SlaveAddressNotAcknowledged; break;
                case NanoStatus.ClockStretchTimeout: status = MixBox.Hal.I2cTransferStatus.ClockStretchTimeout; break;
                default: status = MixBox.Hal.I2cTransferStatus.UnknownError; break;
            }
            return new MixBox.Hal.I2cTransferResult(status, (int)result.BytesTransferred);
        }
    }
}
