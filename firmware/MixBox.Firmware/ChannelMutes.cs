using MixBox.Dsp;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// A channel is muted in the engine while the user has muted it, while its input
    /// converter is not working, or while its analogue gain is being changed (the engine's
    /// 5 ms ramp takes it down and back, so the step never clicks). Kept apart so that
    /// pressing a channel's mute key can never un-mute an input whose ADC failed at
    /// bring-up (it would carry noise or a stale level), and so the user's choice survives
    /// the fault being cleared and the gain change.
    /// </summary>
    public sealed class ChannelMutes
    {
        private readonly MixEngine _engine;
        private readonly bool[] _userMuted;
        private readonly bool[] _inputFaulty;
        private readonly bool[] _gainChanging;

        public ChannelMutes(MixEngine engine)
        {
            _engine = engine;
            _userMuted = new bool[engine.Channels];
            _inputFaulty = new bool[engine.Channels];
            _gainChanging = new bool[engine.Channels];
        }

        /// <summary>Marks every input the bring-up could not deliver as faulty; returns how many.</summary>
        public int ApplyBringUp(BringUpReport report)
        {
            int faulty = 0;
            for (int channel = 0; channel < _inputFaulty.Length; channel++)
            {
                bool available = channel < BringUpReport.Inputs && report.InputAvailable(channel);
                _inputFaulty[channel] = !available;
                if (!available) faulty++;
                Push(channel);
            }
            return faulty;
        }

        public void SetUserMute(int channel, bool muted)
        {
            _userMuted[channel] = muted;
            Push(channel);
        }

        /// <summary>Held muted while its analogue gain steps (Inputs/GainStepper).</summary>
        public void SetGainChanging(int channel, bool changing)
        {
            _gainChanging[channel] = changing;
            Push(channel);
        }

        public bool IsUserMuted(int channel) { return _userMuted[channel]; }

        public bool IsInputFaulty(int channel) { return _inputFaulty[channel]; }

        public bool IsGainChanging(int channel) { return _gainChanging[channel]; }

        public bool IsMuted(int channel) { return _userMuted[channel] || _inputFaulty[channel] || _gainChanging[channel]; }

        private void Push(int channel)
        {
            _engine.SetChannelMute(channel, IsMuted(channel));
        }
    }
}
