using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>
    /// The stored form of a <see cref="Scene"/>: "MXSC", schema version (u16), payload length
    /// (u16), save sequence (u32), payload, CRC-32 of everything before it. Little-endian.
    /// Version 1 (the first release) kept levels, pans, mutes, solos and the master; version 2
    /// adds routing, the compressor, the meter mode and the output stage. Older versions are
    /// read and migrated; anything that fails its CRC, its ranges or is newer than this
    /// firmware is refused, never half-applied.
    /// </summary>
    public static class SceneCodec
    {
        public const int CurrentVersion = 2;
        private const int HeaderBytes = 12;
        private const int CrcBytes = 4;
        private const int V1ChannelBytes = 4;
        private const int V1PayloadBytes = Scene.Channels * V1ChannelBytes + 2;
        private const int V2PayloadBytes = Scene.Channels * 5 + 2 * EngineLimits.SubBuses + 2 + 16 + 2;
        private static readonly byte[] Magic = { (byte)'M', (byte)'X', (byte)'S', (byte)'C' };

        public static byte[] Encode(Scene scene, uint sequence)
        {
            byte[] data = new byte[HeaderBytes + V2PayloadBytes + CrcBytes];
            ByteCursor w = new ByteCursor(data, 0);
            for (int i = 0; i < Magic.Length; i++) w.WriteByte(Magic[i]);
            w.WriteInt16(CurrentVersion);
            w.WriteInt16(V2PayloadBytes);
            w.WriteUInt32(sequence);
            for (int c = 0; c < Scene.Channels; c++)
            {
                w.WriteInt16(scene.FaderCentiDb[c]);
                w.WriteByte(scene.Pan[c]);
                w.WriteByte((scene.Mute[c] ? 1 : 0) | (scene.Solo[c] ? 2 : 0));
                w.WriteByte(scene.SubBus[c]);
            }
            for (int b = 0; b < EngineLimits.SubBuses; b++) w.WriteInt16(scene.SubFaderCentiDb[b]);
            w.WriteInt16(scene.MainFaderCentiDb);
            w.WriteByte(scene.CompressorIn ? 1 : 0);
            w.WriteInt16(scene.CompThresholdCentiDb);
            w.WriteInt16(scene.CompRatioX100);
            w.WriteInt16(scene.CompAttackMicroseconds);
            w.WriteInt16(scene.CompReleaseMilliseconds);
            w.WriteInt16(scene.CompKneeCentiDb);
            w.WriteInt16(scene.CompMakeupCentiDb);
            w.WriteByte(scene.CompMixPercent);
            w.WriteInt16(scene.CompSidechainHighPassHz);
            w.WriteByte(scene.MeterMode);
            w.WriteByte((scene.OutputSafety ? 1 : 0) | (scene.OutputDither ? 2 : 0));
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
            if (version == 1 && payload == V1PayloadBytes) scene = ReadV1(r);
            else if (version == 2 && payload == V2PayloadBytes) scene = ReadV2(r);
            else return null; // unknown or newer schema
            return SceneRules.IsValid(scene) ? scene : null;
        }

        /// <summary>Version 1 fields; everything version 2 added keeps its default (the migration).</summary>
        private static Scene ReadV1(ByteCursor r)
        {
            Scene scene = new Scene();
            for (int c = 0; c < Scene.Channels; c++) ReadChannelLevels(r, scene, c);
            scene.MainFaderCentiDb = r.ReadInt16();
            return scene;
        }

        /// <summary>Fader, pan, mute and solo: the same four fields in every version so far.</summary>
        private static void ReadChannelLevels(ByteCursor r, Scene scene, int c)
        {
            scene.FaderCentiDb[c] = r.ReadInt16();
            scene.Pan[c] = r.ReadSByte();
            int flags = r.ReadByte();
            scene.Mute[c] = (flags & 1) != 0;
            scene.Solo[c] = (flags & 2) != 0;
        }

        private static Scene ReadV2(ByteCursor r)
        {
            Scene scene = new Scene();
            for (int c = 0; c < Scene.Channels; c++)
            {
                ReadChannelLevels(r, scene, c);
                scene.SubBus[c] = r.ReadSByte();
            }
            for (int b = 0; b < EngineLimits.SubBuses; b++) scene.SubFaderCentiDb[b] = r.ReadInt16();
            scene.MainFaderCentiDb = r.ReadInt16();
            scene.CompressorIn = r.ReadByte() != 0;
            scene.CompThresholdCentiDb = r.ReadInt16();
            scene.CompRatioX100 = r.ReadInt16();
            scene.CompAttackMicroseconds = r.ReadUInt16();
            scene.CompReleaseMilliseconds = r.ReadUInt16();
            scene.CompKneeCentiDb = r.ReadInt16();
            scene.CompMakeupCentiDb = r.ReadInt16();
            scene.CompMixPercent = r.ReadByte();
            scene.CompSidechainHighPassHz = r.ReadUInt16();
            scene.MeterMode = r.ReadByte();
            int output = r.ReadByte();
            scene.OutputSafety = (output & 1) != 0;
            scene.OutputDither = (output & 2) != 0;
            return scene;
        }
    }
}
