// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.Hardware.Esp32 1.6.42: enum DeviceFunction in
// nanoFramework.Hardware.Esp32/DeviceTypePins.cs at tag v1.6.42 (commit
// 579dbaf231d7fa7ab2672d81176a4a59b7d60bfb). The package computes each value as
// DeviceTypes.X (device type << 16) + (bus index << 8) + pin function, and the native
// Esp32_DecodeAlternateFunction (nf-interpreter targets/ESP32/_common/DeviceMapping_common.cpp
// at a3e8139a) decodes those bytes, so the numbers matter: written out here, same values.
// Declared: the I2C members (what NanoI2cBus routes). The SPI, COM, PWM, ADC, I2S and SDMMC
// members are not used by MixBox (its I2S pins are set by the native audio task) and not
// declared.
namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction
    {
        // DeviceTypes.I2C = 2 << 16; bus 1 or 2 << 8; 0 = data, 1 = clock.
        I2C1_DATA = 0x00020100,
        I2C1_CLOCK = 0x00020101,
        I2C2_DATA = 0x00020200,
        I2C2_CLOCK = 0x00020201,
    }
}
