namespace MixBox.Firmware
{
    /// <summary>
    /// The analogue input gain as the panel handles it: the TLV320ADC6140's channel gain,
    /// 0..42 dB in 1 dB steps (SBAS992A, CHn_CFG1), on a level knob held in the input page
    /// (linear: about 97 codes of travel per dB, well above the knob's hysteresis), and on a
    /// 12-segment ladder at 3.5 dB a segment.
    /// </summary>
    public static class InputGain
    {
        public const int MaxDb = MixBox.Hal.Tlv320Adc6140.MaxAnalogGainDb;
        /// <summary>
        /// What switching an input from line to instrument adds (and back, takes away): a
        /// passive pickup's nominal level (about -20 dBV) sits well below a line's (-10 dBV to
        /// +4 dBu), and its transients need headroom; 12 dB is a starting point auto-gain refines.
        /// </summary>
        public const int InstrumentStepDb = 12;
        private const int Steps = MaxDb + 1;

        public static int DbFromTravel(int travel)
        {
            if (travel <= 0) return 0;
            if (travel >= FaderLaw.FullTravel) return MaxDb;
            return travel * Steps / (FaderLaw.FullTravel + 1);
        }

        /// <summary>The middle of the travel that gives <paramref name="db"/> (for knob pickup).</summary>
        public static int TravelFromDb(int db)
        {
            if (db <= 0) db = 0;
            if (db >= MaxDb) db = MaxDb;
            return ((2 * db + 1) * (FaderLaw.FullTravel + 1)) / (2 * Steps);
        }

        /// <summary>Segments of a 12-segment ladder lit for a gain: one per 3.5 dB, rounded.</summary>
        public static int LadderSegments(int db, int segments)
        {
            return (db * segments * 2 + MaxDb) / (2 * MaxDb);
        }
    }
}
