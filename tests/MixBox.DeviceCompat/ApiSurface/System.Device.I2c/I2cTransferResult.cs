// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.System.Device.I2c 1.1.29: System.Device.I2c/I2cTransferResult.cs at tag
// v1.1.29 (commit ac5858c8be7d7b917854328ebc023c8bf66dbfee). A struct with no public
// constructor (the native NativeTransmit fills its fields); two read-only properties.
namespace System.Device.I2c
{
    public struct I2cTransferResult
    {
        public uint BytesTransferred { get { throw new NotImplementedException(); } }

        public I2cTransferStatus Status { get { throw new NotImplementedException(); } }
    }
}
