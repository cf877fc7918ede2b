using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>
    /// The fixed payloads of the first two schemas, read for migration. Version 1 (the first
    /// release): fader (i16), pan (i8), mute/solo flags (u8) per channel, then the master.
    /// Version 2 adds the sub-bus per channel, the sub-bus faders, the compressor, the meter
    /// mode and the output stage. Whatever a version lacks keeps the current default.
    /// </summary>
    public static class LegacySceneReader
    {
        public const int V1PayloadBytes = Scene.Channels * 4 + 2;
        public const int V2PayloadBytes = Scene.Channels * 5 + 2 * EngineLimits.SubBuses + 2 + 16 + 2;

        public static Scene ReadV1(ByteCursor r)
        {
            Scene scene = new Scene();
            for (int c = 0; c < Scene.Channels; c++) ReadChannelLevels(r, scene, c);
            scene.MainFaderCentiDb = r.ReadInt16();
            return scene;
        }

        public static Scene ReadV2(ByteCursor r)
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

        /// <summary>Fader, pan, mute and solo: the same four fields in both versions.</summary>
        private static void ReadChannelLevels(ByteCursor r, Scene scene, int c)
        {
            scene.FaderCentiDb[c] = r.ReadInt16();
            scene.Pan[c] = r.ReadSByte();
            int flags = r.ReadByte();
            scene.Mute[c] = (flags & 1) != 0;
            scene.Solo[c] = (flags & 2) != 0;
        }
    }
}
