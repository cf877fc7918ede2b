namespace MixBox.Firmware
{
    /// <summary>
    /// Where a mix is going and what that place asks of it (one row of <see cref="TargetPresets"/>).
    /// Loudness is integrated loudness (ITU-R BS.1770-4) in LUFS x 100; <see cref="WindowCentiLu"/> is how
    /// far from it still passes; an <see cref="AtMost"/> target passes anywhere below it. True peak is a
    /// ceiling in dBTP x 100. Whole hundredths, so the box needs no floating point to judge a reading.
    /// </summary>
    public sealed class TargetPreset
    {
        /// <summary>What a preset without a loudness target or a true-peak ceiling holds there.</summary>
        public const int None = int.MinValue;

        public TargetPreset(int id, string key, string name, int integratedCentiLufs, int windowCentiLu, bool atMost, int maxTruePeakCentiDb, string source)
        {
            Id = id;
            Key = key;
            Name = name;
            IntegratedCentiLufs = integratedCentiLufs;
            WindowCentiLu = windowCentiLu;
            AtMost = atMost;
            MaxTruePeakCentiDb = maxTruePeakCentiDb;
            Source = source;
        }

        /// <summary>The number the settings store (never renumbered: a stored scene names its target by it).</summary>
        public int Id { get; private set; }
        /// <summary>The name in render JSON, `--target`, and the OSC remote.</summary>
        public string Key { get; private set; }
        public string Name { get; private set; }
        /// <summary>LUFS x 100, or <see cref="None"/>.</summary>
        public int IntegratedCentiLufs { get; private set; }
        public int WindowCentiLu { get; private set; }
        public bool AtMost { get; private set; }
        /// <summary>dBTP x 100, or <see cref="None"/>.</summary>
        public int MaxTruePeakCentiDb { get; private set; }
        public string Source { get; private set; }

        public bool HasLoudness { get { return IntegratedCentiLufs != None; } }

        public bool HasTruePeakCeiling { get { return MaxTruePeakCentiDb != None; } }
    }
}
