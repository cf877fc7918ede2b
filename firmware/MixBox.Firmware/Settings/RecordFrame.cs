namespace MixBox.Firmware
{
    /// <summary>
    /// The frame every stored record shares: a four-byte magic, version (u16), payload length
    /// (u16), save sequence (u32), the payload, and a CRC-32 of everything before it;
    /// little-endian. The codecs own their payloads; this owns the frame's checks, so a
    /// record that fails them is refused the same way whatever it holds.
    /// </summary>
    public static class RecordFrame
    {
        public const int HeaderBytes = 12;
        public const int CrcBytes = 4;

        /// <summary>The framed record around the first <paramref name="length"/> bytes of <paramref name="payload"/>.</summary>
        public static byte[] Seal(byte[] magic, int version, uint sequence, byte[] payload, int payloadOffset, int length)
        {
            byte[] data = new byte[HeaderBytes + length + CrcBytes];
            ByteCursor w = new ByteCursor(data, 0);
            for (int i = 0; i < magic.Length; i++) w.WriteByte(magic[i]);
            w.WriteInt16(version);
            w.WriteInt16(length);
            w.WriteUInt32(sequence);
            for (int i = 0; i < length; i++) w.WriteByte(payload[payloadOffset + i]);
            w.WriteUInt32(Crc32.Compute(data, 0, w.Position));
            return data;
        }

        /// <summary>
        /// True when <paramref name="data"/> carries <paramref name="magic"/> and a payload
        /// whose CRC holds; the payload starts at <see cref="HeaderBytes"/>. Version and
        /// sequence are read before the checks, as the stores report them.
        /// </summary>
        public static bool Open(byte[] data, byte[] magic, out int version, out int payloadLength, out uint sequence)
        {
            version = 0;
            payloadLength = 0;
            sequence = 0;
            if (data == null || data.Length < HeaderBytes + CrcBytes) return false;
            for (int i = 0; i < magic.Length; i++)
            {
                if (data[i] != magic[i]) return false;
            }
            ByteCursor r = new ByteCursor(data, magic.Length);
            version = r.ReadUInt16();
            payloadLength = r.ReadUInt16();
            sequence = r.ReadUInt32();
            if (!r.Has(payloadLength + CrcBytes)) return false;
            ByteCursor crc = new ByteCursor(data, HeaderBytes + payloadLength);
            return crc.ReadUInt32() == Crc32.Compute(data, 0, HeaderBytes + payloadLength);
        }
    }
}
