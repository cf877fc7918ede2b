using System.Device.Gpio;
using MixBox.Hal;

namespace MixBox.Hal.Device
{
    /// <summary>
    /// The board's output lines as ESP32-S3 GPIOs (System.Device.Gpio 1.1.62). A pin opened
    /// again returns its line (the driver refuses a second OpenPin); a pin that is not a GPIO
    /// of the chip, or that another function holds, throws InvalidOperationException: a
    /// board-definition error, found at the first boot on the bench.
    /// </summary>
    public sealed class NanoOutputLines : IOutputLines
    {
        // SOC_GPIO_PIN_COUNT of the ESP32-S3 (ESP-IDF components/soc/esp32s3/include/soc/soc_caps.h).
        private const int GpioCount = 49;

        private readonly GpioController _gpio = new GpioController();
        private readonly IOutputLine[] _open = new IOutputLine[GpioCount];

        public IOutputLine Open(int pin, bool high)
        {
            IOutputLine line = pin >= 0 && pin < GpioCount ? _open[pin] : null;
            if (line == null)
            {
                _gpio.OpenPin(pin, PinMode.Output);
                line = new NanoOutputLine(_gpio, pin);
                _open[pin] = line;
            }
            line.Write(high);
            return line;
        }

        private sealed class NanoOutputLine : IOutputLine
        {
            private readonly GpioController _gpio;
            private readonly int _pin;

            public NanoOutputLine(GpioController gpio, int pin)
            {
                _gpio = gpio;
                _pin = pin;
            }

            public void Write(bool high)
            {
                _gpio.Write(_pin, high ? PinValue.High : PinValue.Low);
            }
        }
    }
}
