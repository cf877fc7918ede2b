using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>
    /// The payload of a version 3 scene: a list of sections, each an id (u8), a length (u8,
    /// so at most 255 bytes) and that many bytes of fields, little-endian. Each concept keeps
    /// its fields in a section of its own, so the format grows in two simple ways:
    /// <list type="bullet">
    /// <item>a new concept is a new section: an id, its <c>Write</c> and its <c>Read</c> case
    /// below;</item>
    /// <item>a section gains fields at its end; a shorter section (from a firmware before them)
    /// leaves them at their defaults (<see cref="SectionReader"/>).</item>
    /// </list>
    /// An absent section leaves its fields at their defaults. A section id this firmware does
    /// not know, a second copy of one, or a section longer than this firmware writes it were
    /// written by a newer firmware: the whole scene is refused, never half-applied.
    /// </summary>
    public static class SceneSections
    {
        public const int Channels = 1;
        public const int Buses = 2;
        public const int Compressor = 3;
        public const int PanelAndOutput = 4;
        public const int Inputs = 5;
        public const int Links = 6;
        public const int Drive = 7;
        /// <summary>The mix-bus toolkit: bus EQ, de-esser, stereo tools.</summary>
        public const int BusToolkit = 8;
        /// <summary>The scene's name: its ASCII characters, the section's length their count.</summary>
        public const int Name = 9;
        /// <summary>The highest id this firmware knows; ids run 1..Last.</summary>
        public const int Last = Name;

        // Channel flags.
        private const int MuteFlag = 1, SoloFlag = 2, InvertFlag = 4;
        // Input flags.
        private const int InstrumentFlag = 1;
        // The panel byte of section 4: the meter mode in bits 0-3, the delivery target's id in bits 4-7
        // (what the LUFS mode reads against; 0 = none, so a scene without one reads as before the field).
        private const int MeterModeMask = 0x0F, TargetShift = 4;
        // Output stage flags.
        private const int SafetyFlag = 1, DitherFlag = 2, TruePeakFlag = 4;
        // Toolkit flags.
        private const int EqAfterCompFlag = 1, LowShelfGentleFlag = 2, ProportionalQFlag = 4, DeessOnFlag = 8, DeessListenFlag = 16;

        public static void Write(ByteCursor w, Scene s)
        {
            for (int id = 1; id <= Last; id++)
            {
                if (!Known(id)) continue;
                w.WriteByte(id);
                int lengthAt = w.Position;
                w.WriteByte(0);
                WriteFields(id, w, s);
                w.WriteByteAt(lengthAt, w.Position - lengthAt - 1);
            }
        }

        /// <summary>The scene in <paramref name="length"/> bytes from <paramref name="start"/>; null when refused.</summary>
        public static Scene Read(byte[] data, int start, int length)
        {
            Scene scene = new Scene();
            bool[] seen = new bool[Last + 1];
            ByteCursor r = new ByteCursor(data, start);
            int end = start + length;
            while (r.Position < end)
            {
                if (r.Position + 2 > end) return null;
                int id = r.ReadByte();
                int size = r.ReadByte();
                if (!Known(id) || seen[id] || r.Position + size > end) return null;
                seen[id] = true;
                SectionReader fields = new SectionReader(data, r.Position, size);
                ReadFields(id, fields, scene);
                if (!fields.AllRead) return null;
                r.Skip(size);
            }
            return scene;
        }

        /// <summary>
        /// Copies one section's fields from <paramref name="from"/> to <paramref name="to"/> through
        /// their stored form (so a section's copy can never miss a field its Write and Read know).
        /// </summary>
        public static void Copy(int id, Scene from, Scene to)
        {
            byte[] buffer = new byte[255];
            ByteCursor w = new ByteCursor(buffer, 0);
            WriteFields(id, w, from);
            ReadFields(id, new SectionReader(buffer, 0, w.Position), to);
        }

        private static bool Known(int id) { return id >= 1 && id <= Last; }

        private static void WriteFields(int id, ByteCursor w, Scene s)
        {
            switch (id)
            {
                case Channels:
                    for (int c = 0; c < Scene.Channels; c++)
                    {
                        w.WriteInt16(s.FaderCentiDb[c]);
                        w.WriteByte(s.Pan[c]);
                        w.WriteByte((s.Mute[c] ? MuteFlag : 0) | (s.Solo[c] ? SoloFlag : 0) | (s.Invert[c] ? InvertFlag : 0));
                        w.WriteByte(s.SubBus[c]);
                    }
                    for (int c = 0; c < Scene.Channels; c++) w.WriteInt16(s.TrimCentiDb[c]);
                    break;
                case Buses:
                    for (int b = 0; b < EngineLimits.SubBuses; b++) w.WriteInt16(s.SubFaderCentiDb[b]);
                    w.WriteInt16(s.MainFaderCentiDb);
                    int subMutes = 0;
                    for (int b = 0; b < EngineLimits.SubBuses; b++) subMutes |= s.SubMute[b] ? 1 << b : 0;
                    w.WriteByte(subMutes);
                    break;
                case Compressor:
                    w.WriteByte(s.CompressorIn ? 1 : 0);
                    w.WriteInt16(s.CompThresholdCentiDb);
                    w.WriteInt16(s.CompRatioX100);
                    w.WriteInt16(s.CompAttackMicroseconds);
                    w.WriteInt16(s.CompReleaseMilliseconds);
                    w.WriteInt16(s.CompKneeCentiDb);
                    w.WriteInt16(s.CompMakeupCentiDb);
                    w.WriteByte(s.CompMixPercent);
                    w.WriteInt16(s.CompSidechainHighPassHz);
                    w.WriteByte(s.CompLinkAverage ? 1 : 0);
                    break;
                case PanelAndOutput:
                    w.WriteByte(s.MeterMode | s.Target << TargetShift);
                    w.WriteByte((s.OutputSafety ? SafetyFlag : 0) | (s.OutputDither ? DitherFlag : 0) | (s.OutputTruePeak ? TruePeakFlag : 0));
                    w.WriteInt16(s.OutputCeilingCentiDb);
                    break;
                case Inputs:
                    for (int c = 0; c < Scene.Channels; c++)
                    {
                        w.WriteByte(s.InputGainDb[c]);
                        w.WriteByte(s.Instrument[c] ? InstrumentFlag : 0);
                    }
                    break;
                case Links:
                    int linked = 0;
                    for (int p = 0; p < Scene.Pairs; p++) linked |= s.Linked[p] ? 1 << p : 0;
                    w.WriteByte(linked);
                    for (int p = 0; p < Scene.Pairs; p++) w.WriteByte(s.Balance[p]);
                    break;
                case Drive:
                    w.WriteInt16(s.DriveCentiDb);
                    break;
                case BusToolkit:
                    w.WriteByte(ToolkitFlags(s));
                    w.WriteByte(s.EqHighPassHz);
                    w.WriteByte(s.EqHighPassSlope);
                    w.WriteInt16(s.EqLowShelfHz);
                    w.WriteInt16(s.EqLowShelfCentiDb);
                    for (int b = 0; b < Scene.Bells; b++)
                    {
                        w.WriteInt16(s.EqBellHz[b]);
                        w.WriteInt16(s.EqBellCentiDb[b]);
                        w.WriteInt16(s.EqBellQX100[b]);
                    }
                    w.WriteInt16(s.EqHighShelfHz);
                    w.WriteInt16(s.EqHighShelfCentiDb);
                    w.WriteInt16(s.EqLowpassHz);
                    w.WriteInt16(s.DeessHz);
                    w.WriteInt16(s.DeessThresholdCentiDb);
                    w.WriteInt16(s.DeessRangeCentiDb);
                    w.WriteInt16(s.DeessReleaseMilliseconds);
                    w.WriteByte(s.StereoWidthPercent);
                    w.WriteByte(s.StereoMonoBelowHz);
                    break;
                case Name:
                    // At most NameMaxChars: SceneRules refuses longer names before anything is saved.
                    for (int i = 0; i < s.Name.Length && i < SceneRules.NameMaxChars; i++) w.WriteByte(s.Name[i]);
                    break;

            }
        }

        private static void ReadFields(int id, SectionReader r, Scene s)
        {
            switch (id)
            {
                case Channels:
                    for (int c = 0; c < Scene.Channels; c++)
                    {
                        s.FaderCentiDb[c] = r.Int16(s.FaderCentiDb[c]);
                        s.Pan[c] = r.SByte(s.Pan[c]);
                        int flags = r.Byte(0);
                        s.Mute[c] = r.Flag(flags, MuteFlag);
                        s.Solo[c] = r.Flag(flags, SoloFlag);
                        s.Invert[c] = r.Flag(flags, InvertFlag);
                        s.SubBus[c] = r.SByte(s.SubBus[c]);
                    }
                    for (int c = 0; c < Scene.Channels; c++) s.TrimCentiDb[c] = r.Int16(s.TrimCentiDb[c]);
                    break;
                case Buses:
                    for (int b = 0; b < EngineLimits.SubBuses; b++) s.SubFaderCentiDb[b] = r.Int16(s.SubFaderCentiDb[b]);
                    s.MainFaderCentiDb = r.Int16(s.MainFaderCentiDb);
                    int subMutes = r.Byte(0);
                    for (int b = 0; b < EngineLimits.SubBuses; b++) s.SubMute[b] = (subMutes & (1 << b)) != 0;
                    break;
                case Compressor:
                    s.CompressorIn = r.Byte(s.CompressorIn ? 1 : 0) != 0;
                    s.CompThresholdCentiDb = r.Int16(s.CompThresholdCentiDb);
                    s.CompRatioX100 = r.Int16(s.CompRatioX100);
                    s.CompAttackMicroseconds = r.UInt16(s.CompAttackMicroseconds);
                    s.CompReleaseMilliseconds = r.UInt16(s.CompReleaseMilliseconds);
                    s.CompKneeCentiDb = r.Int16(s.CompKneeCentiDb);
                    s.CompMakeupCentiDb = r.Int16(s.CompMakeupCentiDb);
                    s.CompMixPercent = r.Byte(s.CompMixPercent);
                    s.CompSidechainHighPassHz = r.UInt16(s.CompSidechainHighPassHz);
                    s.CompLinkAverage = r.Byte(s.CompLinkAverage ? 1 : 0) != 0;
                    break;
                case PanelAndOutput:
                    // A target id or mode this firmware does not know fails SceneRules: the scene is refused.
                    int panel = r.Byte(s.MeterMode | s.Target << TargetShift);
                    s.MeterMode = panel & MeterModeMask;
                    s.Target = panel >> TargetShift;
                    int output = r.Byte((s.OutputSafety ? SafetyFlag : 0) | (s.OutputDither ? DitherFlag : 0) | (s.OutputTruePeak ? TruePeakFlag : 0));
                    s.OutputSafety = r.Flag(output, SafetyFlag);
                    s.OutputDither = r.Flag(output, DitherFlag);
                    s.OutputTruePeak = r.Flag(output, TruePeakFlag);
                    s.OutputCeilingCentiDb = r.Int16(s.OutputCeilingCentiDb);
                    break;
                case Inputs:
                    for (int c = 0; c < Scene.Channels; c++)
                    {
                        s.InputGainDb[c] = r.Byte(s.InputGainDb[c]);
                        s.Instrument[c] = r.Flag(r.Byte(0), InstrumentFlag);
                    }
                    break;
                case Links:
                    int linked = r.Byte(0);
                    for (int p = 0; p < Scene.Pairs; p++) s.Linked[p] = (linked & (1 << p)) != 0;
                    for (int p = 0; p < Scene.Pairs; p++) s.Balance[p] = r.SByte(s.Balance[p]);
                    break;
                case Drive:
                    s.DriveCentiDb = r.Int16(s.DriveCentiDb);
                    break;
                case BusToolkit:
                    int toolkit = r.Byte(ToolkitFlags(s));
                    s.EqAfterComp = r.Flag(toolkit, EqAfterCompFlag);
                    s.EqLowShelfGentle = r.Flag(toolkit, LowShelfGentleFlag);
                    s.EqProportionalQ = r.Flag(toolkit, ProportionalQFlag);
                    s.DeessOn = r.Flag(toolkit, DeessOnFlag);
                    s.DeessListen = r.Flag(toolkit, DeessListenFlag);
                    s.EqHighPassHz = r.Byte(s.EqHighPassHz);
                    s.EqHighPassSlope = r.Byte(s.EqHighPassSlope);
                    s.EqLowShelfHz = r.UInt16(s.EqLowShelfHz);
                    s.EqLowShelfCentiDb = r.Int16(s.EqLowShelfCentiDb);
                    for (int b = 0; b < Scene.Bells; b++)
                    {
                        s.EqBellHz[b] = r.UInt16(s.EqBellHz[b]);
                        s.EqBellCentiDb[b] = r.Int16(s.EqBellCentiDb[b]);
                        s.EqBellQX100[b] = r.UInt16(s.EqBellQX100[b]);
                    }
                    s.EqHighShelfHz = r.UInt16(s.EqHighShelfHz);
                    s.EqHighShelfCentiDb = r.Int16(s.EqHighShelfCentiDb);
                    s.EqLowpassHz = r.UInt16(s.EqLowpassHz);
                    s.DeessHz = r.UInt16(s.DeessHz);
                    s.DeessThresholdCentiDb = r.Int16(s.DeessThresholdCentiDb);
                    s.DeessRangeCentiDb = r.Int16(s.DeessRangeCentiDb);
                    s.DeessReleaseMilliseconds = r.UInt16(s.DeessReleaseMilliseconds);
                    s.StereoWidthPercent = r.Byte(s.StereoWidthPercent);
                    s.StereoMonoBelowHz = r.Byte(s.StereoMonoBelowHz);
                    break;
                case Name:
                    char[] name = new char[r.Remaining];
                    for (int i = 0; i < name.Length; i++) name[i] = (char)r.Byte(0);
                    s.Name = new string(name);
                    break;

            }
        }

        private static int ToolkitFlags(Scene s)
        {
            return (s.EqAfterComp ? EqAfterCompFlag : 0) | (s.EqLowShelfGentle ? LowShelfGentleFlag : 0)
                | (s.EqProportionalQ ? ProportionalQFlag : 0) | (s.DeessOn ? DeessOnFlag : 0) | (s.DeessListen ? DeessListenFlag : 0);
        }
    }
}
