namespace MixBox.Firmware
{
    /// <summary>
    /// OSC 1.0 encoder into one preallocated buffer: a message, or a bundle of messages
    /// (time tag 1, "immediately"). Type tags i f s b T F N. Nothing is allocated; a packet
    /// that does not fit sets <see cref="Overflowed"/> and is not to be sent.
    /// </summary>
    public sealed class OscWriter
    {
        public const int MaxArguments = 16;

        private readonly byte[] _buffer;
        private readonly byte[] _tags = new byte[MaxArguments];
        private readonly byte[] _arguments;
        private int _length;
        private int _tagCount;
        private int _argumentLength;
        private int _sizeAt = -1;
        private bool _inBundle;

        public OscWriter(int capacity)
        {
            _buffer = new byte[capacity];
            _arguments = new byte[capacity];
        }

        public byte[] Buffer { get { return _buffer; } }

        /// <summary>Bytes of the packet written so far.</summary>
        public int Length { get { return _length; } }

        public bool Overflowed { get; private set; }

        /// <summary>Starts an empty packet.</summary>
        public void Reset()
        {
            _length = 0;
            _inBundle = false;
            _sizeAt = -1;
            Overflowed = false;
        }

        /// <summary>Starts the packet as a bundle; each message after this is one of its elements.</summary>
        public void BeginBundle()
        {
            Reset();
            PutText("#bundle");
            PutInt32(_buffer, ref _length, 0); // time tag 1: "immediately" (OSC 1.0, "Time Tags")
            PutInt32(_buffer, ref _length, 1);
            _inBundle = true;
        }

        public void BeginMessage(string address)
        {
            StartElement();
            PutText(address);
        }

        /// <summary>A message whose address is copied from another packet (a query's answer).</summary>
        public void BeginMessage(byte[] source, int start, int length)
        {
            StartElement();
            if (!Fits(_buffer, _length, Padded(length + 1))) return;
            for (int i = 0; i < length; i++) _buffer[_length++] = source[start + i];
            Pad(_buffer, ref _length, length + 1);
        }

        public void Int(int value)
        {
            if (!Tag('i')) return;
            PutInt32(_arguments, ref _argumentLength, value);
        }

        public void Float(float value)
        {
            if (!Tag('f')) return;
            PutInt32(_arguments, ref _argumentLength, OscFloat.ToBits(value));
        }

        public void String(string value)
        {
            if (!Tag('s') || !Fits(_arguments, _argumentLength, Padded(value.Length + 1))) return;
            for (int i = 0; i < value.Length; i++) _arguments[_argumentLength++] = Ascii(value[i]);
            Pad(_arguments, ref _argumentLength, value.Length + 1);
        }

        public void Blob(byte[] data, int start, int length)
        {
            if (!Tag('b') || !Fits(_arguments, _argumentLength, 4 + Padded(length))) return;
            PutInt32(_arguments, ref _argumentLength, length);
            for (int i = 0; i < length; i++) _arguments[_argumentLength++] = data[start + i];
            int zeros = Padded(length) - length;
            for (int i = 0; i < zeros; i++) _arguments[_argumentLength++] = 0;
        }

        public void Bool(bool value) { Tag(value ? 'T' : 'F'); }

        public void Nil() { Tag('N'); }

        /// <summary>Closes the message: type tag string, then the arguments (and its size, in a bundle).</summary>
        public void EndMessage()
        {
            if (Overflowed) return;
            if (!Fits(_buffer, _length, Padded(_tagCount + 2) + _argumentLength)) return;
            _buffer[_length++] = (byte)',';
            for (int i = 0; i < _tagCount; i++) _buffer[_length++] = _tags[i];
            Pad(_buffer, ref _length, _tagCount + 2);
            for (int i = 0; i < _argumentLength; i++) _buffer[_length++] = _arguments[i];
            if (_sizeAt >= 0)
            {
                int at = _sizeAt;
                PutInt32(_buffer, ref at, _length - _sizeAt - 4);
            }
        }

        private void StartElement()
        {
            if (!_inBundle) Reset();
            _tagCount = 0;
            _argumentLength = 0;
            _sizeAt = -1;
            if (_inBundle)
            {
                _sizeAt = _length;
                PutInt32(_buffer, ref _length, 0); // the element's size, filled in by EndMessage
            }
        }

        private bool Tag(char tag)
        {
            if (_tagCount == MaxArguments)
            {
                Overflowed = true;
                return false;
            }
            _tags[_tagCount++] = (byte)tag;
            return true;
        }

        private void PutText(string text)
        {
            if (!Fits(_buffer, _length, Padded(text.Length + 1))) return;
            for (int i = 0; i < text.Length; i++) _buffer[_length++] = Ascii(text[i]);
            Pad(_buffer, ref _length, text.Length + 1);
        }

        private void PutInt32(byte[] target, ref int at, int value)
        {
            if (!Fits(target, at, 4)) return;
            target[at++] = (byte)(value >> 24);
            target[at++] = (byte)(value >> 16);
            target[at++] = (byte)(value >> 8);
            target[at++] = (byte)value;
        }

        /// <summary>The terminating NUL and the zeros up to the next multiple of 4 (<paramref name="used"/> counts the NUL).</summary>
        private static void Pad(byte[] target, ref int at, int used)
        {
            int zeros = Padded(used) - used + 1;
            for (int i = 0; i < zeros; i++) target[at++] = 0;
        }

        private bool Fits(byte[] target, int at, int count)
        {
            if (at + count <= target.Length && !Overflowed) return true;
            Overflowed = true;
            return false;
        }

        private static byte Ascii(char c) { return c < 128 ? (byte)c : (byte)'?'; }

        private static int Padded(int length) { return (length + 3) & ~3; }
    }
}
