using MixBox.Boards;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// The ten knobs: reads each through its ADS7828, filters it, and reports a new travel
    /// only once the knob has picked up its value after a recall. A knob ADC that is not
    /// working leaves its knobs holding their last value.
    /// </summary>
    public sealed class KnobPanel
    {
        private readonly Ads7828[] _adcs;
        private readonly KnobFilter[] _filters = new KnobFilter[MixBoxS3Board.Knobs];
        private readonly SoftTakeover[] _takeover = new SoftTakeover[MixBoxS3Board.Knobs];
        private readonly bool[] _moved = new bool[MixBoxS3Board.Knobs];

        public KnobPanel(Ads7828 knobsA, Ads7828 knobsB)
        {
            _adcs = new Ads7828[] { knobsA, knobsB };
            for (int k = 0; k < MixBoxS3Board.Knobs; k++)
            {
                _filters[k] = new KnobFilter();
                _takeover[k] = new SoftTakeover();
            }
        }

        /// <summary>Reads every knob; afterwards <see cref="Moved"/> says which now set a new value.</summary>
        public void Scan()
        {
            for (int k = 0; k < MixBoxS3Board.Knobs; k++)
            {
                _moved[k] = false;
                Ads7828 adc = _adcs[MixBoxS3Board.KnobAdc(k)];
                int code;
                if (!adc.Health.IsOk || !adc.Read(MixBoxS3Board.KnobChannel(k), out code)) continue;
                if (_filters[k].Update(code)) _moved[k] = _takeover[k].Follow(_filters[k].Position);
            }
        }

        public bool Moved(int knob) { return _moved[knob]; }

        public int Travel(int knob) { return _filters[knob].Position; }

        public bool Engaged(int knob) { return _takeover[knob].Engaged; }

        /// <summary>
        /// Its ADC is back after a dropout: the knob starts afresh from its next reading and
        /// takes over once it reaches <paramref name="travel"/>, wherever it was turned meanwhile.
        /// </summary>
        public void Reacquire(int knob, int travel)
        {
            _filters[knob].Restart();
            _takeover[knob].Reacquire(travel);
        }

        /// <summary>After a recall: the knob takes over once it reaches <paramref name="travel"/>.</summary>
        public void Recall(int knob, int travel)
        {
            _takeover[knob].Recall(travel, _filters[knob].Position);
        }
    }
}
