using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// The box as a user meets it, identical on the device and in the host twin:
    /// <see cref="Boot"/> brings up every part (degraded where one is missing), restores
    /// the scene into the engine, and <see cref="Tick"/> runs the 100 Hz control loop:
    /// parts kept under watch (and brought back when they return), knobs, keys, LED
    /// meters. The audio itself runs elsewhere (native task or twin), through the same
    /// <see cref="MixEngine"/>.
    /// </summary>
    public sealed class MixBoxApp
    {
        public const int TicksPerSecond = 100;

        private readonly MixEngine _engine;
        private readonly BoardBringUp _bringUp;
        private readonly SettingsStore _store;
        private readonly ChannelMutes _mutes;
        private readonly PanelView _view = new PanelView();
        private readonly SelfTest _selfTest;
        private bool _storeHeldForCombination;
        private int _tick;
        private KnobPanel _knobs;
        private BringUpReport _hardware;
        private PartSupervisor _supervisor;
        private Scene _scene;

        /// <param name="lines">The board's output lines (the ADCs' shutdown lines).</param>
        /// <param name="loopback">The audio side's loopback self-test (null: the box has none).</param>
        public MixBoxApp(II2cBus bus, IOutputLines lines, IDelay delay, ISettingsStorage storage, MixEngine engine, ILoopbackTest loopback)
        {
            _engine = engine;
            _selfTest = new SelfTest(loopback);
            _bringUp = new BoardBringUp(bus, lines, delay, RetryPolicy.Default, MixBoxS3Board.CreateBusPlan());
            _store = new SettingsStore(storage);
            _mutes = new ChannelMutes(engine);
        }

        /// <summary>The mix as it stands (what Store saves).</summary>
        public Scene Scene { get { return _scene; } }

        public ChannelMutes Mutes { get { return _mutes; } }

        public PanelView View { get { return _view; } }

        /// <summary>The loopback self-test (hold Store, press Meter mode) and its last result.</summary>
        public SelfTest SelfTest { get { return _selfTest; } }

        public BootReport Boot()
        {
            _hardware = _bringUp.Run();
            _supervisor = new PartSupervisor(_bringUp, _hardware);
            _mutes.ApplyBringUp(_hardware);
            _scene = _store.Load();
            SceneApplier.Apply(_scene, _engine, _mutes);

            _knobs = new KnobPanel(_bringUp.KnobsA, _bringUp.KnobsB);
            _knobs.Scan(); // where the knobs rest now...
            RecallKnobs(); // ...and they pick up the restored scene from there

            BootReport report = new BootReport(_hardware, _store.Outcome);
            _view.Degraded = !_hardware.AllOk;
            _view.SettingsWarning = report.SettingsWarning;
            return report;
        }

        /// <summary>One control tick (every 10 ms).</summary>
        public void Tick()
        {
            _tick++;
            _selfTest.Tick();
            if (_supervisor.Tick()) HardwareChanged();
            _knobs.Scan();
            ApplyKnobs();
            Ht16k33 panel = _bringUp.Panel;
            if (!panel.Health.IsOk) return; // degraded: no keys, no LEDs; audio goes on
            if (panel.ScanKeys()) ApplyKeys(panel.Keys);
            if (_selfTest.OnPanel) SelfTestView.Draw(_selfTest, _tick, panel);
            else _view.Tick(_engine, _scene, panel);
            panel.Flush();
        }

        /// <summary>A part dropped out or came back: inputs follow their ADC, the fault LED the whole board.</summary>
        private void HardwareChanged()
        {
            _mutes.ApplyBringUp(_hardware);
            _view.Degraded = !_hardware.AllOk;
            // Knobs turned while their ADC was away must pick the scene's values up again, not jump.
            for (int knob = 0; knob < MixBoxS3Board.Knobs; knob++)
            {
                int adcPart = MixBoxS3Board.KnobAdc(knob) == 0 ? BringUpReport.KnobsAPart : BringUpReport.KnobsBPart;
                if (_supervisor.CameBack(adcPart)) _knobs.Reacquire(knob, SceneTravel(knob));
            }
        }

        /// <summary>Replaces the mix with a stored or given scene; knobs must pick their values up.</summary>
        public void Recall(Scene scene)
        {
            _scene = scene.Clone();
            SceneApplier.Apply(_scene, _engine, _mutes);
            RecallKnobs();
        }

        private void RecallKnobs()
        {
            for (int knob = 0; knob < MixBoxS3Board.Knobs; knob++) _knobs.Recall(knob, SceneTravel(knob));
        }

        /// <summary>Where knob <paramref name="knob"/> would stand for the scene's value.</summary>
        private int SceneTravel(int knob)
        {
            if (knob == MixBoxS3Board.KnobMaster) return FaderLaw.TravelFromCentiDb(_scene.MainFaderCentiDb);
            if (knob == MixBoxS3Board.KnobCompressorAmount) return CompressorAmount.TravelFromThreshold(_scene.CompThresholdCentiDb);
            return FaderLaw.TravelFromCentiDb(_scene.FaderCentiDb[knob]);
        }

        private void ApplyKnobs()
        {
            for (int c = 0; c < Scene.Channels; c++)
            {
                if (!_knobs.Moved(c)) continue;
                _scene.FaderCentiDb[c] = FaderLaw.CentiDbFromTravel(_knobs.Travel(c));
                _engine.SetChannelFader(c, _scene.FaderCentiDb[c]);
            }
            if (_knobs.Moved(MixBoxS3Board.KnobMaster))
            {
                _scene.MainFaderCentiDb = FaderLaw.CentiDbFromTravel(_knobs.Travel(MixBoxS3Board.KnobMaster));
                _engine.SetMainFader(_scene.MainFaderCentiDb);
            }
            if (_knobs.Moved(MixBoxS3Board.KnobCompressorAmount))
            {
                _scene.CompThresholdCentiDb = CompressorAmount.ThresholdFromTravel(_knobs.Travel(MixBoxS3Board.KnobCompressorAmount));
                _engine.Set(EngineParam.CompThresholdCentiDb, 0, _scene.CompThresholdCentiDb);
            }
        }

        private void ApplyKeys(KeyDebouncer keys)
        {
            for (int c = 0; c < Scene.Channels; c++)
            {
                if (keys.WasPressed(MixBoxS3Board.KeyMuteFirst + c))
                {
                    _scene.Mute[c] = !_scene.Mute[c];
                    _mutes.SetUserMute(c, _scene.Mute[c]);
                }
                if (keys.WasPressed(MixBoxS3Board.KeySoloFirst + c))
                {
                    _scene.Solo[c] = !_scene.Solo[c];
                    _engine.SetChannelSolo(c, _scene.Solo[c]);
                }
            }
            if (keys.WasPressed(MixBoxS3Board.KeyCompressorIn))
            {
                _scene.CompressorIn = !_scene.CompressorIn;
                _engine.SetCompressorBypass(!_scene.CompressorIn);
            }
            // Store is also a modifier: Store held + Meter mode starts the self-test, and
            // Store then saves nothing. So Store saves when released, not when pressed.
            if (keys.WasPressed(MixBoxS3Board.KeyMeterMode))
            {
                if (keys.IsDown(MixBoxS3Board.KeyStore))
                {
                    _storeHeldForCombination = true;
                    _selfTest.Start();
                }
                else
                {
                    _scene.MeterMode = (_scene.MeterMode + 1) % MeterMode.Count;
                }
            }
            if (keys.WasReleased(MixBoxS3Board.KeyStore))
            {
                bool save = !_storeHeldForCombination;
                _storeHeldForCombination = false;
                if (save && _store.Save(_scene))
                {
                    _view.ConfirmStore();
                    _view.SettingsWarning = false;
                }
            }
        }
    }
}
