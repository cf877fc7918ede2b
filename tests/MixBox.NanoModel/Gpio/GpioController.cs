using System.Collections.Generic;
using MixBox.NanoModel;

namespace System.Device.Gpio
{
    /// <summary>
    /// Model of System.Device.Gpio.GpioController (1.1.62, GpioController.cs at tag v1.1.62) with
    /// the members MixBox uses. As in the package, the list of open pins is shared by every
    /// controller; OpenPin reserves the pin natively (GpioPin.NativeInit = CPU_GPIO_ReservePin,
    /// false → InvalidOperationException) and then sets the mode; Write finds the pin in the
    /// list or throws InvalidOperationException (nf-interpreter NativeWrite: CLR_E_INVALID_OPERATION).
    /// </summary>
    public sealed class GpioController : IDisposable
    {
        private static readonly Dictionary<int, GpioPin> s_openPins = new Dictionary<int, GpioPin>();

        public GpioController()
        {
        }

        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            if (!Esp32Native.GpioReservePin(pinNumber)) throw new InvalidOperationException();
            GpioPin pin = new GpioPin(pinNumber, mode);
            lock (s_openPins) s_openPins[pinNumber] = pin;
            return pin;
        }

        public void Write(int pinNumber, PinValue value)
        {
            GpioPin pin;
            lock (s_openPins)
            {
                if (!s_openPins.TryGetValue(pinNumber, out pin)) throw new InvalidOperationException();
            }
            pin.Write(value);
        }

        public void Dispose()
        {
            lock (s_openPins) s_openPins.Clear();
        }

        /// <summary>Forgets every open pin (with <see cref="Esp32Native.Reset"/>: a freshly booted chip).</summary>
        internal static void ResetModel()
        {
            lock (s_openPins) s_openPins.Clear();
        }
    }
}
