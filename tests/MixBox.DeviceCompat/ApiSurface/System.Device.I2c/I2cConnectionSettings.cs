// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.System.Device.I2c 1.1.29: System.Device.I2c/I2cConnectionSettings.cs at tag
// v1.1.29 (commit ac5858c8be7d7b917854328ebc023c8bf66dbfee). Both public constructors (the
// package has no public parameterless one; the two-argument one defaults to FastMode).
// The BusId/DeviceAddress/BusSpeed properties are not used by MixBox and not declared.
namespace System.Device.I2c
{
    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress)
        {
            throw new NotImplementedException();
        }

        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed)
        {
            throw new NotImplementedException();
        }
    }
}
