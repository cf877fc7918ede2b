namespace MixBox.Firmware
{
    /// <summary>
    /// Recall safes: parts of the mix a recall leaves as they are. Per channel (its level, trim,
    /// pan, mute, solo, polarity, routing and input settings) and one for the bus chain (the
    /// compressor, the drive, the output stage, and every bus stage whose section is listed in
    /// <see cref="BusChainSections"/>). A pair's link and balance stay when either side is safe;
    /// a pair that stays linked keeps both sides, since a linked pair acts as one.
    /// </summary>
    public sealed class RecallSafes
    {
        /// <summary>The bus chain's settings sections, copied whole: a new bus stage adds its id here.</summary>
        public static readonly int[] BusChainSections = { SceneSections.Compressor, SceneSections.Drive, SceneSections.BusToolkit };

        private readonly bool[] _channel = new bool[Scene.Channels];

        public bool Channel(int channel) { return _channel[channel]; }

        public bool Bus { get; private set; }

        /// <summary>Safes or frees a channel; a linked pair's sides together.</summary>
        public void ToggleChannel(Scene current, int channel)
        {
            bool safe = !_channel[channel];
            _channel[channel] = safe;
            if (StereoLink.IsLinked(current, channel)) _channel[StereoLink.Partner(channel)] = safe;
        }

        public void ToggleBus() { Bus = !Bus; }

        /// <summary>What a recall of <paramref name="recalled"/> over <paramref name="current"/> leaves (a new scene).</summary>
        public Scene Merge(Scene current, Scene recalled)
        {
            Scene result = recalled.Clone();
            bool[] keep = (bool[])_channel.Clone();
            for (int p = 0; p < Scene.Pairs; p++)
            {
                int left = StereoLink.LeftOf(p);
                if (!keep[left] && !keep[left + 1]) continue;
                result.Linked[p] = current.Linked[p];
                result.Balance[p] = current.Balance[p];
                if (current.Linked[p]) keep[left] = keep[left + 1] = true;
            }
            for (int c = 0; c < Scene.Channels; c++)
            {
                if (keep[c]) result.CopyChannel(current, c, c, true);
            }
            if (Bus)
            {
                for (int i = 0; i < BusChainSections.Length; i++) SceneSections.Copy(BusChainSections[i], current, result);
                result.OutputSafety = current.OutputSafety;
                result.OutputCeilingCentiDb = current.OutputCeilingCentiDb;
                result.OutputDither = current.OutputDither;
                result.OutputTruePeak = current.OutputTruePeak;
            }
            return result;
        }
    }
}
