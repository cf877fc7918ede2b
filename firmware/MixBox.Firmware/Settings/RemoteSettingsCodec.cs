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
        private const int PayloadBytes = 1;
        private static readonly byte[] Magic = { (byte)'M', (byte)'X', (byte)'R', (byte)'M' };

        public static readonly RemoteSettingsCodec Instance = new RemoteSettingsCodec();

        public int CurrentVersion { get { return Version; } }

        public byte[] Encode(object record, uint sequence)
        {
            RemoteSettings settings = (RemoteSettings)record;
            byte[] payload = { (byte)((settings.Enabled ? EnabledFlag : 0) | (settings.ReadOnly ? ReadOnlyFlag : 0)) };
            return RecordFrame.Seal(Magic, Version, sequence, payload, 0, PayloadBytes);
        }

        public object Decode(byte[] data, out int version, out uint sequence)
        {
            int payload;
            if (!RecordFrame.Open(data, Magic, out version, out payload, out sequence)) return null;
            if (data.Length != RecordFrame.HeaderBytes + payload + RecordFrame.CrcBytes) return null;
            if (version != Version || payload > PayloadBytes) return null; // a newer firmware's

            SectionReader fields = new SectionReader(data, RecordFrame.HeaderBytes, payload);
            int flags = fields.Byte(0);
            if ((flags & ~KnownFlags) != 0) return null;
            return new RemoteSettings(fields.Flag(flags, EnabledFlag), fields.Flag(flags, ReadOnlyFlag));
        }
    }
}
