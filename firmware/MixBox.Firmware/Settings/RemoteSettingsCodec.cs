namespace MixBox.Firmware
{
    /// <summary>
    /// The stored form of <see cref="RemoteSettings"/>, by the scene's rules (<see cref="SceneCodec"/>):
    /// "MXRM", version (u16), payload length (u16), save sequence (u32), payload, CRC-32 of everything
    /// before it; little-endian. Version 1 payload: flags (u8: enabled 1, read-only 2). Fields are
    /// appended at the end (a shorter payload leaves the later ones at their defaults); a flag this
    /// firmware does not know, a longer payload or a newer version was written by a newer firmware,
    /// and the record is refused, never half-applied.
    /// </summary>
    public sealed class RemoteSettingsCodec : IRecordCodec
    {
        public const int Version = 1;
        public const int EnabledFlag = 1, ReadOnlyFlag = 2;
        private const int KnownFlags = EnabledFlag | ReadOnlyFlag;
        private const int HeaderBytes = 12, PayloadBytes = 1, CrcBytes = 4;
        private static readonly byte[] Magic = { (byte)'M', (byte)'X', (byte)'R', (byte)'M' };

        public static readonly RemoteSettingsCodec Instance = new RemoteSettingsCodec();

        public int CurrentVersion { get { return Version; } }

        public byte[] Encode(object record, uint sequence)
        {
            RemoteSettings settings = (RemoteSettings)record;
            byte[] data = new byte[HeaderBytes + PayloadBytes + CrcBytes];
            ByteCursor w = new ByteCursor(data, 0);
            for (int i = 0; i < Magic.Length; i++) w.WriteByte(Magic[i]);
            w.WriteInt16(Version);
            w.WriteInt16(PayloadBytes);
            w.WriteUInt32(sequence);
            w.WriteByte((settings.Enabled ? EnabledFlag : 0) | (settings.ReadOnly ? ReadOnlyFlag : 0));
            w.WriteUInt32(Crc32.Compute(data, 0, w.Position));
            return data;
        }

        public object Decode(byte[] data, out int version, out uint sequence)
        {
            version = 0;
            sequence = 0;
            if (data == null || data.Length < HeaderBytes + CrcBytes) return null;
            for (int i = 0; i < Magic.Length; i++)
            {
                if (data[i] != Magic[i]) return null;
            }
            ByteCursor r = new ByteCursor(data, Magic.Length);
            version = r.ReadUInt16();
            int payload = r.ReadUInt16();
            sequence = r.ReadUInt32();
            if (data.Length != HeaderBytes + payload + CrcBytes) return null;
            ByteCursor crc = new ByteCursor(data, HeaderBytes + payload);
            if (crc.ReadUInt32() != Crc32.Compute(data, 0, HeaderBytes + payload)) return null;
            if (version != Version || payload > PayloadBytes) return null; // a newer firmware's

            SectionReader fields = new SectionReader(data, HeaderBytes, payload);
            int flags = fields.Byte(0);
            if ((flags & ~KnownFlags) != 0) return null;
            return new RemoteSettings(fields.Flag(flags, EnabledFlag), fields.Flag(flags, ReadOnlyFlag));
        }
    }
}
