namespace System
{
    /// <summary>
    /// Host stand-in for nanoFramework's System.SpanByte (mscorlib 1.17.11, a readonly ref
    /// struct over a byte array: array, start, length). Only the members MixBox's adapter and
    /// this model use; DeviceCompatTests checks each against the real mscorlib's.
    /// </summary>
    public readonly ref struct SpanByte
    {
        private readonly byte[] _array;
        private readonly int _start;
        private readonly int _length;

        public SpanByte(byte[] array)
        {
            _array = array;
            _start = 0;
            _length = array == null ? 0 : array.Length;
        }

        public SpanByte(byte[] array, int start, int length)
        {
            if (array == null)
            {
                if (start != 0 || length != 0) throw new ArgumentOutOfRangeException(nameof(start));
            }
            else if (start < 0 || length < 0 || start + length > array.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(start));
            }
            _array = array;
            _start = start;
            _length = length;
        }

        public int Length { get { return _length; } }

        public byte this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) throw new IndexOutOfRangeException();
                return _array[_start + index];
            }
            set
            {
                if ((uint)index >= (uint)_length) throw new IndexOutOfRangeException();
                _array[_start + index] = value;
            }
        }

        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            if (_length > 0) Array.Copy(_array, _start, copy, 0, _length);
            return copy;
        }

        public static implicit operator SpanByte(byte[] array)
        {
            return new SpanByte(array);
        }

        /// <summary>The native code's view: no array (a null span) means "no such phase".</summary>
        internal bool HasArray { get { return _array != null; } }
    }
}
