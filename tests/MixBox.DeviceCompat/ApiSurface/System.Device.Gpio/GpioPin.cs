// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.System.Device.Gpio 1.1.62: System.Device.Gpio/GpioPin.cs at tag v1.1.62
// (commit cd99158280e0f5c24102981c26baf69facda4d17). MixBox only receives it from OpenPin:
// the type and its Dispose.
namespace System.Device.Gpio
{
    public sealed class GpioPin : IDisposable
    {
        private GpioPin()
        {
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
