using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// The bus page: open while Compressor in is held. The eight level knobs then set the
    /// mix-bus toolkit, a sub-page at a time (the map is <see cref="Control"/> and the table in
    /// docs/FIRMWARE.md, "The bus page"):
    /// <list type="bullet">
    /// <item>Mute 1..5 selects sub-page 1..5: EQ low, EQ bells, EQ high, de-esser, stereo
    /// (the choice is kept for the next opening);</item>
    /// <item>a knob picks its value up first (soft takeover) on opening, on a sub-page change
    /// and, for the levels, on closing;</item>
    /// <item>Solo keys switch what the sub-page's knobs cannot: high-pass slope, gentle shelf,
    /// proportional Q, EQ before/after the compressor, de-esser in and listen.</item>
    /// </list>
    /// Compressor in pressed and released within <see cref="TapTicks"/> without any of these
    /// still switches the compressor. Values go to the engine through a <see cref="ToolkitWriter"/>.
    /// The page's LEDs: <see cref="BusPageView"/>.
    /// </summary>
    public sealed class BusPage
    {
        public const int TapTicks = MixBoxApp.TicksPerSecond / 2;

        public const int EqLow = 0;
        public const int EqBells = 1;
        public const int EqHigh = 2;
        public const int DeEsser = 3;
        public const int Stereo = 4;
        public const int SubPages = 5;

        private const int N = BusControl.None;
        // Sub-page x knob (0..7) -> control.
        private static readonly int[] Map =
        {
            BusControl.HighPass, BusControl.LowShelfHz, BusControl.LowShelfGain, N, N, N, N, N,
            BusControl.Bell1Hz, BusControl.Bell1Gain, BusControl.Bell1Q, N, BusControl.Bell2Hz, BusControl.Bell2Gain, BusControl.Bell2Q, N,
            BusControl.HighShelfHz, BusControl.HighShelfGain, BusControl.Lowpass, N, N, N, N, N,
            BusControl.DeessHz, BusControl.DeessThreshold, BusControl.DeessRange, BusControl.DeessRelease, N, N, N, N,
            BusControl.Width, BusControl.MonoBelow, N, N, N, N, N, N,
        };

        /// <summary>The Solo key (0-based channel) that moves the EQ between before and after the compressor, on the EQ sub-pages.</summary>
        public const int EqPlacementSolo = 7;

        private bool _active;
        private bool _used;
        private int _heldTicks;
        private int _subPage;
        private int _focus = BusControl.None;

        public bool Active { get { return _active; } }

        /// <summary>0..<see cref="SubPages"/>-1.</summary>
        public int SubPage { get { return _subPage; } }

        /// <summary>The control last turned (its position is on the left bus ladder), or <see cref="BusControl.None"/>.</summary>
        public int Focus { get { return _focus; } }

        /// <summary>What knob <paramref name="knob"/> sets on the current sub-page, or <see cref="BusControl.None"/>.</summary>
        public int Control(int knob) { return ControlOn(_subPage, knob); }

        public static int ControlOn(int subPage, int knob) { return knob < Scene.Channels ? Map[subPage * Scene.Channels + knob] : BusControl.None; }

        public void Open()
        {
            _active = true;
            _used = false;
            _heldTicks = 0;
            _focus = BusControl.None;
        }

        /// <summary>Closes the page; true when it was only a tap of Compressor in.</summary>
        public bool Close()
        {
            _active = false;
            return !_used && _heldTicks < TapTicks;
        }

        public void Tick()
        {
            if (_active) _heldTicks++;
        }

        /// <summary>Where knob <paramref name="knob"/> would sit for its control's value now (for soft takeover).</summary>
        public int Travel(Scene scene, int knob)
        {
            int control = Control(knob);
            return control == BusControl.None ? -1 : BusControl.TravelOf(control, BusControl.Get(scene, control));
        }

        public void ApplyKnobs(KnobPanel knobs, Scene scene, ToolkitWriter writer)
        {
            for (int k = 0; k < Scene.Channels; k++)
            {
                int control = Control(k);
                if (control == BusControl.None || !knobs.Moved(k)) continue;
                int value = BusControl.FromTravel(control, knobs.Travel(k));
                _used = true;
                _focus = control;
                if (value == BusControl.Get(scene, control)) continue;
                BusControl.Set(scene, control, value);
                writer.Request(BusControl.Param(control), value);
            }
        }

        /// <summary>The page's keys; true when the sub-page changed (the knobs must pick up their new values).</summary>
        public bool ApplyKeys(KeyDebouncer keys, Scene scene, ToolkitWriter writer)
        {
            bool changed = false;
            for (int c = 0; c < Scene.Channels; c++)
            {
                if (keys.WasPressed(MixBoxS3Board.KeyMuteFirst + c) && c < SubPages)
                {
                    _used = true;
                    if (c != _subPage) changed = true;
                    _subPage = c;
                    _focus = BusControl.None;
                }
                if (keys.WasPressed(MixBoxS3Board.KeySoloFirst + c) && Toggle(scene, c, writer)) _used = true;
            }
            return changed;
        }

        /// <summary>True when Solo <paramref name="solo"/> (0-based) switches something on the current sub-page; <paramref name="on"/> is its state.</summary>
        public bool Switch(Scene scene, int solo, out bool on)
        {
            EngineParam param;
            bool known = SwitchParam(solo, out param);
            on = known && SceneApplier.ToolkitValue(scene, param) == SwitchOnValue(param);
            return known;
        }

        private bool Toggle(Scene scene, int solo, ToolkitWriter writer)
        {
            EngineParam param;
            if (!SwitchParam(solo, out param)) return false;
            switch (param)
            {
                case EngineParam.EqHighPassSlope:
                    scene.EqHighPassSlope = scene.EqHighPassSlope == SceneRules.HighPassSlopeSteep ? SceneRules.HighPassSlopeGentle : SceneRules.HighPassSlopeSteep;
                    break;
                case EngineParam.EqLowShelfGentle: scene.EqLowShelfGentle = !scene.EqLowShelfGentle; break;
                case EngineParam.EqProportionalQ: scene.EqProportionalQ = !scene.EqProportionalQ; break;
                case EngineParam.EqAfterComp: scene.EqAfterComp = !scene.EqAfterComp; break;
                case EngineParam.DeessOn: scene.DeessOn = !scene.DeessOn; break;
                case EngineParam.DeessListen: scene.DeessListen = !scene.DeessListen; break;
            }
            writer.Request(param, SceneApplier.ToolkitValue(scene, param));
            return true;
        }

        /// <summary>The switch under each Solo key of the current sub-page (docs/FIRMWARE.md, "The bus page").</summary>
        private bool SwitchParam(int solo, out EngineParam param)
        {
            param = EngineParam.EqAfterComp;
            bool eqPage = _subPage == EqLow || _subPage == EqBells || _subPage == EqHigh;
            if (eqPage && solo == EqPlacementSolo) return true;
            if (_subPage == EqLow && solo == 0) { param = EngineParam.EqHighPassSlope; return true; }
            if (_subPage == EqLow && solo == 2) { param = EngineParam.EqLowShelfGentle; return true; }
            if (_subPage == EqBells && (solo == 2 || solo == 6)) { param = EngineParam.EqProportionalQ; return true; }
            if (_subPage == DeEsser && solo == 0) { param = EngineParam.DeessOn; return true; }
            if (_subPage == DeEsser && solo == 1) { param = EngineParam.DeessListen; return true; }
            return false;
        }

        private static int SwitchOnValue(EngineParam param)
        {
            return param == EngineParam.EqHighPassSlope ? SceneRules.HighPassSlopeSteep : 1;
        }
    }
}
