namespace MixBox.Hal
{
    /// <summary>
    /// Debounces key scans: a key changes state only after it has read the new state on
    /// <see cref="StableScans"/> consecutive scans. Edges are kept until the next scan, so
    /// the control loop sees every press exactly once.
    /// </summary>
    public sealed class KeyDebouncer
    {
        public const int DefaultStableScans = 3;

        private readonly bool[] _down;
        private readonly bool[] _pressed;
        private readonly bool[] _released;
        private readonly byte[] _count;

        public KeyDebouncer(int keyCount, int stableScans)
        {
            _down = new bool[keyCount];
            _pressed = new bool[keyCount];
            _released = new bool[keyCount];
            _count = new byte[keyCount];
            StableScans = stableScans < 1 ? 1 : stableScans;
        }

        public int KeyCount { get { return _down.Length; } }

        public int StableScans { get; private set; }

        /// <summary>Feeds one scan: <paramref name="rawDown"/>[key] is the raw state read now.</summary>
        public void Update(bool[] rawDown)
        {
            for (int key = 0; key < _down.Length; key++)
            {
                _pressed[key] = false;
                _released[key] = false;
                if (rawDown[key] == _down[key])
                {
                    _count[key] = 0;
                    continue;
                }
                _count[key]++;
                if (_count[key] >= StableScans)
                {
                    _down[key] = rawDown[key];
                    _count[key] = 0;
                    _pressed[key] = rawDown[key];
                    _released[key] = !rawDown[key];
                }
            }
        }

        public bool IsDown(int key) { return _down[key]; }

        /// <summary>The key went down (debounced) on the latest scan.</summary>
        public bool WasPressed(int key) { return _pressed[key]; }

        public bool WasReleased(int key) { return _released[key]; }
    }
}
