namespace MixBox.Firmware
{
    /// <summary>
    /// A stereo-linked pair's balance, b = -100 (left) .. +100 (right). The side the balance
    /// leans towards plays at the pair's level; the other side is attenuated by the sine/cosine
    /// law, gain cos(|b|/100 * pi/2): -3.01 dB at |b| = 50, off at |b| = 100. At the centre
    /// both sides play at the pair's level, so linking a stereo source changes nothing; the
    /// sides stay on their own bus sides (left hard left, right hard right), so balance never
    /// folds one side into the other as panning would. On the panel the pair's right-hand
    /// level knob is its balance, with a dead band of 2 % of travel either side of the centre.
    /// </summary>
    public static class BalanceLaw
    {
        public const int Left = -100;
        public const int Right = 100;
        public const int Centre = 0;

        // Centre dead band of the balance knob: 82 codes (2 % of travel) either side of 2048.
        private const int BandLow = 1966;
        private const int BandHigh = 2130;

        /// <summary>
        /// 20 log10(cos(pi/2 * n/100)), centi-dB, n = 0..99 (at 100 the side is off); exact
        /// values rounded to 0.01 dB, so no interpolation is needed for the integer balance.
        /// </summary>
        private static readonly short[] FarSideCentiDb =
        {
            0, 0, 0, -1, -2, -3, -4, -5, -7, -9,
            -11, -13, -16, -18, -21, -24, -28, -31, -35, -39,
            -44, -48, -53, -58, -63, -69, -75, -81, -87, -93,
            -100, -107, -115, -122, -130, -138, -147, -156, -165, -174,
            -184, -194, -205, -215, -226, -238, -250, -262, -275, -288,
            -301, -315, -329, -344, -359, -375, -391, -408, -425, -443,
            -462, -481, -500, -521, -542, -564, -586, -610, -634, -660,
            -686, -713, -742, -771, -802, -834, -868, -903, -940, -979,
            -1020, -1063, -1109, -1157, -1209, -1264, -1323, -1386, -1455, -1529,
            -1611, -1702, -1804, -1919, -2053, -2211, -2404, -2654, -3006, -3608,
        };

        /// <summary>
        /// The engine fader of one side (0 = left, 1 = right) for the pair's level and balance,
        /// centi-dB; <see cref="FaderLaw.OffCentiDb"/> when that side is off.
        /// </summary>
        public static int SideFaderCentiDb(int levelCentiDb, int balance, int side)
        {
            if (levelCentiDb <= FaderLaw.OffCentiDb) return FaderLaw.OffCentiDb;
            int away = side == 0 ? balance : -balance; // > 0: the balance leans to the other side
            if (away <= 0) return levelCentiDb;
            if (away >= Right) return FaderLaw.OffCentiDb;
            int fader = levelCentiDb + FarSideCentiDb[away];
            return fader <= FaderLaw.OffCentiDb ? FaderLaw.OffCentiDb : fader;
        }

        /// <summary>The far side's attenuation for a balance, centi-dB (0 at the centre; not defined at +-100: off).</summary>
        public static int FarSideAttenuationCentiDb(int balance)
        {
            int n = balance < 0 ? -balance : balance;
            return n >= Right ? FaderLaw.OffCentiDb : FarSideCentiDb[n];
        }

        public static int FromTravel(int travel)
        {
            if (travel < BandLow)
            {
                int b = ((BandLow - travel) * Right + BandLow - 1) / BandLow; // rounded away from the centre
                return b > Right ? Left : -b;
            }
            if (travel > BandHigh)
            {
                int span = FaderLaw.FullTravel - BandHigh;
                int b = ((travel - BandHigh) * Right + span - 1) / span;
                return b > Right ? Right : b;
            }
            return Centre;
        }

        public static int TravelFromBalance(int balance)
        {
            if (balance < 0) return BandLow - (-balance) * BandLow / Right;
            if (balance > 0) return BandHigh + balance * (FaderLaw.FullTravel - BandHigh) / Right;
            return (BandLow + BandHigh) / 2;
        }
    }
}
