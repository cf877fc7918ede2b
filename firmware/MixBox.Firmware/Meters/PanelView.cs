using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// What the front panel's LEDs show, recomputed every control tick from the engine's
    /// meters: the two 12-segment bus meters with a peak-hold dot (peak, RMS or momentary
    /// loudness), signal (input above -40 dBFS, pre-fader) and clip (the input at the
    /// converter's full scale, held 1 s) per input, the 8-segment gain-reduction meter, and
    /// the status LEDs.
    /// </summary>
    public sealed class PanelView
    {
        /// <summary>Signal LED threshold: -40 dBFS.</summary>
        public const int SignalCentiDb = -4000;
        /// <summary>The store LED confirms a save for half a second.</summary>
        public const int StoreFlashTicks = 50;

        private readonly MeterBallistics[] _bus = { new MeterBallistics(), new MeterBallistics() };
        private readonly MeterBallistics[] _channel = new MeterBallistics[Scene.Channels];
        private readonly MeterBallistics[] _input = new MeterBallistics[Scene.Channels];
        private readonly SegmentLadder _busLadder = SegmentLadder.BusMeter();
        private readonly SegmentLadder _grLadder = SegmentLadder.GainReduction();
        private readonly LoudnessTargetView _target = new LoudnessTargetView();
        private int _tick;
        private int _storeTicksLeft;

        public PanelView()
        {
            for (int c = 0; c < Scene.Channels; c++)
            {
                _channel[c] = new MeterBallistics();
                _input[c] = new MeterBallistics();
            }
        }

        /// <summary>Set by the app: a part is missing or faulty (steady fault LED).</summary>
        public bool Degraded { get; set; }

        /// <summary>Set by the app: settings were unreadable and defaults are in use (fast-blinking fault LED).</summary>
        public bool SettingsWarning { get; set; }

        public void ConfirmStore() { _storeTicksLeft = StoreFlashTicks; }

        public MeterBallistics BusMeter(int side) { return _bus[side]; }

        /// <summary>The LUFS meter mode against the scene's delivery target (its ladders and TP-over LED).</summary>
        public LoudnessTargetView Target { get { return _target; } }

        /// <summary>The largest gain reduction of the last tick, centi-dB (what the GR ladder shows).</summary>
        public int GainReductionCentiDb { get; private set; }

        /// <summary>The output's loudness and true peak as read this tick (the panel page and the remote show it).</summary>
        public LoudnessReading Loudness { get; private set; }

        /// <summary>
        /// The de-esser's largest reduction of the last tick, centi-dB (0 when it is out). Its
        /// meter resets when read, so this view is its one reader; the bus page draws from here.
        /// </summary>
        public int DeEsserReductionCentiDb { get; private set; }

        /// <summary>A channel's level post-fader.</summary>
        public MeterBallistics ChannelMeter(int channel) { return _channel[channel]; }

        /// <summary>A channel's input level, pre-fader (what its signal and clip LEDs show).</summary>
        public MeterBallistics InputMeter(int channel) { return _input[channel]; }

        /// <summary>One 10 ms tick: reads the engine's bus meters, updates ballistics, draws into the panel's shadow.</summary>
        public void Tick(MixEngine engine, Scene scene, InputMeters channels, Ht16k33 panel)
        {
            _tick++;
            // With a delivery target the LUFS mode reads against it (LoudnessTargetView); without one, as before.
            TargetPreset target = scene.MeterMode == MeterMode.Loudness ? TargetPresets.ById(scene.Target) : null;
            UpdateBusMeters(engine, scene.MeterMode, target);
            for (int c = 0; c < Scene.Channels; c++)
            {
                _channel[c].Tick(channels.PostFaderPeak(c), channels.Clipped(c));
                _input[c].Tick(channels.PreFaderPeak(c), channels.Clipped(c));
                panel.SetLed(MixBoxS3Board.LedSignalFirst + c, _input[c].LevelCentiDb >= SignalCentiDb);
                panel.SetLed(MixBoxS3Board.LedClipFirst + c, _input[c].ClipLit);
            }
            if (target != null && target.HasLoudness)
            {
                _target.Draw(panel, target);
            }
            else
            {
                DrawLadder(panel, MixBoxS3Board.LedBusMeterLeftFirst, _busLadder, _bus[0]);
                DrawLadder(panel, MixBoxS3Board.LedBusMeterRightFirst, _busLadder, _bus[1]);
                if (target != null) _target.DrawTruePeakOver(panel); // a target without loudness (vinyl): momentary as before, and the TP-over LED
            }

            GainReductionCentiDb = engine.ReadGainReduction();
            DeEsserReductionCentiDb = engine.ReadDeEsserReduction();
            Loudness = engine.ReadLoudness();
            int lit = _grLadder.LitSegments(GainReductionCentiDb);
            for (int s = 0; s < MixBoxS3Board.GainReductionSegments; s++)
            {
                panel.SetLed(MixBoxS3Board.LedGainReductionFirst + s, s < lit);
            }

            panel.SetLed(MixBoxS3Board.LedCompressorIn, scene.CompressorIn);
            panel.SetLed(MixBoxS3Board.LedMeterMode, MeterModeLed(scene.MeterMode));
            if (_storeTicksLeft > 0) _storeTicksLeft--;
            panel.SetLed(MixBoxS3Board.LedStore, _storeTicksLeft > 0);
            panel.SetLed(MixBoxS3Board.LedFault, FaultLed());
        }

        private void UpdateBusMeters(MixEngine engine, int mode, TargetPreset target)
        {
            if (target == null) _target.Stop();
            if (mode == MeterMode.Loudness)
            {
                LoudnessReading loudness = engine.ReadLoudness();
                _bus[0].Tick(loudness.MomentaryCentiLufs, false);
                _bus[1].Tick(loudness.MomentaryCentiLufs, false);
                if (target != null)
                {
                    int left = engine.ReadMeter(MeterId.MainLeft).PeakCentiDb, right = engine.ReadMeter(MeterId.MainRight).PeakCentiDb;
                    _target.Tick(target, loudness, left > right ? left : right, engine.ReadTruePeak());
                }
                return;
            }
            for (int side = 0; side < 2; side++)
            {
                MeterReading r = engine.ReadMeter(side == 0 ? MeterId.MainLeft : MeterId.MainRight);
                _bus[side].Tick(mode == MeterMode.Rms ? r.RmsCentiDb : r.PeakCentiDb, r.Clipped);
            }
        }

        /// <summary>A ladder of LEDs for a meter: the bar and its peak-hold dot.</summary>
        public static void DrawLadder(Ht16k33 panel, int firstLed, SegmentLadder ladder, MeterBallistics meter)
        {
            int lit = ladder.LitSegments(meter.LevelCentiDb);
            int dot = ladder.HoldSegment(meter.HoldCentiDb);
            for (int s = 0; s < ladder.Segments; s++)
            {
                panel.SetLed(firstLed + s, s < lit || s == dot);
            }
        }

        // Peak: off, RMS: on, loudness: slow blink (1 Hz).
        private bool MeterModeLed(int mode)
        {
            if (mode == MeterMode.Peak) return false;
            if (mode == MeterMode.Rms) return true;
            return _tick % 100 < 50;
        }

        // Settings warning: fast blink (4 Hz); degraded hardware: steady; otherwise off.
        private bool FaultLed()
        {
            if (SettingsWarning) return _tick % 25 < 12;
            return Degraded;
        }
    }
}
