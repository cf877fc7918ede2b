// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.System.Device.I2c 1.1.29: System.Device.I2c/I2cDevice.cs at tag v1.1.29
// (commit ac5858c8be7d7b917854328ebc023c8bf66dbfee). Declared: the public constructor (the
// package has no parameterless one), Create, Write, WriteRead and Dispose; not used by MixBox
// and not declared: ConnectionSettings, ReadByte, Read, WriteByte. The class is neither sealed
// nor static in the package.
namespace System.Device.I2c
{
    public class I2cDevice : IDisposable
    {
        public I2cDevice(I2cConnectionSettings settings)
        {
            throw new NotImplementedException();
        }

        public static I2cDevice Create(I2cConnectionSettings settings)
        {
            throw new NotImplementedException();
        }

        public I2cTransferResult Write(SpanByte buffer)
        {
            throw new NotImplementedException();
        }

        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer)
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
