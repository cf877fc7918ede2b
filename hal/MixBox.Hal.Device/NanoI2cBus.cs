using System;
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

        /// <summary>
        /// Never throws. I2cDevice.Create runs the native NativeInit, which throws when the bus
        /// id is not the SoC's, when a line's pin is unmapped or held by another function
        /// (System.Exception) or when the port's driver cannot be installed: then the device
        /// returned reports UnknownError on every transfer, so bring-up reports the parts
        /// instead of the app dying before it can show anything. It is not retried: the CLR
        /// registers an object's finalizer when it allocates it (nf-interpreter
        /// src/CLR/Core/Execution.cpp, NewObject), so an I2cDevice whose constructor threw is
        /// still finalised, and its NativeDispose lowers the port's user count
        /// (sys_dev_i2c_native_System_Device_I2c_I2cDevice.cpp): repeated attempts could
        /// uninstall the driver under the devices that work.
        /// </summary>
        public II2cDevice Open(int address)
        {
            I2cDevice device;
            try
            {
                // 400 kHz: every part on the bus supports fast mode.
                device = I2cDevice.Create(new I2cConnectionSettings(_busId, address, I2cBusSpeed.FastMode));
            }
            catch (Exception)
            {
                device = null;
            }
            return new NanoI2cDevice(device, address);
        }
    }
}
