// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.System.Device.I2c 1.1.29: System.Device.I2c/I2cTransferStatus.cs at tag
// v1.1.29 (commit ac5858c8be7d7b917854328ebc023c8bf66dbfee). All members, in the package's
// order (values 0-4); the native code writes these numbers into I2cTransferResult.
namespace System.Device.I2c
{
    public enum I2cTransferStatus
    {
        UnknownError,
        FullTransfer,
        ClockStretchTimeout,
        PartialTransfer,
        SlaveAddressNotAcknowledged,
    }
}
