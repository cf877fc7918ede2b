// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.System.Device.Gpio 1.1.62: System.Device.Gpio/GpioController.cs at tag v1.1.62
// (commit cd99158280e0f5c24102981c26baf69facda4d17). Only the members MixBox uses: the
// parameterless constructor, OpenPin(int, PinMode), Write(int, PinValue) and Dispose.
namespace System.Device.Gpio
{
    public sealed class GpioController : IDisposable
    {
        public GpioController()
        {
            throw new NotImplementedException();
        }

        /// <summary>Throws InvalidOperationException when the pin is not a GPIO or is already open.</summary>
        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            throw new NotImplementedException();
        }

        /// <summary>Throws InvalidOperationException when the pin was not opened through a controller.</summary>
        public void Write(int pinNumber, PinValue value)
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
