using MixBox.NanoModel;

namespace nanoFramework.Hardware.Esp32
{
    /// <summary>
    /// Model of nanoFramework.Hardware.Esp32.Configuration (1.6.42): SetPinFunction hands the
    /// pin and the function's number to the native Esp32_SetMappedDevicePins, which refuses
    /// (CLR_E_INVALID_PARAMETER: ArgumentException) what it cannot map.
    /// </summary>
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value)
        {
            if (!Esp32Native.SetMappedDevicePins(pin, (int)value))
            {
                throw new System.ArgumentException();
            }
        }
    }
}
