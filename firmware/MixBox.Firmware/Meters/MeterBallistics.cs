namespace MixBox.Firmware
{
    /// <summary>
    /// LED meter ballistics, run once per 10 ms control tick on readings in centi-dB:
    /// instant rise; fall of 20 dB in 1.7 s (the return time of the digital PPM of
    /// IEC 60268-18), i.e. 11.8 dB/s; a peak-hold dot held 1 s, then falling the same
    /// way; a clip indication held 1 s after the last clip.
    /// </summary>
    public sealed class MeterBallistics
    {
        public const int TicksPerSecond = 100;
        /// <summary>2000 cdB per 170 ticks, rounded: 11.76 cdB per tick.</summary>
        public const int FallCentiDbPerTick = 12;
        public const int HoldTicks = TicksPerSecond;
        public const int ClipHoldTicks = TicksPerSecond;
        public const int FloorCentiDb = -20000;

        private int _level = FloorCentiDb;
        private int _hold = FloorCentiDb;
        private int _holdTicksLeft;
        private int _clipTicksLeft;

        /// <summary>The bar: what the ladder lights.</summary>
        public int LevelCentiDb { get { return _level; } }

        /// <summary>The peak-hold dot.</summary>
        public int HoldCentiDb { get { return _hold; } }

        public bool ClipLit { get { return _clipTicksLeft > 0; } }

        public void Tick(int readingCentiDb, bool clipped)
        {
            _level = readingCentiDb > _level - FallCentiDbPerTick ? readingCentiDb : Fall(_level);
            if (readingCentiDb >= _hold)
            {
                _hold = readingCentiDb;
                _holdTicksLeft = HoldTicks;
            }
            else if (_holdTicksLeft > 0)
            {
                _holdTicksLeft--;
            }
            else
            {
                _hold = Fall(_hold);
                if (_hold < _level) _hold = _level;
            }
            if (clipped) _clipTicksLeft = ClipHoldTicks;
            else if (_clipTicksLeft > 0) _clipTicksLeft--;
        }

        private static int Fall(int level)
        {
            int fallen = level - FallCentiDbPerTick;
            return fallen < FloorCentiDb ? FloorCentiDb : fallen;
        }
    }
}
