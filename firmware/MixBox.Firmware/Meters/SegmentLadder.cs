namespace MixBox.Firmware
{
    /// <summary>An LED ladder: segment n lights when the level reaches threshold n (centi-dB).</summary>
    public sealed class SegmentLadder
    {
        private readonly int[] _thresholds;

        public SegmentLadder(int[] thresholdsCentiDb)
        {
            _thresholds = thresholdsCentiDb;
        }

        public int Segments { get { return _thresholds.Length; } }

        /// <summary>
        /// The 12-segment bus meter in dBFS: -48, -36, -30, -24, -18, -12, -9, -6, -4, -2, -1
        /// and the top segment at -0.1 dBFS (red, "at full scale"); dense near the top where
        /// mixing decisions are made, sparse below.
        /// </summary>
        public static SegmentLadder BusMeter()
        {
            return new SegmentLadder(new int[] { -4800, -3600, -3000, -2400, -1800, -1200, -900, -600, -400, -200, -100, -10 });
        }

        /// <summary>The 8-segment gain-reduction meter: 1, 2, 3, 4, 6, 8, 12 and 20 dB of reduction.</summary>
        public static SegmentLadder GainReduction()
        {
            return new SegmentLadder(new int[] { 100, 200, 300, 400, 600, 800, 1200, 2000 });
        }

        public int LitSegments(int levelCentiDb)
        {
            int lit = 0;
            while (lit < _thresholds.Length && levelCentiDb >= _thresholds[lit]) lit++;
            return lit;
        }

        /// <summary>The segment the peak-hold dot sits on, or -1 below the ladder.</summary>
        public int HoldSegment(int holdCentiDb)
        {
            return LitSegments(holdCentiDb) - 1;
        }
    }
}
