using MixBox.Boards;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// The analogue side of the eight inputs: each channel's gain and line/instrument
    /// impedance on its TLV320ADC6140 (inputs 1-4 on ADC A, 5-8 on ADC B), changed without a
    /// click. The part steps its gain at once (its own soft-stepping covers only the digital
    /// volume and mute: SBAS992A, DSP_CFG1 DISABLE_SOFT_STEP), and the datasheet wants the gain
    /// set before the channel powers up; so a sounding channel is first muted through the
    /// engine's 5 ms ramp, the registers are written one tick later (the ramp has ended), the
    /// channel stays muted <see cref="SettleTicks"/> ticks more while the part's decimation and
    /// high-pass filters settle to the new level, then the ramp brings it back. Requests that
    /// arrive meanwhile (a knob still turning) are written at once and restart the settling, so
    /// a turning knob costs one dip, not one per step. A channel that is silent anyway (muted,
    /// its ADC away) is written at once. The drivers keep each channel's set-up and write it
    /// again before power-up whenever their part is brought up.
    /// </summary>
    public sealed class AnalogInputs
    {
        /// <summary>
        /// Ticks (10 ms) the channel stays muted after the write: the decimation filter takes
        /// 4.1 samples, and an offset step left by the gain change decays through the part's
        /// default 12 Hz high-pass (time constant 13 ms) to a fifth in 20 ms. A bench figure to
        /// confirm on the board.
        /// </summary>
        public const int SettleTicks = 2;
        private const int Idle = 0, Muting = 1, Settling = 2;

        private readonly Tlv320Adc6140 _adcA;
        private readonly Tlv320Adc6140 _adcB;
        private readonly ChannelMutes _mutes;
        private readonly int[] _state = new int[Scene.Channels];
        private readonly int[] _ticksLeft = new int[Scene.Channels];
        private readonly int[] _gainDb = new int[Scene.Channels];
        private readonly bool[] _instrument = new bool[Scene.Channels];

        public AnalogInputs(Tlv320Adc6140 adcA, Tlv320Adc6140 adcB, ChannelMutes mutes)
        {
            _adcA = adcA;
            _adcB = adcB;
            _mutes = mutes;
        }

        /// <summary>Before bring-up: the set-up each input starts with (written before its ADC powers up).</summary>
        public void Preset(Scene s)
        {
            for (int c = 0; c < Scene.Channels; c++)
            {
                _gainDb[c] = s.InputGainDb[c];
                _instrument[c] = s.Instrument[c];
                Adc(c).PresetInput(AdcChannel(c), _gainDb[c], _instrument[c]);
            }
        }

        /// <summary>Asks for a channel's gain and impedance; the change happens over the next ticks.</summary>
        public void Request(int c, int gainDb, bool instrument)
        {
            _gainDb[c] = gainDb;
            _instrument[c] = instrument;
            if (_state[c] == Settling)
            {
                Write(c);
                _ticksLeft[c] = SettleTicks;
                return;
            }
            if (_state[c] == Muting || Applied(c)) return;
            if (_mutes.IsMuted(c))
            {
                Write(c); // nothing sounds: nothing to hide
                return;
            }
            _mutes.SetGainChanging(c, true);
            _state[c] = Muting;
        }

        /// <summary>Call at the start of every control tick, before anything can request a change.</summary>
        public void Tick()
        {
            for (int c = 0; c < Scene.Channels; c++)
            {
                if (_state[c] == Muting)
                {
                    Write(c);
                    _state[c] = Settling;
                    _ticksLeft[c] = SettleTicks;
                }
                else if (_state[c] == Settling && --_ticksLeft[c] <= 0)
                {
                    _state[c] = Idle;
                    _mutes.SetGainChanging(c, false);
                }
            }
        }

        /// <summary>A change of this channel is under way (it is muted for it).</summary>
        public bool Changing(int c) { return _state[c] != Idle; }

        /// <summary>The gain the channel's ADC has now (or gets at its next bring-up), dB.</summary>
        public int AppliedGainDb(int c) { return Adc(c).AnalogGainDb(AdcChannel(c)); }

        private bool Applied(int c)
        {
            Tlv320Adc6140 adc = Adc(c);
            int ch = AdcChannel(c);
            return adc.AnalogGainDb(ch) == _gainDb[c] && adc.HighImpedance(ch) == _instrument[c];
        }

        private void Write(int c)
        {
            Tlv320Adc6140 adc = Adc(c);
            int ch = AdcChannel(c);
            if (adc.HighImpedance(ch) != _instrument[c]) adc.SetHighImpedance(ch, _instrument[c]);
            if (adc.AnalogGainDb(ch) != _gainDb[c]) adc.SetAnalogGainDb(ch, _gainDb[c]);
        }

        private Tlv320Adc6140 Adc(int c) { return c < MixBoxS3Board.AdcBFirstChannel ? _adcA : _adcB; }

        private static int AdcChannel(int c) { return c < MixBoxS3Board.AdcBFirstChannel ? c : c - MixBoxS3Board.AdcBFirstChannel; }
    }
}
