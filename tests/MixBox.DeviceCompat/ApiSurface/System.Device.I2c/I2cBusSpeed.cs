// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.System.Device.I2c 1.1.29: System.Device.I2c/I2cBusSpeed.cs at tag v1.1.29
// (commit ac5858c8be7d7b917854328ebc023c8bf66dbfee). All members, in the package's order
// (values 0, 1, 2).
namespace System.Device.I2c
{
    public enum I2cBusSpeed
    {
        /// <summary>100 kHz.</summary>
        StandardMode,
        /// <summary>400 kHz.</summary>
        FastMode,
        /// <summary>1 MHz.</summary>
        FastModePlus,
    }
}
