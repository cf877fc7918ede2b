namespace MixBox.Firmware
{
    /// <summary>Little-endian reads and writes over a byte array (no BinaryReader on the device).</summary>
    public sealed class ByteCursor
    {
        private readonly byte[] _data;
        private int _position;

        public ByteCursor(byte[] data, int position)
        {
            _data = data;
            _position = position;
        }

        public int Position { get { return _position; } }

        /// <summary>True while the next <paramref name="count"/> bytes exist.</summary>
        public bool Has(int count) { return _position + count <= _data.Length; }

        public void WriteByte(int value) { _data[_position++] = (byte)value; }

        /// <summary>Overwrites one byte already written (a length known only afterwards).</summary>
        public void WriteByteAt(int position, int value) { _data[position] = (byte)value; }

        public void Skip(int count) { _position += count; }

        public void WriteInt16(int value)
        {
            WriteByte(value);
            WriteByte(value >> 8);
        }

        public void WriteUInt32(uint value)
        {
            WriteInt16((int)(value & 0xFFFF));
            WriteInt16((int)(value >> 16));
        }

        public int ReadByte() { return _data[_position++]; }

        public int ReadSByte() { return (sbyte)_data[_position++]; }

        public int ReadUInt16()
        {
            int low = ReadByte();
            return low | (ReadByte() << 8);
        }

        public int ReadInt16() { return (short)ReadUInt16(); }

        public uint ReadUInt32()
        {
            uint low = (uint)ReadUInt16();
            return low | ((uint)ReadUInt16() << 16);
        }
    }
}
