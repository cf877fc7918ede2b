using MixBox.NanoModel;

namespace System.Device.I2c
{
    /// <summary>
    /// Model of System.Device.I2c.I2cDevice (1.1.29, I2cDevice.cs at tag v1.1.29): the managed
    /// part as the package has it (a lock per device, Create = constructor, the constructor
    /// calls NativeInit, Dispose calls NativeDispose once and nothing checks "disposed" before a
    /// transfer), the native part in <see cref="Esp32Native"/> as nf-interpreter's ESP32 target
    /// implements it. The package's finalizer (Dispose(false) on collection) is left out so
    /// that the model's state only changes when a test acts.
    /// </summary>
    public class I2cDevice : IDisposable
    {
        private readonly object _syncLock = new object();
        private readonly I2cConnectionSettings _connectionSettings;
        private bool _disposed;

        public I2cDevice(I2cConnectionSettings settings)
        {
            _connectionSettings = settings;
            Esp32Native.I2cNativeInit(settings.BusId);
        }

        public static I2cDevice Create(I2cConnectionSettings settings)
        {
            return new I2cDevice(settings);
        }

        public I2cTransferResult Write(SpanByte buffer)
        {
            lock (_syncLock)
            {
                return Esp32Native.I2cNativeTransmit(_connectionSettings.BusId, _connectionSettings.DeviceAddress, buffer, default(SpanByte));
            }
        }

        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer)
        {
            lock (_syncLock)
            {
                return Esp32Native.I2cNativeTransmit(_connectionSettings.BusId, _connectionSettings.DeviceAddress, writeBuffer, readBuffer);
            }
        }

        public void Dispose()
        {
            lock (_syncLock)
            {
                if (!_disposed)
                {
                    Esp32Native.I2cNativeDispose(_connectionSettings.BusId);
                    _disposed = true;
                }
            }
        }
    }
}
