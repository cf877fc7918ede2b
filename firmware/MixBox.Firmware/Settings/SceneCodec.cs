namespace MixBox.Firmware
{
    /// <summary>
    /// The stored form of a <see cref="Scene"/>: "MXSC", schema version (u16), payload length
    /// (u16), save sequence (u32), payload, CRC-32 of everything before it. Little-endian.
    /// Version 3 (current) keeps the payload as sections (<see cref="SceneSections"/>), so
    /// new settings are added without a new layout; versions 1 and 2 had fixed payloads
    /// (<see cref="LegacySceneReader"/>) and are read and migrated. Anything that fails its
    /// CRC, its ranges or is newer than this firmware is refused, never half-applied.
    /// </summary>
    public static class SceneCodec
    {
        public const int CurrentVersion = 3;
        private const int HeaderBytes = 12;
        private const int CrcBytes = 4;
        /// <summary>Room for the payload while it is written; the stored scene is exactly as long as it needs.</summary>
        private const int MaxPayloadBytes = 1024;
        private static readonly byte[] Magic = { (byte)'M', (byte)'X', (byte)'S', (byte)'C' };

        public static byte[] Encode(Scene scene, uint sequence)
        {
            byte[] draft = new byte[HeaderBytes + MaxPayloadBytes];
            ByteCursor payload = new ByteCursor(draft, HeaderBytes);
            SceneSections.Write(payload, scene);
            int length = payload.Position - HeaderBytes;

            byte[] data = new byte[HeaderBytes + length + CrcBytes];
            ByteCursor w = new ByteCursor(data, 0);
            for (int i = 0; i < Magic.Length; i++) w.WriteByte(Magic[i]);
            w.WriteInt16(CurrentVersion);
            w.WriteInt16(length);
            w.WriteUInt32(sequence);
            for (int i = 0; i < length; i++) w.WriteByte(draft[HeaderBytes + i]);
            w.WriteUInt32(Crc32.Compute(data, 0, w.Position));
            return data;
        }

        /// <summary>Decodes and validates; null when the data is not a scene this firmware can trust.</summary>
        public static Scene Decode(byte[] data, out int version, out uint sequence)
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
            if (!r.Has(payload + CrcBytes)) return null;
            ByteCursor crc = new ByteCursor(data, HeaderBytes + payload);
            if (crc.ReadUInt32() != Crc32.Compute(data, 0, HeaderBytes + payload)) return null;

            Scene scene;
            if (version == 1 && payload == LegacySceneReader.V1PayloadBytes) scene = LegacySceneReader.ReadV1(r);
            else if (version == 2 && payload == LegacySceneReader.V2PayloadBytes) scene = LegacySceneReader.ReadV2(r);
            else if (version == 3) scene = SceneSections.Read(data, HeaderBytes, payload);
            else return null; // unknown or newer schema
            return scene != null && SceneRules.IsValid(scene) ? scene : null;
        }
    }
}
