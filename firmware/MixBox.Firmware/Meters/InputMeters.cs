using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>
    /// The channel meters, read from the engine once per control tick (a read resets them) for
    /// everything that shows or uses them: the post-fader peak (input + trim + fader, silence
    /// while the channel does not sound) and the engine's pre-fader meter of each input: the
    /// ADC sample, after the converter's analogue gain and before digital trim, fader and
    /// mute, as a console's input meter shows it. The signal and clip LEDs, the input page and
    /// auto-gain use the pre-fader reading, so they see the input whatever the fader or mute.
    /// </summary>
    public sealed class InputMeters
    {
        public const int SilenceCentiDb = EngineLimits.MeterSilenceCentiDb;

        private readonly int[] _postFader = new int[Scene.Channels];
        private readonly int[] _preFader = new int[Scene.Channels];
        private readonly bool[] _clipped = new bool[Scene.Channels];

        public InputMeters()
        {
            for (int c = 0; c < Scene.Channels; c++)
            {
                _postFader[c] = SilenceCentiDb;
                _preFader[c] = SilenceCentiDb;
            }
        }

        /// <summary>Reads every channel's two meters (once per tick).</summary>
        public void Read(MixEngine engine)
        {
            for (int c = 0; c < Scene.Channels; c++)
            {
                _postFader[c] = engine.ReadMeter(MeterId.Channel(c)).PeakCentiDb;
                MeterReading input = engine.ReadMeter(MeterId.Input(c));
                _preFader[c] = input.PeakCentiDb;
                _clipped[c] = input.Clipped;
            }
        }

        /// <summary>Peak since the previous tick, post-fader, centi-dB re full scale.</summary>
        public int PostFaderPeak(int channel) { return _postFader[channel]; }

        /// <summary>Peak since the previous tick at the input (after the ADC's analogue gain, before trim, fader and mute), centi-dB re full scale.</summary>
        public int PreFaderPeak(int channel) { return _preFader[channel]; }

        /// <summary>The input carried a signal in the last tick (anything above digital silence), muted or not.</summary>
        public bool Heard(int channel) { return _preFader[channel] > SilenceCentiDb; }

        /// <summary>The input reached the converter's full-scale code in the last tick (known whatever the fader).</summary>
        public bool Clipped(int channel) { return _clipped[channel]; }
    }
}
