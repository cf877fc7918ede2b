using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>
    /// The channel meters, read from the engine once per control tick (a read resets them) for
    /// everything that shows or uses them: post-fader peak, the input clip flag, and the
    /// pre-fader (input) peak. The engine measures each channel at its input but reports it
    /// post-fader (input + trim + fader, in dB), and as silence while the channel does not
    /// sound (muted, fader off, or another channel soloed); its clip flag is the input's
    /// whatever the fader. So the pre-fader peak is the reading less the channel's trim and
    /// fader while the channel sounds, and not known while it does not (<see cref="Heard"/> is
    /// false): the engine has no pre-fader reading to offer then.
    /// </summary>
    public sealed class InputMeters
    {
        public const int SilenceCentiDb = EngineLimits.MeterSilenceCentiDb;

        private readonly int[] _postFader = new int[Scene.Channels];
        private readonly int[] _preFader = new int[Scene.Channels];
        private readonly bool[] _heard = new bool[Scene.Channels];
        private readonly bool[] _clipped = new bool[Scene.Channels];

        public InputMeters()
        {
            for (int c = 0; c < Scene.Channels; c++)
            {
                _postFader[c] = SilenceCentiDb;
                _preFader[c] = SilenceCentiDb;
            }
        }

        /// <summary>Reads every channel meter (once per tick).</summary>
        public void Read(MixEngine engine)
        {
            bool anySolo = false;
            for (int c = 0; c < Scene.Channels; c++) anySolo |= engine.Get(EngineParam.ChannelSolo, c) != 0;
            for (int c = 0; c < Scene.Channels; c++)
            {
                MeterReading r = engine.ReadMeter(MeterId.Channel(c));
                int fader = engine.Get(EngineParam.ChannelFaderCentiDb, c);
                bool sounds = engine.Get(EngineParam.ChannelMute, c) == 0
                    && fader > EngineLimits.FaderOffCentiDb
                    && (!anySolo || engine.Get(EngineParam.ChannelSolo, c) != 0);
                _postFader[c] = r.PeakCentiDb;
                _clipped[c] = r.Clipped;
                _heard[c] = sounds;
                _preFader[c] = sounds && r.PeakCentiDb > SilenceCentiDb
                    ? r.PeakCentiDb - fader - engine.Get(EngineParam.ChannelTrimCentiDb, c)
                    : SilenceCentiDb;
            }
        }

        /// <summary>Peak since the previous tick, post-fader, centi-dB re full scale.</summary>
        public int PostFaderPeak(int channel) { return _postFader[channel]; }

        /// <summary>Peak since the previous tick at the input (after the ADC's analogue gain), centi-dB re full scale; silence when not <see cref="Heard"/>.</summary>
        public int PreFaderPeak(int channel) { return _preFader[channel]; }

        /// <summary>The channel sounded in the last tick, so its pre-fader peak is known.</summary>
        public bool Heard(int channel) { return _heard[channel]; }

        /// <summary>The input reached the converter's full-scale code in the last tick (known whatever the fader).</summary>
        public bool Clipped(int channel) { return _clipped[channel]; }
    }
}
