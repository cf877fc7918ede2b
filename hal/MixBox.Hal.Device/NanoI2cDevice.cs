using System;
using MixBox.Hal;
using NanoDevice = System.Device.I2c.I2cDevice;
using NanoResult = System.Device.I2c.I2cTransferResult;
using NanoStatus = System.Device.I2c.I2cTransferStatus;

namespace MixBox.Hal.Device
{
    /// <summary>
    /// One System.Device.I2c device behind the HAL's <see cref="II2cDevice"/>, which never
    /// throws. What nanoFramework's ESP32 native transfer does (nf-interpreter
    /// targets/ESP32/_nanoCLR/System.Device.I2c/sys_dev_i2c_native_System_Device_I2c_I2cDevice.cpp,
    /// NativeTransmit, at a3e8139a): every byte is sent with ACK checking, so a NACK of the
    /// address or of any data byte is ESP_FAIL and reads as SlaveAddressNotAcknowledged; a bus
    /// timeout (ESP_ERR_TIMEOUT) as ClockStretchTimeout; it never reports PartialTransfer, and
    /// counts 0 bytes on any failure. It throws OutOfMemoryException when its internal-RAM
    /// bounce buffer cannot be allocated and InvalidOperationException on any other driver
    /// error (building the command, or i2c_master_cmd_begin failing otherwise, e.g.
    /// ESP_ERR_INVALID_STATE once the port's driver is uninstalled): those become
    /// UnknownError here, so a part that misbehaves is a health report, not a crashed app.
    /// A device that could not be opened (null, see <see cref="NanoI2cBus.Open"/>) or is
    /// disposed reports UnknownError without calling the driver: System.Device.I2c does not
    /// check for disposal itself, and would still transfer while another device keeps the
    /// port's driver installed.
    /// </summary>
    public sealed class NanoI2cDevice : II2cDevice, IDisposable
    {
        private NanoDevice _device;

        /// <param name="device">The opened device, or null if it could not be opened.</param>
        public NanoI2cDevice(NanoDevice device, int address)
        {
            _device = device;
            Address = address;
        }

        public int Address { get; private set; }

        public MixBox.Hal.I2cTransferResult Write(byte[] buffer)
        {
            NanoDevice device = _device;
            if (device == null) return DriverFailure;
            try
            {
                return Convert(device.Write(new SpanByte(buffer)));
            }
            catch (Exception)
            {
                return DriverFailure;
            }
        }

        public MixBox.Hal.I2cTransferResult WriteRead(byte[] writeBuffer, byte[] readBuffer)
        {
            NanoDevice device = _device;
            if (device == null) return DriverFailure;
            try
            {
                return Convert(device.WriteRead(new SpanByte(writeBuffer), new SpanByte(readBuffer)));
            }
            catch (Exception)
            {
                return DriverFailure;
            }
        }

        private static MixBox.Hal.I2cTransferResult DriverFailure
        {
            get { return new MixBox.Hal.I2cTransferResult(MixBox.Hal.I2cTransferStatus.UnknownError, 0); }
        }

        /// <summary>Releases the device (the last one on a port uninstalls its driver); later transfers report UnknownError.</summary>
        public void Dispose()
        {
            NanoDevice device = _device;
            _device = null;
            if (device == null) return;
            try
            {
                device.Dispose();
            }
            catch (Exception)
            {
                // Nothing to report to: the device is gone either way.
            }
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
