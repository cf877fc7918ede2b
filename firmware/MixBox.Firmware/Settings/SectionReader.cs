namespace MixBox.Firmware
{
    /// <summary>
    /// Reads the fields of one settings section (<see cref="SceneSections"/>). A field past the
    /// section's end reads as the default it is given: a section written by an older firmware,
    /// before that field was appended, leaves it at its default.
    /// </summary>
    public sealed class SectionReader
    {
        private readonly ByteCursor _cursor;
        private readonly int _end;

        public SectionReader(byte[] data, int start, int length)
        {
            _cursor = new ByteCursor(data, start);
            _end = start + length;
        }

        /// <summary>False when the section holds bytes past the fields this firmware knows.</summary>
        public bool AllRead { get { return _cursor.Position == _end; } }

        /// <summary>Bytes not read yet (a field as long as its section, such as a name).</summary>
        public int Remaining { get { return _end - _cursor.Position; } }

        public int Byte(int fallback) { return Has(1) ? _cursor.ReadByte() : fallback; }

        public int SByte(int fallback) { return Has(1) ? _cursor.ReadSByte() : fallback; }

        public int Int16(int fallback) { return Has(2) ? _cursor.ReadInt16() : fallback; }

        public int UInt16(int fallback) { return Has(2) ? _cursor.ReadUInt16() : fallback; }

        public bool Flag(int flags, int mask) { return (flags & mask) != 0; }

        private bool Has(int count) { return _cursor.Position + count <= _end; }
    }
}
