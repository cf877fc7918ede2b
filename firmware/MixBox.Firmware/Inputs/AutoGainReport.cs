namespace MixBox.Firmware
{
    /// <summary>What the last auto-gain run did to each input, and as text.</summary>
    public sealed class AutoGainReport
    {
        private readonly AutoGainOutcome[] _outcome = new AutoGainOutcome[Scene.Channels];
        private readonly int[] _heardAtDb = new int[Scene.Channels];
        private readonly int[] _peakCentiDb = new int[Scene.Channels];
        private readonly int[] _gainDb = new int[Scene.Channels];

        public AutoGainOutcome Outcome(int channel) { return _outcome[channel]; }

        /// <summary>The gain the input had while it was listened to, dB.</summary>
        public int HeardAtDb(int channel) { return _heardAtDb[channel]; }

        /// <summary>Its peak at that gain, centi-dB re full scale (0 when it clipped).</summary>
        public int PeakCentiDb(int channel) { return _peakCentiDb[channel]; }

        /// <summary>The gain it was given, dB.</summary>
        public int GainDb(int channel) { return _gainDb[channel]; }

        /// <summary>Some input could not be fitted (or was not heard).</summary>
        public bool AnyUnfitted
        {
            get
            {
                for (int c = 0; c < Scene.Channels; c++)
                {
                    if (_outcome[c] != AutoGainOutcome.None && _outcome[c] != AutoGainOutcome.Fitted) return true;
                }
                return false;
            }
        }

        public void Clear()
        {
            for (int c = 0; c < Scene.Channels; c++) _outcome[c] = AutoGainOutcome.None;
        }

        public void Set(int channel, AutoGainOutcome outcome, int heardAtDb, int peakCentiDb, int gainDb)
        {
            _outcome[channel] = outcome;
            _heardAtDb[channel] = heardAtDb;
            _peakCentiDb[channel] = peakCentiDb;
            _gainDb[channel] = gainDb;
        }

        /// <summary>One line per input of the last run, e.g. "input 3: too hot: peaks -4.2 dBFS at 0 dB gain".</summary>
        public string Describe()
        {
            string text = "";
            for (int c = 0; c < Scene.Channels; c++)
            {
                if (_outcome[c] == AutoGainOutcome.None) continue;
                if (text.Length > 0) text += "\n";
                text += "input " + (c + 1).ToString() + ": " + Line(c);
            }
            return text.Length > 0 ? text : "auto-gain: nothing armed";
        }

        private string Line(int c)
        {
            string heard = "peaks " + Db(_peakCentiDb[c]) + " dBFS at " + _heardAtDb[c].ToString() + " dB gain";
            switch (_outcome[c])
            {
                case AutoGainOutcome.Fitted: return "gain " + _gainDb[c].ToString() + " dB (" + heard + ")";
                case AutoGainOutcome.TooHot: return "too hot: " + (_peakCentiDb[c] >= 0 ? "clips" : heard) + (_peakCentiDb[c] >= 0 ? " at 0 dB gain" : "") + "; turn the source down";
                case AutoGainOutcome.TooQuiet: return "too quiet: " + heard + "; gain " + _gainDb[c].ToString() + " dB";
                default: return "not heard: no signal at the input while the box listened";
            }
        }

        /// <summary>Centi-dB as dB with one decimal, e.g. -1234 as "-12.3" (rounded towards zero).</summary>
        private static string Db(int centiDb)
        {
            if (centiDb <= InputMeters.SilenceCentiDb) return "-inf";
            int tenths = centiDb / 10;
            string sign = tenths < 0 ? "-" : "";
            if (tenths < 0) tenths = -tenths;
            return sign + (tenths / 10).ToString() + "." + (tenths % 10).ToString();
        }
    }
}
