namespace MixBox.Hal
{
    /// <summary>
    /// What bring-up found, for the firmware to act on: whether audio can start, which
    /// inputs must stay muted because their ADC is not working, and whether the panel and
    /// knobs are there. Engine-agnostic on purpose.
    /// </summary>
    public sealed class BringUpReport
    {
        public const int Inputs = 2 * Tlv320Adc6140.Channels;
        /// <summary>Part indices, as <see cref="Part"/> numbers them.</summary>
        public const int DacPart = 0, AdcAPart = 1, AdcBPart = 2, PanelPart = 3, KnobsAPart = 4, KnobsBPart = 5;

        private readonly PartHealth[] _parts;

        public BringUpReport(PartHealth dac, PartHealth adcA, PartHealth adcB, PartHealth panel, PartHealth knobsA, PartHealth knobsB)
        {
            Dac = dac;
            AdcA = adcA;
            AdcB = adcB;
            Panel = panel;
            KnobsA = knobsA;
            KnobsB = knobsB;
            _parts = new PartHealth[] { dac, adcA, adcB, panel, knobsA, knobsB };
        }

        public PartHealth Dac { get; private set; }
        public PartHealth AdcA { get; private set; }
        public PartHealth AdcB { get; private set; }
        public PartHealth Panel { get; private set; }
        public PartHealth KnobsA { get; private set; }
        public PartHealth KnobsB { get; private set; }

        /// <summary>Audio can run as long as the DAC is up; missing inputs are only muted.</summary>
        public bool AudioCanStart { get { return Dac.IsOk; } }

        public bool PanelPresent { get { return Panel.IsOk; } }

        /// <summary>Input 0..7 is usable; otherwise the firmware keeps that channel muted.</summary>
        public bool InputAvailable(int input)
        {
            return input < Tlv320Adc6140.Channels ? AdcA.IsOk : AdcB.IsOk;
        }

        public int UnavailableInputCount
        {
            get
            {
                int count = 0;
                for (int i = 0; i < Inputs; i++)
                {
                    if (!InputAvailable(i)) count++;
                }
                return count;
            }
        }

        public bool AllOk
        {
            get
            {
                for (int i = 0; i < _parts.Length; i++)
                {
                    if (!_parts[i].IsOk) return false;
                }
                return true;
            }
        }

        public int PartCount { get { return _parts.Length; } }

        public PartHealth Part(int index) { return _parts[index]; }

        /// <summary>One line per part that is not ok, plus what the box does about it; "all parts ok" otherwise.</summary>
        public string Describe()
        {
            if (AllOk)
            {
                return "all parts ok";
            }
            string text = string.Empty;
            for (int i = 0; i < _parts.Length; i++)
            {
                if (!_parts[i].IsOk)
                {
                    text += _parts[i].Describe() + Consequence(_parts[i]) + "\n";
                }
            }
            return text;
        }

        private string Consequence(PartHealth part)
        {
            if (part == Dac) return "; no audio output";
            if (part == AdcA) return "; inputs 1-4 muted";
            if (part == AdcB) return "; inputs 5-8 muted";
            if (part == Panel) return "; no LEDs or keys";
            return "; its knobs hold their last value";
        }
    }
}
