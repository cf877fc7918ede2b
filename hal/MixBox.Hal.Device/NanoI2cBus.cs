using MixBox.Hal;
using nanoFramework.Hardware.Esp32;
using System.Device.I2c;

namespace MixBox.Hal.Device
{
    /// <summary>
    /// The real bus on the ESP32-S3 (System.Device.I2c 1.1.29). The S3 has no default I2C
    /// pins, so the constructor routes SDA/SCL before any device is created.
    /// </summary>
    public sealed class NanoI2cBus : II2cBus
    {
        private readonly int _busId;

        /// <param name="busId">nanoFramework bus id: 1 = I2C_NUM_0, 2 = I2C_NUM_1.</param>
        public NanoI2cBus(int busId, int sdaPin, int sclPin)
        {
            _busId = busId;
            if (busId == 2)
            {
                Configuration.SetPinFunction(sdaPin, DeviceFunction.I2C2_DATA);
                Configuration.SetPinFunction(sclPin, DeviceFunction.I2C2_CLOCK);
            }
            else
            {
                Configuration.SetPinFunction(sdaPin, DeviceFunction.I2C1_DATA);
                Configuration.SetPinFunction(sclPin, DeviceFunction.I2C1_CLOCK);
            }
        }

        public II2cDevice Open(int address)
        {
            // 400 kHz: every part on the bus supports fast mode.
            return new NanoI2cDevice(I2cDevice.Create(new I2cConnectionSettings(_busId, address, I2cBusSpeed.FastMode)), address);
        }
    }
}
