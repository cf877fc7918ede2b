using System;
using System.Collections.Generic;
using System.Device.I2c;
using MixBox.Hal.Sim;

namespace MixBox.NanoModel
{
    /// <summary>
    /// The native side under the model's System.Device.I2c and Configuration: process-wide
    /// state, as the firmware's globals are (tests that use it run one at a time, and call
    /// <see cref="Reset"/> first). It follows nf-interpreter at a3e8139a1ba778e33ca81b023099765eada6c456:
    /// targets/ESP32/_nanoCLR/System.Device.I2c/sys_dev_i2c_native_System_Device_I2c_I2cDevice.cpp
    /// (NativeInit, NativeDispose, NativeTransmit), targets/ESP32/_common/DeviceMapping_common.cpp
    /// (Esp32_SetMappedDevicePins), targets/ESP32/_common/ESP32_S3_DeviceMapping.cpp (no default
    /// I2C pins), src/CLR/CorLib/corlib_native_System_Exception.cpp (HRESULT to exception:
    /// CLR_E_OUT_OF_MEMORY OutOfMemoryException, CLR_E_INVALID_OPERATION InvalidOperationException,
    /// CLR_E_INVALID_PARAMETER ArgumentException, anything else such as CLR_E_FAIL System.Exception),
    /// and ESP-IDF's legacy driver's i2c_master_cmd_begin (ESP_ERR_INVALID_STATE when the port's
    /// driver is not installed, ESP_FAIL on a missing ACK, ESP_ERR_TIMEOUT on a bus timeout).
    /// Chips on the bus are MixBox.Hal.Sim models.
    /// </summary>
    public static class Esp32Native
    {
        /// <summary>SOC_I2C_NUM on the ESP32-S3: ports 0 and 1 (nanoFramework bus ids 1 and 2).</summary>
        public const int I2cPortCount = 2;

        private const int DeviceTypeGpio = 0;
        private const int DeviceTypeI2c = 2;

        private static readonly object s_lock = new object();
        private static readonly int[,] s_i2cPins = new int[I2cPortCount, 2];
        private static readonly int[] s_driverUsers = new int[I2cPortCount];
        private static readonly HashSet<int> s_reservedPins = new HashSet<int>();
        private static readonly Dictionary<int, bool> s_gpioLevels = new Dictionary<int, bool>();
        private static readonly Dictionary<int, Action<bool>> s_gpioWires = new Dictionary<int, Action<bool>>();
        private static readonly Dictionary<long, SimI2cTarget> s_targets = new Dictionary<long, SimI2cTarget>();
        private static readonly Dictionary<long, I2cFaultPlan> s_faults = new Dictionary<long, I2cFaultPlan>();
        private static readonly List<ModelTransfer> s_transfers = new List<ModelTransfer>();
        private static int s_failDriverInstalls;

        static Esp32Native()
        {
            Reset();
        }

        /// <summary>A freshly booted chip: no I2C pins mapped (the S3 has no defaults), no driver, no parts, no faults.</summary>
        public static void Reset()
        {
            lock (s_lock)
            {
                for (int port = 0; port < I2cPortCount; port++)
                {
                    s_i2cPins[port, 0] = -1;
                    s_i2cPins[port, 1] = -1;
                    s_driverUsers[port] = 0;
                }
                s_reservedPins.Clear();
                s_gpioLevels.Clear();
                s_gpioWires.Clear();
                System.Device.Gpio.GpioController.ResetModel();
                s_targets.Clear();
                s_faults.Clear();
                s_transfers.Clear();
                s_failDriverInstalls = 0;
            }
        }

        /// <summary>The GPIO mapped to a port's data (0) or clock (1) line; -1 when none (Esp32_I2C_DevicePinMap).</summary>
        public static int I2cPin(int port, int line)
        {
            lock (s_lock) return s_i2cPins[port, line];
        }

        /// <summary>A pin some other function holds (CPU_GPIO_ReservePin): an I2C device on it cannot be opened.</summary>
        public static void ReservePin(int pin)
        {
            lock (s_lock) s_reservedPins.Add(pin);
        }

        /// <summary>I2cDevice instances open on the port (Esp_I2C_Initialised_Flag); the driver is installed while it is above 0.</summary>
        public static int DriverUsers(int port)
        {
            lock (s_lock) return s_driverUsers[port];
        }

        public static bool DriverInstalled(int port)
        {
            return DriverUsers(port) > 0;
        }

        /// <summary>The next <paramref name="count"/> i2c_driver_install calls fail (NativeInit: ArgumentException).</summary>
        public static void FailDriverInstall(int count = 1)
        {
            lock (s_lock) s_failDriverInstalls += count;
        }

        /// <summary>Puts a chip model on the port at the 7-bit address.</summary>
        public static void Attach(int port, int address, SimI2cTarget target)
        {
            lock (s_lock) s_targets[Key(port, address)] = target;
        }

        /// <summary>Takes the chip off the bus: its address is not acknowledged any more.</summary>
        public static void Detach(int port, int address)
        {
            lock (s_lock) s_targets.Remove(Key(port, address));
        }

        public static I2cFaultPlan Faults(int port, int address)
        {
            lock (s_lock)
            {
                I2cFaultPlan plan;
                if (!s_faults.TryGetValue(Key(port, address), out plan))
                {
                    plan = new I2cFaultPlan();
                    s_faults[Key(port, address)] = plan;
                }
                return plan;
            }
        }

        /// <summary>Every i2c_master_cmd_begin so far, in order.</summary>
        public static IReadOnlyList<ModelTransfer> Transfers
        {
            get { lock (s_lock) return s_transfers.ToArray(); }
        }

        /// <summary>GPIO_IS_VALID_OUTPUT_GPIO on the ESP32-S3: GPIO 0-21 and 26-48 (22-25 do not exist).</summary>
        public static bool IsValidOutputGpio(int pin)
        {
            return (pin >= 0 && pin <= 21) || (pin >= 26 && pin <= 48);
        }

        // Esp32_SetMappedDevicePins(pin, alternateFunction): decodes 00DDIIFF (device type, bus
        // index from 1, pin function). I2C is modelled; GPIO is accepted as the native code does;
        // the other device types (SPI, serial, PWM, ADC, I2S, SDMMC) are accepted unchecked.
        internal static bool SetMappedDevicePins(int pin, int alternateFunction)
        {
            int deviceType = (alternateFunction >> 16) & 0xff;
            int busIndex = ((alternateFunction >> 8) & 0xff) - 1;
            int function = alternateFunction & 0xff;
            lock (s_lock)
            {
                switch (deviceType)
                {
                    case DeviceTypeGpio:
                        return true;
                    case DeviceTypeI2c:
                        // The native check is busIndex <= I2C_NUM_MAX; the table has I2C_NUM_MAX rows.
                        if (busIndex < 0 || busIndex >= I2cPortCount || function > 1 || !IsValidOutputGpio(pin)) return false;
                        s_i2cPins[busIndex, function] = pin;
                        return true;
                    case 1: case 3: case 4: case 5: case 6: case 8:
                        return true;
                    default:
                        return false;
                }
            }
        }

        // NativeInit: port = busId - 1 (CLR_E_INVALID_PARAMETER outside the SoC's ports); SetConfig
        // fails (CLR_E_FAIL) when a line's pin is busy, which CPU_GPIO_PinIsBusy also says of an
        // invalid pin such as the unmapped -1; the first device on a port installs the driver
        // (CLR_E_INVALID_PARAMETER if that fails); then the port's user count goes up.
        internal static void I2cNativeInit(int busId)
        {
            int port = busId - 1;
            lock (s_lock)
            {
                if (port < 0 || port >= I2cPortCount)
                {
                    throw new ArgumentException("CLR_E_INVALID_PARAMETER: no I2C port " + port);
                }
                if (PinIsBusy(s_i2cPins[port, 0]) || PinIsBusy(s_i2cPins[port, 1]))
                {
                    throw new Exception("CLR_E_FAIL: I2C" + busId + " pins not mapped or busy");
                }
                if (s_driverUsers[port] == 0 && s_failDriverInstalls > 0)
                {
                    s_failDriverInstalls--;
                    throw new ArgumentException("CLR_E_INVALID_PARAMETER: i2c_driver_install failed");
                }
                s_driverUsers[port]++;
            }
        }

        // NativeDispose: the user count goes down; at 0 the port's driver is deleted.
        internal static void I2cNativeDispose(int busId)
        {
            int port = busId - 1;
            lock (s_lock)
            {
                s_driverUsers[port]--;
                if (s_driverUsers[port] <= 0) s_driverUsers[port] = 0;
            }
        }

        // NativeTransmit(writeBuffer, readBuffer), step by step as the native code runs it.
        internal static I2cTransferResult I2cNativeTransmit(int busId, int address, SpanByte writeBuffer, SpanByte readBuffer)
        {
            int port = busId - 1;
            lock (s_lock)
            {
                I2cFaultPlan plan;
                I2cFaultPlan.Fault fault = default(I2cFaultPlan.Fault);
                bool faulted = s_faults.TryGetValue(Key(port, address), out plan) && plan.TryNext(out fault);

                byte[] written = null;
                byte[] read = null;
                int writeSize = writeBuffer.HasArray ? writeBuffer.Length : 0;
                int readSize = readBuffer.HasArray ? readBuffer.Length : 0;
                if (writeSize > 0 || readSize > 0)
                {
                    // A bounce buffer from internal RAM (heap_caps_malloc) for each phase, then
                    // i2c_master_start/write_byte/write or read into the command link.
                    if (faulted && fault.Kind == I2cFaultPlan.Kind.OutOfInternalRam)
                    {
                        throw new OutOfMemoryException("CLR_E_OUT_OF_MEMORY: no internal RAM for the I2C bounce buffer");
                    }
                    if (faulted && fault.Kind == I2cFaultPlan.Kind.CommandLinkError)
                    {
                        throw new InvalidOperationException("CLR_E_INVALID_OPERATION: i2c_master_write/read failed");
                    }
                }
                if (writeSize > 0) written = writeBuffer.ToArray();
                if (readSize > 0) read = new byte[readSize];

                int err = CommandBegin(port, address, written, read, faulted, fault);
                s_transfers.Add(new ModelTransfer(port, address, written ?? new byte[0], readSize, err));

                if (err != EspErr.Ok && err != EspErr.Fail && err != EspErr.Timeout)
                {
                    throw new InvalidOperationException("CLR_E_INVALID_OPERATION: i2c_master_cmd_begin returned 0x" + err.ToString("X"));
                }
                if (err != EspErr.Ok)
                {
                    // Whatever got through, the result says 0 bytes; the native code never
                    // reports PartialTransfer.
                    return new I2cTransferResult(err == EspErr.Fail ? I2cTransferStatus.SlaveAddressNotAcknowledged : I2cTransferStatus.ClockStretchTimeout, 0);
                }
                for (int i = 0; i < readSize; i++) readBuffer[i] = read[i];
                return new I2cTransferResult(I2cTransferStatus.FullTransfer, (uint)(writeSize + readSize));
            }
        }

        // i2c_master_cmd_begin on the legacy driver, with the chips on the bus.
        private static int CommandBegin(int port, int address, byte[] written, byte[] read, bool faulted, I2cFaultPlan.Fault fault)
        {
            if (port < 0 || port >= I2cPortCount) return EspErr.InvalidArg;
            if (s_driverUsers[port] == 0) return EspErr.InvalidState;
            if (faulted && fault.Kind == I2cFaultPlan.Kind.CommandBeginError) return fault.Value;
            if (faulted && fault.Kind == I2cFaultPlan.Kind.StretchClock) return EspErr.Timeout;
            SimI2cTarget target;
            if (!s_targets.TryGetValue(Key(port, address), out target) || !target.Acknowledges) return EspErr.Fail;
            if (faulted && fault.Kind == I2cFaultPlan.Kind.NackAddress) return EspErr.Fail;
            if (faulted && fault.Kind == I2cFaultPlan.Kind.NackData)
            {
                int accepted = written == null ? 0 : Math.Min(fault.Value, written.Length);
                if (accepted > 0) target.Write(new ReadOnlySpan<byte>(written, 0, accepted));
                return EspErr.Fail;
            }
            if (written != null) target.Write(written);
            if (read != null) target.Read(read);
            return EspErr.Ok;
        }

        // CPU_GPIO_ReservePin(pin, true) (targets/ESP32/_nanoCLR/System.Device.Gpio/cpu_gpio.cpp):
        // false for a pin that is not a GPIO of the chip or is reserved already.
        internal static bool GpioReservePin(int pin)
        {
            lock (s_lock)
            {
                if (PinIsBusy(pin)) return false;
                s_reservedPins.Add(pin);
                return true;
            }
        }

        internal static void GpioWrite(int pin, bool high)
        {
            Action<bool> wire;
            lock (s_lock)
            {
                s_gpioLevels[pin] = high;
                s_gpioWires.TryGetValue(pin, out wire);
            }
            if (wire != null) wire(high);
        }

        /// <summary>The level last driven on a GPIO output; null when nothing drove it.</summary>
        public static bool? GpioLevel(int pin)
        {
            lock (s_lock)
            {
                bool high;
                return s_gpioLevels.TryGetValue(pin, out high) ? high : (bool?)null;
            }
        }

        /// <summary>Connects a GPIO output to a chip pin (for example a model's shutdown input).</summary>
        public static void WireGpio(int pin, Action<bool> input)
        {
            lock (s_lock) s_gpioWires[pin] = input;
        }

        private static bool PinIsBusy(int pin)
        {
            return !IsValidOutputGpio(pin) || s_reservedPins.Contains(pin);
        }

        private static long Key(int port, int address)
        {
            return ((long)port << 32) | (uint)address;
        }
    }
}
