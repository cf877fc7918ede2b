namespace MixBox.Firmware
{
    /// <summary>
    /// The audio taper of a level knob: travel (0..4095 ADC codes) to gain in centi-dB,
    /// piecewise linear in dB like a console fader: the bottom 2 % is off, then -60 dB at
    /// 2 %, -30 at 25 %, -10 at 50 %, 0 dB at 75 % and +12 dB at the top. Most of the
    /// travel covers the useful range around unity, where small moves matter.
    /// </summary>
    public static class FaderLaw
    {
        public const int FullTravel = 4095;
        public const int OffCentiDb = MixBox.Dsp.EngineLimits.FaderOffCentiDb;

        // Break points: travel (codes) and gain (cdB).
        private static readonly int[] Travel = { 82, 1024, 2048, 3071, 4095 };
        private static readonly int[] Gain = { -6000, -3000, -1000, 0, 1200 };

        public static int CentiDbFromTravel(int travel)
        {
            if (travel < Travel[0]) return OffCentiDb;
            if (travel >= FullTravel) return Gain[Gain.Length - 1];
            int i = 0;
            while (travel > Travel[i + 1]) i++;
            return Gain[i] + (Gain[i + 1] - Gain[i]) * (travel - Travel[i]) / (Travel[i + 1] - Travel[i]);
        }

        /// <summary>Where a knob would sit for a gain (the inverse, for soft takeover).</summary>
        public static int TravelFromCentiDb(int centiDb)
        {
            if (centiDb <= Gain[0] - 1) return 0;
            if (centiDb >= Gain[Gain.Length - 1]) return FullTravel;
            int i = 0;
            while (centiDb > Gain[i + 1]) i++;
            return Travel[i] + (Travel[i + 1] - Travel[i]) * (centiDb - Gain[i]) / (Gain[i + 1] - Gain[i]);
        }
    }
}
