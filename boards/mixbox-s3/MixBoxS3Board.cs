using MixBox.Hal;

namespace MixBox.Boards
{
    /// <summary>
    /// MixBox reference board, rev B: ESP32-S3 (8 MB flash, 8 MB octal PSRAM, nanoFramework
    /// target ESP32_S3_OCTAL). Every pin, I2C address, TDM slot, LED, key and knob of the
    /// board is named here and nowhere else. GPIOs avoid the strapping pins (0, 3, 45, 46),
    /// the octal flash/PSRAM pins (26-37), USB (19, 20) and the UART0 console (43, 44).
    /// Rev A (both ADCs on one 8 x 32-bit TDM line) is not supported: the S3's I2S driver
    /// refuses a frame over 128 bits, so its audio could never start.
    /// </summary>
    public static class MixBoxS3Board
    {
        public const string Name = "mixbox-s3 rev B";
        public const string NanoFrameworkTarget = "ESP32_S3_OCTAL";

        // ---- I2C (nanoFramework bus 1 = ESP-IDF I2C_NUM_0), 400 kHz ----
        public const int I2cBusId = 1;
        public const int PinI2cSda = 8;
        public const int PinI2cScl = 9;

        // ---- I2S/TDM: two controllers on one BCLK/WS (ESP32-S3 I2S0 is master) ----
        // I2S0: master, full duplex: RX from ADC A, TX to the DAC. I2S1: RX slave on I2S0's
        // BCLK and WS (routed to it through the GPIO matrix), ADC B on its own data line.
        /// <summary>MCLK is routed to a test point only: the ADCs and the DAC run their PLLs from BCK.</summary>
        public const int PinI2sMclk = 4;
        public const int PinI2sBck = 5;
        public const int PinI2sWs = 6;
        /// <summary>ADC A's TDM data into I2S0 (inputs 1-4).</summary>
        public const int PinI2sDinAdcA = 7;
        /// <summary>Data from the ESP32-S3 (I2S0) to the DAC.</summary>
        public const int PinI2sDout = 15;
        /// <summary>ADC B's TDM data into I2S1 (inputs 5-8).</summary>
        public const int PinI2sDinAdcB = 18;

        // ---- TLV320ADC6140 SHDNZ lines (active low; high = run). 10 kOhm pull-downs keep both
        // ADCs in hardware shutdown until bring-up releases them (Adc6140ShutdownLine). ----
        public const int PinAdcAShutdownN = 16;
        public const int PinAdcBShutdownN = 17;

        // ---- I2C address plan (7-bit) ----
        public const int AddressAdcA = 0x4C;
        public const int AddressAdcB = 0x4D;
        public const int AddressDac = 0x4E;
        public const int AddressKnobAdcA = 0x48;
        public const int AddressKnobAdcB = 0x49;
        public const int AddressPanel = 0x70;

        // ---- TDM frame, per controller: 4 slots x 32 bit at 48 kHz (128 bits, the S3's
        // limit: I2S_LL_SLOT_FRAME_BIT_MAX in ESP-IDF v5.5 hal/esp32s3/include/hal/i2s_ll.h) ----
        public const int SampleRate = 48000;
        public const int SlotsPerFrame = 4;
        public const int SlotBits = 32;
        public const int BitClockHz = SampleRate * SlotsPerFrame * SlotBits;
        /// <summary>The engine's inputs: ADC A's four, then ADC B's four.</summary>
        public const int InputChannels = 8;
        /// <summary>Inputs 1-4 in slots 0-3 of ADC A's line; inputs 5-8 in slots 0-3 of ADC B's.</summary>
        public const int AdcAFirstSlot = 0;
        public const int AdcBFirstSlot = 0;
        /// <summary>Engine channel of ADC B's first slot.</summary>
        public const int AdcBFirstChannel = 4;
        /// <summary>Mix bus L in slot 0, R in slot 1 of the output line (slots 2-3 silent).</summary>
        public const int DacFirstSlot = 0;
        /// <summary>I2S0's MCLK = 512 fs (24.576 MHz, an integer 4 x BCLK).</summary>
        public const int MclkMultiple = 512;
        /// <summary>I2S1's internal MCLK / BCLK as a slave: the driver's minimum, 8.</summary>
        public const int SlaveBitClockDivider = 8;

        // ---- Audio blocks: what sets the analogue latency (docs/DEVICE.md) ----
        /// <summary>Frames per block = per DMA buffer: 0.167 ms at 48 kHz.</summary>
        public const int BlockFrames = 8;
        /// <summary>DMA buffers per channel and direction; TX output runs this many blocks behind input.</summary>
        public const int DmaBuffers = 3;

        // ---- Front panel LEDs: LED n = HT16K33 row n / 8, common n % 8 ----
        public const int BusMeterSegments = 12;
        public const int LedBusMeterLeftFirst = 0;
        public const int LedBusMeterRightFirst = 16;
        /// <summary>Signal LED of input 1; inputs 2-8 follow.</summary>
        public const int LedSignalFirst = 32;
        public const int LedClipFirst = 40;
        public const int GainReductionSegments = 8;
        public const int LedGainReductionFirst = 48;
        public const int LedCompressorIn = 56;
        public const int LedMeterMode = 57;
        public const int LedStore = 58;
        public const int LedFault = 59;

        // ---- Front panel keys: key = KS line * 13 + (K - 1) ----
        /// <summary>Mute of input 1 (KS0 K1); inputs 2-8 follow.</summary>
        public const int KeyMuteFirst = 0;
        /// <summary>Solo of input 1 (KS1 K1); inputs 2-8 follow.</summary>
        public const int KeySoloFirst = 13;
        public const int KeyCompressorIn = 26;
        public const int KeyMeterMode = 27;
        public const int KeyStore = 28;

        // ---- Knobs: level 1-8 on knob ADC A channels 0-7; master and compressor on knob ADC B ----
        public const int Knobs = 10;
        public const int KnobMaster = 8;
        public const int KnobCompressorAmount = 9;

        /// <summary>Which knob ADC (0 = A, 1 = B) reads a knob.</summary>
        public static int KnobAdc(int knob)
        {
            return knob < 8 ? 0 : 1;
        }

        /// <summary>The ADS7828 channel a knob is wired to.</summary>
        public static int KnobChannel(int knob)
        {
            return knob < 8 ? knob : knob - 8;
        }

        /// <summary>The part plan bring-up works from.</summary>
        public static MixerBusPlan CreateBusPlan()
        {
            MixerBusPlan plan = new MixerBusPlan();
            plan.AdcAAddress = AddressAdcA;
            plan.AdcBAddress = AddressAdcB;
            plan.DacAddress = AddressDac;
            plan.PanelAddress = AddressPanel;
            plan.KnobAdcAAddress = AddressKnobAdcA;
            plan.KnobAdcBAddress = AddressKnobAdcB;
            plan.AdcAFirstSlot = AdcAFirstSlot;
            plan.AdcBFirstSlot = AdcBFirstSlot;
            plan.DacFirstSlot = DacFirstSlot;
            plan.SlotBits = SlotBits;
            plan.AdcAShutdownPin = PinAdcAShutdownN;
            plan.AdcBShutdownPin = PinAdcBShutdownN;
            return plan;
        }
    }
}
