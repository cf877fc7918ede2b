using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>
    /// The panel's changes to the mix: each one is made in the scene and pushed to where it
    /// acts (engine, channel mutes, analogue inputs), and a stereo-linked pair changes as one
    /// (<see cref="StereoLink"/>): either side's mute or solo key acts on both, the left
    /// side's knob sets both levels, the right side's the balance.
    /// </summary>
    public sealed class SceneEditor
    {
        private readonly MixEngine _engine;
        private readonly ChannelMutes _mutes;
        private readonly AnalogInputs _inputs;

        public SceneEditor(MixEngine engine, ChannelMutes mutes, AnalogInputs inputs)
        {
            _engine = engine;
            _mutes = mutes;
            _inputs = inputs;
        }

        /// <summary>The scene being edited (the app's current one).</summary>
        public Scene Scene { get; set; }

        /// <summary>A channel's level; for a linked pair, the pair's (both sides).</summary>
        public void SetLevel(int channel, int centiDb)
        {
            Scene.FaderCentiDb[channel] = centiDb;
            if (StereoLink.IsLinked(Scene, channel)) Scene.FaderCentiDb[StereoLink.Partner(channel)] = centiDb;
            ApplyLevels(channel);
        }

        /// <summary>A linked pair's balance (<see cref="BalanceLaw"/>).</summary>
        public void SetBalance(int pair, int balance)
        {
            Scene.Balance[pair] = balance;
            ApplyLevels(StereoLink.LeftOf(pair));
        }

        public void ToggleMute(int channel)
        {
            bool muted = !Scene.Mute[channel];
            SetMute(channel, muted);
            if (StereoLink.IsLinked(Scene, channel)) SetMute(StereoLink.Partner(channel), muted);
        }

        public void ToggleSolo(int channel)
        {
            bool soloed = !Scene.Solo[channel];
            SetSolo(channel, soloed);
            if (StereoLink.IsLinked(Scene, channel)) SetSolo(StereoLink.Partner(channel), soloed);
        }

        /// <summary>Sets a mute to a state (the remote's form of the key; a linked pair: both).</summary>
        public void SetMuted(int channel, bool muted)
        {
            if (Scene.Mute[channel] != muted) ToggleMute(channel);
        }

        /// <summary>A channel's pan (ignored by the engine while the pair is linked: hard left/right).</summary>
        public void SetPan(int channel, int pan)
        {
            Scene.Pan[channel] = pan;
            ApplyLevels(channel);
        }

        /// <summary>-1: straight to main; 0 or 1: through that sub-bus (a linked pair: both).</summary>
        public void SetSubBus(int channel, int subBus)
        {
            Scene.SubBus[channel] = subBus;
            if (StereoLink.IsLinked(Scene, channel)) Scene.SubBus[StereoLink.Partner(channel)] = subBus;
            _engine.SetChannelRoute(channel, subBus == EngineLimits.NoSubBus, subBus);
            if (StereoLink.IsLinked(Scene, channel)) _engine.SetChannelRoute(StereoLink.Partner(channel), subBus == EngineLimits.NoSubBus, subBus);
        }

        public void SetSubLevel(int bus, int centiDb)
        {
            Scene.SubFaderCentiDb[bus] = centiDb;
            _engine.SetSubFader(bus, centiDb);
        }

        public void SetSubMute(int bus, bool muted)
        {
            Scene.SubMute[bus] = muted;
            _engine.SetSubMute(bus, muted);
        }

        public void SetMainLevel(int centiDb)
        {
            Scene.MainFaderCentiDb = centiDb;
            _engine.SetMainFader(centiDb);
        }

        public void SetCompressorIn(bool active)
        {
            Scene.CompressorIn = active;
            _engine.SetCompressorBypass(!active);
        }

        public void SetCompThreshold(int centiDb)
        {
            Scene.CompThresholdCentiDb = centiDb;
            _engine.Set(EngineParam.CompThresholdCentiDb, 0, centiDb);
        }

        public void SetCompRatio(int ratioX100)
        {
            Scene.CompRatioX100 = ratioX100;
            _engine.Set(EngineParam.CompRatioX100, 0, ratioX100);
        }

        /// <summary>The delivery target (<see cref="TargetPresets"/>' id): the LUFS meter mode's reference; nothing in the engine.</summary>
        public void SetTarget(int targetId)
        {
            Scene.Target = targetId;
        }

        /// <summary>The parallel mix: 100 % compressed … 0 % dry.</summary>
        public void SetCompMix(int percent)
        {
            Scene.CompMixPercent = percent;
            _engine.Set(EngineParam.CompMixPercent, 0, percent);
        }

        /// <summary>An input's analogue gain, 0..42 dB (a linked pair: both), changed without a click.</summary>
        public void SetInputGain(int channel, int db)
        {
            if (db < 0) db = 0;
            if (db > InputGain.MaxDb) db = InputGain.MaxDb;
            SetInput(channel, db, Scene.Instrument[channel]);
        }

        /// <summary>Line to instrument (impedance up, gain up a fixed step) and back.</summary>
        public void ToggleInstrument(int channel)
        {
            bool instrument = !Scene.Instrument[channel];
            int step = instrument ? InputGain.InstrumentStepDb : -InputGain.InstrumentStepDb;
            int db = Scene.InputGainDb[channel] + step;
            if (db < 0) db = 0;
            if (db > InputGain.MaxDb) db = InputGain.MaxDb;
            SetInput(channel, db, instrument);
        }

        /// <summary>Links or unlinks the pair of <paramref name="channel"/>.</summary>
        public void ToggleLink(int channel)
        {
            int pair = StereoLink.Pair(channel);
            if (Scene.Linked[pair]) StereoLink.Unlink(Scene, pair);
            else StereoLink.Link(Scene, pair);
            int left = StereoLink.LeftOf(pair);
            for (int c = left; c <= left + 1; c++)
            {
                SceneApplier.ApplyChannel(Scene, _engine, _mutes, c);
                _inputs.Request(c, Scene.InputGainDb[c], Scene.Instrument[c]);
            }
        }

        private void SetInput(int channel, int db, bool instrument)
        {
            int last = StereoLink.IsLinked(Scene, channel) ? StereoLink.Partner(channel) : channel;
            SetInputOf(channel, db, instrument);
            if (last != channel) SetInputOf(last, db, instrument);
        }

        private void SetInputOf(int c, int db, bool instrument)
        {
            Scene.InputGainDb[c] = db;
            Scene.Instrument[c] = instrument;
            _inputs.Request(c, db, instrument);
        }

        private void SetMute(int c, bool muted)
        {
            Scene.Mute[c] = muted;
            _mutes.SetUserMute(c, muted);
        }

        private void SetSolo(int c, bool soloed)
        {
            Scene.Solo[c] = soloed;
            _engine.SetChannelSolo(c, soloed);
        }

        private void ApplyLevels(int channel)
        {
            SceneApplier.ApplyLevel(Scene, _engine, channel);
            if (StereoLink.IsLinked(Scene, channel)) SceneApplier.ApplyLevel(Scene, _engine, StereoLink.Partner(channel));
        }
    }
}
