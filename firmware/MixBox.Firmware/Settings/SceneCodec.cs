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
        private const int HeaderBytes = RecordFrame.HeaderBytes;
        /// <summary>Room for the payload while it is written; the stored scene is exactly as long as it needs.</summary>
        private const int MaxPayloadBytes = 1024;
        private static readonly byte[] Magic = { (byte)'M', (byte)'X', (byte)'S', (byte)'C' };

        public static byte[] Encode(Scene scene, uint sequence)
        {
            byte[] draft = new byte[HeaderBytes + MaxPayloadBytes];
            ByteCursor payload = new ByteCursor(draft, HeaderBytes);
            SceneSections.Write(payload, scene);
            int length = payload.Position - HeaderBytes;
            return RecordFrame.Seal(Magic, CurrentVersion, sequence, draft, HeaderBytes, length);
        }

        /// <summary>Decodes and validates; null when the data is not a scene this firmware can trust.</summary>
        public static Scene Decode(byte[] data, out int version, out uint sequence)
        {
            int payload;
            if (!RecordFrame.Open(data, Magic, out version, out payload, out sequence)) return null;
            ByteCursor r = new ByteCursor(data, HeaderBytes);

            Scene scene;
            if (version == 1 && payload == LegacySceneReader.V1PayloadBytes) scene = LegacySceneReader.ReadV1(r);
            else if (version == 2 && payload == LegacySceneReader.V2PayloadBytes) scene = LegacySceneReader.ReadV2(r);
            else if (version == 3) scene = SceneSections.Read(data, HeaderBytes, payload);
            else return null; // unknown or newer schema
            return scene != null && SceneRules.IsValid(scene) ? scene : null;
        }
    }
}
