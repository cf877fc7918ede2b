using MixBox.Hal;

namespace MixBox.Boards
{
    /// <summary>
    /// MixBox reference board, rev A: ESP32-S3 (8 MB flash, 8 MB octal PSRAM, nanoFramework
    /// target ESP32_S3_OCTAL). Every pin, I2C address, TDM slot, LED, key and knob of the
    /// board is named here and nowhere else. GPIOs avoid the strapping pins (0, 3, 45, 46),
    /// the octal flash/PSRAM pins (26-37), USB (19, 20) and the UART0 console (43, 44).
    /// </summary>
    public static class MixBoxS3Board
    {
        public const string Name = "mixbox-s3 rev A";
        public const string NanoFrameworkTarget = "ESP32_S3_OCTAL";

        // ---- I2C (nanoFramework bus 1 = ESP-IDF I2C_NUM_0), 400 kHz ----
        public const int I2cBusId = 1;
        public const int PinI2cSda = 8;
        public const int PinI2cScl = 9;

        // ---- I2S/TDM (ESP32-S3 is master; no MCLK is needed by rev A's parts) ----
        /// <summary>MCLK is routed to a test point only: the ADCs and the DAC run their PLLs from BCK.</summary>
        public const int PinI2sMclk = 4;
        public const int PinI2sBck = 5;
        public const int PinI2sWs = 6;
        /// <summary>Data from both ADCs (shared TDM line) into the ESP32-S3.</summary>
        public const int PinI2sDin = 7;
        /// <summary>Data from the ESP32-S3 to the DAC.</summary>
        public const int PinI2sDout = 15;

        // ---- TLV320ADC6140 SHDNZ lines (active low; high = run) ----
        public const int PinAdcAShutdownN = 16;
        public const int PinAdcBShutdownN = 17;

        // ---- I2C address plan (7-bit) ----
        public const int AddressAdcA = 0x4C;
        public const int AddressAdcB = 0x4D;
        public const int AddressDac = 0x4E;
        public const int AddressKnobAdcA = 0x48;
        public const int AddressKnobAdcB = 0x49;
        public const int AddressPanel = 0x70;

        // ---- TDM frame: 8 slots x 32 bit at 48 kHz, BCLK = 8 * 32 * 48000 = 12.288 MHz ----
        public const int SampleRate = 48000;
        public const int TdmSlots = 8;
        public const int SlotBits = 32;
        public const int BitClockHz = SampleRate * TdmSlots * SlotBits;
        /// <summary>Inputs 1-4 in slots 0-3 (ADC A), inputs 5-8 in slots 4-7 (ADC B).</summary>
        public const int AdcAFirstSlot = 0;
        public const int AdcBFirstSlot = 4;
        /// <summary>Mix bus L in slot 0, R in slot 1 of the output line.</summary>
        public const int DacFirstSlot = 0;

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
            return plan;
        }
    }
}
