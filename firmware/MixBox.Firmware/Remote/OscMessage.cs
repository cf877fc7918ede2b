namespace MixBox.Firmware
{
    /// <summary>
    /// One decoded OSC message, a view into the packet's bytes (nothing copied, nothing
    /// allocated; the reader reuses one instance): the address split into its parts and the
    /// arguments' type tags and offsets. Big-endian, 4-byte aligned (OSC 1.0 specification,
    /// "OSC Packets" and "Atomic Data Types").
    /// </summary>
    public sealed class OscMessage
    {
        public const int MaxArguments = 8;
        public const int MaxParts = 8;

        private readonly byte[] _tags = new byte[MaxArguments];
        private readonly int[] _offsets = new int[MaxArguments];
        private readonly int[] _partStart = new int[MaxParts];
        private readonly int[] _partLength = new int[MaxParts];

        public byte[] Buffer { get; private set; }
        public int AddressStart { get; private set; }
        public int AddressLength { get; private set; }
        public int ArgumentCount { get; private set; }
        /// <summary>Address parts between the slashes ("/ch/01/mix/fader": 4).</summary>
        public int PartCount { get; private set; }

        internal void SetAddress(byte[] buffer, int start, int length)
        {
            Buffer = buffer;
            AddressStart = start;
            AddressLength = length;
            ArgumentCount = 0;
            PartCount = 0;
            for (int i = start; i < start + length; i++)
            {
                if (buffer[i] != (byte)'/') continue;
                if (PartCount == MaxParts)
                {
                    PartCount = MaxParts + 1; // too deep for any address the box knows
                    return;
                }
                _partStart[PartCount] = i + 1;
                PartCount++;
            }
            for (int p = 0; p < PartCount; p++)
            {
                int end = p + 1 < PartCount ? _partStart[p + 1] - 1 : start + length;
                _partLength[p] = end - _partStart[p];
            }
        }

        internal void AddArgument(byte tag, int offset)
        {
            _tags[ArgumentCount] = tag;
            _offsets[ArgumentCount] = offset;
            ArgumentCount++;
        }

        public char Tag(int argument) { return (char)_tags[argument]; }

        /// <summary>True when address part <paramref name="part"/> is exactly <paramref name="text"/>.</summary>
        public bool PartIs(int part, string text)
        {
            if (part >= PartCount || _partLength[part] != text.Length) return false;
            int start = _partStart[part];
            for (int i = 0; i < text.Length; i++)
            {
                if (Buffer[start + i] != text[i]) return false;
            }
            return true;
        }

        /// <summary>A part of one or two decimal digits ("01", "8") as a number; -1 otherwise.</summary>
        public int PartNumber(int part)
        {
            if (part >= PartCount) return -1;
            int length = _partLength[part];
            if (length < 1 || length > 2) return -1;
            int value = 0;
            for (int i = 0; i < length; i++)
            {
                int digit = Buffer[_partStart[part] + i] - '0';
                if (digit < 0 || digit > 9) return -1;
                value = value * 10 + digit;
            }
            return value;
        }

        public int Int(int argument) { return OscReader.ReadInt32(Buffer, _offsets[argument]); }

        public float Float(int argument) { return OscFloat.FromBits(OscReader.ReadInt32(Buffer, _offsets[argument])); }

        /// <summary>An i or f argument as a float (consoles send either).</summary>
        public bool TryNumber(int argument, out float value)
        {
            value = 0;
            if (argument >= ArgumentCount) return false;
            char tag = Tag(argument);
            if (tag == 'f') value = Float(argument);
            else if (tag == 'i') value = Int(argument);
            else return false;
            return !float.IsNaN(value) && !float.IsInfinity(value);
        }

        /// <summary>T/F, or a number (non-zero is true).</summary>
        public bool TryBool(int argument, out bool value)
        {
            value = false;
            if (argument >= ArgumentCount) return false;
            char tag = Tag(argument);
            if (tag == 'T' || tag == 'F')
            {
                value = tag == 'T';
                return true;
            }
            float number;
            if (!TryNumber(argument, out number)) return false;
            value = number != 0;
            return true;
        }

        /// <summary>True when argument <paramref name="argument"/> is the string <paramref name="text"/>.</summary>
        public bool StringIs(int argument, string text)
        {
            if (argument >= ArgumentCount || Tag(argument) != 's') return false;
            int start = _offsets[argument];
            for (int i = 0; i < text.Length; i++)
            {
                if (Buffer[start + i] != text[i]) return false;
            }
            return Buffer[start + text.Length] == 0;
        }

        /// <summary>A blob argument's size in bytes (its bytes start at <see cref="BlobStart"/>).</summary>
        public int BlobLength(int argument) { return OscReader.ReadInt32(Buffer, _offsets[argument]); }

        public int BlobStart(int argument) { return _offsets[argument] + 4; }

        /// <summary>Where a string argument's bytes start (its end is the first zero byte).</summary>
        public int StringStart(int argument) { return _offsets[argument]; }
    }
}
