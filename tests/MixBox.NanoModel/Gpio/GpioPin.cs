using MixBox.NanoModel;

namespace System.Device.Gpio
{
    /// <summary>Model of System.Device.Gpio.GpioPin (1.1.62): drives the native level only in an output mode.</summary>
    public sealed class GpioPin : IDisposable
    {
        private readonly int _pin;
        private readonly PinMode _mode;

        internal GpioPin(int pin, PinMode mode)
        {
            _pin = pin;
            _mode = mode;
        }

        internal void Write(PinValue value)
        {
            if (_mode == PinMode.Output) Esp32Native.GpioWrite(_pin, value.IsHigh);
        }

        public void Dispose()
        {
        }
    }
}
