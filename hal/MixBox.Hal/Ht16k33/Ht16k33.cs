namespace MixBox.Hal
{
    /// <summary>
    /// Holtek HT16K33 front-panel driver: 16 x 8 = 128 LEDs from a shadow of display RAM
    /// written in one transfer per frame, and a 3 x 13 key matrix read from key RAM and
    /// debounced. Every transfer is checked; <see cref="Health"/> says why one failed.
    /// </summary>
    public sealed class Ht16k33
    {
        public const int LedCount = 128;
        /// <summary>KS0..KS2 x K1..K13; key index = ks * 13 + (k - 1).</summary>
        public const int KeyCount = 39;
        private const int DisplayBytes = 16;
        private const int KeyBytes = 6;
        private const int KeysPerLine = 13;
        private const byte OscillatorOn = 0x01;
        private const byte DisplayOn = 0x01;
        public const int MaxBrightness = 15;

        private readonly RegisterAccess _bus;
        // _frame[0] is the display RAM address, the 16 bytes after it are the shadow.
        private readonly byte[] _frame = new byte[DisplayBytes + 1];
        private readonly byte[] _command = new byte[1];
        private readonly byte[] _keyRam = new byte[KeyBytes];
        private readonly byte[] _readBack = new byte[DisplayBytes];
        private readonly bool[] _rawKeys = new bool[KeyCount];
        private bool _dirty;

        public Ht16k33(II2cDevice device, IDelay delay, RetryPolicy retry, string name)
        {
            _bus = new RegisterAccess(device, retry, delay, 0);
            Health = new PartHealth(name, device.Address);
            Keys = new KeyDebouncer(KeyCount, KeyDebouncer.DefaultStableScans);
            _frame[0] = (byte)Ht16k33Command.DisplayRam;
        }

        public PartHealth Health { get; private set; }

        /// <summary>Debounced key state, updated by <see cref="ScanKeys"/>.</summary>
        public KeyDebouncer Keys { get; private set; }

        /// <summary>
        /// Oscillator on, all LEDs off, full brightness, display on, ROW/INT pin as a row,
        /// one key read to drop stale data; then verifies by reading display RAM back.
        /// </summary>
        public bool Initialize()
        {
            for (int i = 1; i < _frame.Length; i++)
            {
                _frame[i] = 0;
            }
            if (!Command(Ht16k33Command.SystemSetup, OscillatorOn, "oscillator on")) return false;
            if (!Do(_bus.WriteRaw(_frame), "clear display RAM")) return false;
            _dirty = false;
            if (!Command(Ht16k33Command.Dimming, MaxBrightness, "brightness")) return false;
            if (!Command(Ht16k33Command.DisplaySetup, DisplayOn, "display on")) return false;
            if (!Command(Ht16k33Command.RowIntSet, 0x00, "ROW/INT pin")) return false;
            _command[0] = (byte)Ht16k33Command.KeyRam;
            if (!Do(_bus.WriteReadRaw(_command, _keyRam), "read key RAM")) return false;
            _command[0] = (byte)Ht16k33Command.DisplayRam;
            if (!Do(_bus.WriteReadRaw(_command, _readBack), "read display RAM")) return false;
            for (int i = 0; i < DisplayBytes; i++)
            {
                if (_readBack[i] != 0)
                {
                    Health.VerifyFailed("display RAM byte " + i.ToString() + " reads 0x" + _readBack[i].ToString("X2") + " after clear");
                    return false;
                }
            }
            Health.MarkOk();
            return true;
        }

        /// <summary>LED n is display RAM byte n / 8, bit n % 8 (row n / 8, common n % 8).</summary>
        public void SetLed(int index, bool on)
        {
            int offset = 1 + (index >> 3);
            byte bit = (byte)(1 << (index & 7));
            byte before = _frame[offset];
            _frame[offset] = on ? (byte)(before | bit) : (byte)(before & ~bit);
            if (_frame[offset] != before)
            {
                _dirty = true;
            }
        }

        public bool GetLed(int index)
        {
            return (_frame[1 + (index >> 3)] & (1 << (index & 7))) != 0;
        }

        public void ClearLeds()
        {
            for (int i = 1; i < _frame.Length; i++)
            {
                if (_frame[i] != 0)
                {
                    _frame[i] = 0;
                    _dirty = true;
                }
            }
        }

        /// <summary>Sends the shadow in one 17-byte write if anything changed since the last flush.</summary>
        public bool Flush()
        {
            if (!_dirty)
            {
                return true;
            }
            if (!Do(_bus.WriteRaw(_frame), "display flush"))
            {
                return false;
            }
            _dirty = false;
            return true;
        }

        /// <summary>Global brightness 0..15 (duty 1/16..16/16), clamped.</summary>
        public bool SetBrightness(int level)
        {
            if (level < 0) level = 0;
            if (level > MaxBrightness) level = MaxBrightness;
            return Command(Ht16k33Command.Dimming, (byte)level, "brightness");
        }

        /// <summary>Reads key RAM once and feeds the debouncer; call once per control tick.</summary>
        public bool ScanKeys()
        {
            _command[0] = (byte)Ht16k33Command.KeyRam;
            if (!Do(_bus.WriteReadRaw(_command, _keyRam), "key scan"))
            {
                return false;
            }
            for (int line = 0; line < 3; line++)
            {
                // Each KS line is a little-endian 16-bit word with K1..K13 in bits 0..12.
                int word = _keyRam[2 * line] | (_keyRam[2 * line + 1] << 8);
                for (int k = 0; k < KeysPerLine; k++)
                {
                    _rawKeys[line * KeysPerLine + k] = (word & (1 << k)) != 0;
                }
            }
            Keys.Update(_rawKeys);
            return true;
        }

        private bool Command(Ht16k33Command command, byte data, string step)
        {
            _command[0] = (byte)((byte)command | data);
            return Do(_bus.WriteRaw(_command), step);
        }

        private bool Do(bool ok, string step)
        {
            if (!ok)
            {
                Health.TransferFailed(step, _bus);
            }
            return ok;
        }
    }
}
