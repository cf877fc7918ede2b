using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// The box as a user meets it, identical on the device and in the host twin:
    /// <see cref="Boot"/> brings up every part (degraded where one is missing), restores
    /// the scene into the engine and the inputs' analogue set-up into the ADCs, and
    /// <see cref="Tick"/> runs the 100 Hz control loop: parts kept under watch (and brought
    /// back when they return), click-free input gain changes, knobs, keys (the panel map is
    /// in docs/FIRMWARE.md), auto-gain, LED meters. The audio itself runs elsewhere (native
    /// task or twin), through the same <see cref="MixEngine"/>.
    /// </summary>
    public sealed class MixBoxApp
    {
        public const int TicksPerSecond = 100;

        private readonly MixEngine _engine;
        private readonly BoardBringUp _bringUp;
        private readonly SettingsStore _store;
        private readonly RemoteSettingsStore _remoteStore;
        private RemoteSettings _remoteSettings = RemoteSettings.DeviceDefaults();
        private OscRemote _remote;
        private readonly ChannelMutes _mutes;
        private readonly AnalogInputs _inputs;
        private readonly SceneEditor _editor;
        private readonly InputMeters _meters = new InputMeters();
        private readonly AutoGain _autoGain = new AutoGain();
        private readonly InputPage _inputPage = new InputPage();
        private readonly PanelView _view = new PanelView();
        private readonly InputPageView _inputPageView = new InputPageView();
        private readonly AutoGainView _autoGainView = new AutoGainView();
        private readonly BusPage _busPage = new BusPage();
        private readonly BusPageView _busPageView = new BusPageView();
        private readonly ToolkitWriter _toolkit;
        private readonly SelfTest _selfTest;
        private readonly SceneMemories _memories;
        private readonly RecallSafes _safes = new RecallSafes();
        private readonly AbCompare _ab = new AbCompare();
        private readonly StorePage _storePage = new StorePage();
        private Scene _beforeRecall;
        private int _currentMemory = -1;
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
            _remoteStore = new RemoteSettingsStore(storage);
            _memories = new SceneMemories(storage);
            _mutes = new ChannelMutes(engine);
            _inputs = new AnalogInputs(_bringUp.AdcA, _bringUp.AdcB, _mutes);
            _editor = new SceneEditor(engine, _mutes, _inputs);
            _toolkit = new ToolkitWriter(engine);
        }

        /// <summary>The panel's way of changing the mix; the remote goes through it too.</summary>
        public SceneEditor Editor { get { return _editor; } }

        /// <summary>
        /// An OSC remote served each tick after the knobs (null: none). Attach one only when
        /// <see cref="RemoteSettings"/> says it is enabled; it takes the stored read-only setting.
        /// </summary>
        public OscRemote Remote
        {
            get { return _remote; }
            set
            {
                _remote = value;
                if (_remote != null) _remote.ReadOnly = _remoteSettings.ReadOnly;
            }
        }

        /// <summary>What applies when no remote settings are stored; set before <see cref="Boot"/> (the device's: off).</summary>
        public RemoteSettings RemoteDefaults { get; set; }

        /// <summary>The remote settings as loaded at boot or last changed (the device opens its socket at boot when enabled).</summary>
        public RemoteSettings RemoteSettings { get { return _remoteSettings; } }

        /// <summary>
        /// Stores new remote settings; read-only applies at once to an attached remote, enabling or
        /// disabling at the next boot (when the device opens its socket or not). False if not stored.
        /// </summary>
        public bool SetRemoteSettings(RemoteSettings settings)
        {
            if (!_remoteStore.Save(settings)) return false;
            _remoteSettings = settings;
            if (_remote != null) _remote.ReadOnly = settings.ReadOnly;
            return true;
        }

        /// <summary>
        /// The value knob <paramref name="knob"/> controls was changed elsewhere (the remote):
        /// the knob must pick it up before it takes over again, as after a recall.
        /// </summary>
        public void KnobValueChangedElsewhere(int knob)
        {
            _knobs.Recall(knob, SceneTravel(_scene, knob));
        }

        /// <summary>The mix as it stands (what Store saves).</summary>
        public Scene Scene { get { return _scene; } }

        public ChannelMutes Mutes { get { return _mutes; } }

        public PanelView View { get { return _view; } }

        /// <summary>The channel meters as read this tick, pre- and post-fader.</summary>
        public InputMeters Meters { get { return _meters; } }

        /// <summary>The inputs' analogue set-up (gain, impedance) on the ADCs.</summary>
        public AnalogInputs Inputs { get { return _inputs; } }

        /// <summary>Auto-gain (arm with Meter mode held + Solo n) and its last report.</summary>
        public AutoGain AutoGain { get { return _autoGain; } }

        /// <summary>The input page (Meter mode held).</summary>
        public InputPage InputPage { get { return _inputPage; } }

        /// <summary>The bus page (Compressor in held).</summary>
        public BusPage BusPage { get { return _busPage; } }

        /// <summary>The bus page's coalesced writes of the toolkit's parameters.</summary>
        public ToolkitWriter ToolkitWriter { get { return _toolkit; } }

        /// <summary>The knobs as the app reads them (position, pick-up state).</summary>
        public KnobPanel Knobs { get { return _knobs; } }

        /// <summary>The loopback self-test (hold Store, press Meter mode) and its last result.</summary>
        public SelfTest SelfTest { get { return _selfTest; } }

        /// <summary>The 16 scene memories (store page: Store held + Mute/Solo n).</summary>
        public SceneMemories Memories { get { return _memories; } }

        /// <summary>What a recall leaves alone (store page: Mute n + Solo n; Compressor in held).</summary>
        public RecallSafes Safes { get { return _safes; } }

        /// <summary>The A/B compare slot (<see cref="ToggleAb"/>).</summary>
        public AbCompare Ab { get { return _ab; } }

        /// <summary>The store page (Store held).</summary>
        public StorePage StorePage { get { return _storePage; } }

        /// <summary>The memory (0-based) last stored or recalled; -1: none since power-on.</summary>
        public int CurrentMemory { get { return _currentMemory; } }

        public BootReport Boot()
        {
            // The scene first: each input's analogue gain must be in place before its ADC powers up.
            _scene = _store.Load();
            _memories.Load();
            _remoteSettings = _remoteStore.Load(RemoteDefaults != null ? RemoteDefaults : RemoteSettings.DeviceDefaults());
            StereoLink.Normalise(_scene);
            _editor.Scene = _scene;
            _inputs.Preset(_scene);
            _hardware = _bringUp.Run();
            _supervisor = new PartSupervisor(_bringUp, _hardware);
            _mutes.ApplyBringUp(_hardware);
            SceneApplier.Apply(_scene, _engine, _mutes);

            _knobs = new KnobPanel(_bringUp.KnobsA, _bringUp.KnobsB);
            _knobs.Scan(); // where the knobs rest now...
            RecallKnobs(); // ...and they pick up the restored scene from there

            BootReport report = new BootReport(_hardware, _store.Outcome, _memories.Describe(), _remoteStore.Describe());
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
            _inputs.Tick(); // first: a gain change asked for last tick is written once its mute ramp is down
            _knobs.Scan();
            ApplyKnobs();
            if (_remote != null) _remote.Tick(); // after the knobs: a flood cannot delay them (its work per tick is bounded)
            _meters.Read(_engine);
            _autoGain.Tick(_meters, _inputs, _editor);
            Ht16k33 panel = _bringUp.Panel;
            if (!panel.Health.IsOk)
            {
                // Degraded: no keys, no LEDs; audio goes on. Meter mode and Compressor in can no longer be held.
                if (_inputPage.Active) CloseInputPage();
                if (_busPage.Active) CloseBusPage();
                _toolkit.Tick();
                return;
            }
            if (panel.ScanKeys()) ApplyKeys(panel.Keys);
            _toolkit.Tick(); // after the knobs and keys of this tick: a band that is due answers at once
            _inputPage.Tick();
            _busPage.Tick();
            _storePage.Tick(panel.Keys, this);
            if (_selfTest.OnPanel)
            {
                SelfTestView.Draw(_selfTest, _tick, panel);
            }
            else
            {
                _view.Tick(_engine, _scene, _meters, panel);
                if (_inputPage.Active) _inputPageView.Draw(panel, _scene, _inputPage, _autoGain, _view, _tick);
                else if (_busPage.Active) _busPageView.Draw(panel, _scene, _busPage, _knobs, _view, _tick);
                else _autoGainView.Draw(panel, _autoGain, _tick);
                if (_storePage.Active) StorePageView.Draw(panel, _storePage, _memories, _safes, _currentMemory, _tick);
            }
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
                if (_supervisor.CameBack(adcPart)) _knobs.Reacquire(knob, SceneTravel(_scene, knob));
            }
        }

        /// <summary>
        /// Replaces the whole mix with a given scene (no safes): through the engine's 5 ms ramps and
        /// the inputs' muted gain steps; each knob whose value changed must pick it up.
        /// </summary>
        public void Recall(Scene scene)
        {
            Scene before = _scene;
            _scene = scene.Clone();
            StereoLink.Normalise(_scene);
            _editor.Scene = _scene;
            _toolkit.Discard(); // what a knob asked for before is not part of this scene
            SceneApplier.Apply(_scene, _engine, _mutes);
            for (int c = 0; c < Scene.Channels; c++) _inputs.Request(c, _scene.InputGainDb[c], _scene.Instrument[c]);
            for (int knob = 0; knob < MixBoxS3Board.Knobs; knob++)
            {
                // A knob whose value stays keeps control (it may be mid-turn).
                int travel = SceneTravel(_scene, knob);
                if (travel != SceneTravel(before, knob)) _knobs.Recall(knob, travel);
            }
        }

        /// <summary>Stores the mix into memory <paramref name="memory"/> (0-based; an existing name stays).</summary>
        public bool StoreMemory(int memory)
        {
            Scene stored = _scene.Clone();
            if (_memories.Name(memory).Length > 0) stored.Name = _memories.Name(memory);
            if (!_memories.Store(memory, stored)) return false;
            _scene.Name = stored.Name;
            _currentMemory = memory;
            _view.ConfirmStore();
            return true;
        }

        /// <summary>Recalls memory <paramref name="memory"/> (0-based) through the recall safes; false when it is empty.</summary>
        public bool RecallMemory(int memory)
        {
            Scene recalled = _memories.Get(memory);
            if (recalled == null) return false;
            _beforeRecall = _scene.Clone();
            Recall(_safes.Merge(_scene, recalled));
            _currentMemory = memory;
            return true;
        }

        /// <summary>Puts back the mix from before the last memory recall (again: redoes it); false when there was none.</summary>
        public bool UndoRecall()
        {
            if (_beforeRecall == null) return false;
            Scene back = _beforeRecall;
            _beforeRecall = _scene.Clone();
            Recall(back);
            return true;
        }

        /// <summary>Switches between the A and B mixes (the first switch makes B a copy of A).</summary>
        public void ToggleAb()
        {
            Recall(_ab.Toggle(_scene));
        }

        private void RecallKnobs()
        {
            for (int knob = 0; knob < MixBoxS3Board.Knobs; knob++) _knobs.Recall(knob, SceneTravel(_scene, knob));
        }

        /// <summary>Where knob <paramref name="knob"/> must be turned to take control (soft takeover) on the page open now.</summary>
        public int KnobTargetTravel(int knob) { return SceneTravel(_scene, knob); }

        /// <summary>Where knob <paramref name="knob"/> would stand for the value it controls in <paramref name="scene"/>.</summary>
        private int SceneTravel(Scene scene, int knob)
        {
            if (knob == MixBoxS3Board.KnobMaster) return FaderLaw.TravelFromCentiDb(scene.MainFaderCentiDb);
            if (knob == MixBoxS3Board.KnobCompressorAmount) return CompressorAmount.TravelFromThreshold(scene.CompThresholdCentiDb);
            if (_inputPage.Active) return InputGain.TravelFromDb(scene.InputGainDb[knob]);
            if (_busPage.Active) return _busPage.Travel(scene, knob);
            if (StereoLink.IsLinkedRightSide(scene, knob)) return BalanceLaw.TravelFromBalance(scene.Balance[StereoLink.Pair(knob)]);
            return FaderLaw.TravelFromCentiDb(scene.FaderCentiDb[knob]);
        }

        private void ApplyKnobs()
        {
            if (_inputPage.Active)
            {
                _inputPage.ApplyKnobs(_knobs, _editor);
            }
            else if (_busPage.Active)
            {
                _busPage.ApplyKnobs(_knobs, _scene, _toolkit);
            }
            else
            {
                for (int c = 0; c < Scene.Channels; c++)
                {
                    if (!_knobs.Moved(c)) continue;
                    // A linked pair: the left knob is the pair's level, the right knob its balance.
                    if (StereoLink.IsLinkedRightSide(_scene, c)) _editor.SetBalance(StereoLink.Pair(c), BalanceLaw.FromTravel(_knobs.Travel(c)));
                    else _editor.SetLevel(c, FaderLaw.CentiDbFromTravel(_knobs.Travel(c)));
                }
            }
            if (_knobs.Moved(MixBoxS3Board.KnobMaster)) _editor.SetMainLevel(FaderLaw.CentiDbFromTravel(_knobs.Travel(MixBoxS3Board.KnobMaster)));
            if (_knobs.Moved(MixBoxS3Board.KnobCompressorAmount))
            {
                _editor.SetCompThreshold(CompressorAmount.ThresholdFromTravel(_knobs.Travel(MixBoxS3Board.KnobCompressorAmount)));
            }
        }

        /// <summary>Closes the input page: the level knobs pick their levels up again. True when it was a tap.</summary>
        private bool CloseInputPage()
        {
            bool tap = _inputPage.Close();
            RecallKnobs();
            return tap;
        }

        /// <summary>Closes the bus page: the level knobs pick their levels up again. True when it was a tap.</summary>
        private bool CloseBusPage()
        {
            bool tap = _busPage.Close();
            RecallKnobs();
            return tap;
        }

        private void ToggleCompressor()
        {
            _editor.SetCompressorIn(!_scene.CompressorIn);
        }

        /// <summary>The keys; the panel map is in docs/FIRMWARE.md ("Front panel").</summary>
        private void ApplyKeys(KeyDebouncer keys)
        {
            if (keys.WasPressed(MixBoxS3Board.KeyStore) && !_inputPage.Active && !_busPage.Active) _storePage.Open();
            if (_storePage.Active)
            {
                _storePage.ApplyKeys(keys, this);
            }
            else if (_inputPage.Active)
            {
                _inputPage.ApplyKeys(keys, _editor, _autoGain);
            }
            else if (_busPage.Active)
            {
                if (_busPage.ApplyKeys(keys, _scene, _toolkit)) RecallKnobs(); // another sub-page: its values to pick up
            }
            else
            {
                for (int c = 0; c < Scene.Channels; c++)
                {
                    if (keys.WasPressed(MixBoxS3Board.KeyMuteFirst + c)) _editor.ToggleMute(c);
                    if (keys.WasPressed(MixBoxS3Board.KeySoloFirst + c)) _editor.ToggleSolo(c);
                }
            }
            // Compressor in is a modifier too: held, the bus page; only a tap switches the
            // compressor (at once while the input page is open, where it is no modifier).
            // (While Store is held the key is the store page's: bank 9-16 and the bus safe.)
            if (keys.WasPressed(MixBoxS3Board.KeyCompressorIn) && !_storePage.Active)
            {
                if (_inputPage.Active)
                {
                    ToggleCompressor();
                }
                else
                {
                    _busPage.Open();
                    RecallKnobs(); // the level knobs now pick up the bus page's values
                }
            }
            if (keys.WasReleased(MixBoxS3Board.KeyCompressorIn) && _busPage.Active)
            {
                if (CloseBusPage()) ToggleCompressor();
            }
            // Store and Meter mode are also modifiers: Store held + Meter mode starts the
            // self-test (and Store then saves nothing, so Store saves when released); Meter
            // mode held opens the input page, and only a tap of it cycles the meter mode.
            if (keys.WasPressed(MixBoxS3Board.KeyMeterMode))
            {
                if (keys.IsDown(MixBoxS3Board.KeyStore))
                {
                    _storeHeldForCombination = true;
                    _storePage.MarkUsed();
                    _selfTest.Start();
                }
                else if (!_busPage.Active)
                {
                    _inputPage.Open();
                    RecallKnobs(); // the level knobs now pick up the input gains
                }
            }
            if (keys.WasReleased(MixBoxS3Board.KeyMeterMode) && _inputPage.Active)
            {
                if (CloseInputPage()) _scene.MeterMode = (_scene.MeterMode + 1) % MeterMode.Count;
            }
            if (keys.WasReleased(MixBoxS3Board.KeyStore))
            {
                bool save = !_storeHeldForCombination;
                _storeHeldForCombination = false;
                if (_storePage.Active && !_storePage.Close()) save = false;
                if (save && _store.Save(_scene))
                {
                    _view.ConfirmStore();
                    _view.SettingsWarning = false;
                }
            }
        }
    }
}
