using MixBox.Boards;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// The input page: open while Meter mode is held (without Store). Then
    /// <list type="bullet">
    /// <item>level knob n sets input n's analogue gain, 0..42 dB (it picks the gain up first, as
    /// after a recall; a linked pair's left knob sets both, its right knob does nothing);</item>
    /// <item>Mute n, pressed and released, switches input n between line and instrument;</item>
    /// <item>the two Mute keys of a pair held together link or unlink the pair;</item>
    /// <item>Solo n arms or disarms input n for auto-gain (listening starts again).</item>
    /// </list>
    /// Meter mode pressed and released within <see cref="TapTicks"/> without doing any of
    /// these still cycles the meter mode. The page's LEDs: <see cref="InputPageView"/>.
    /// </summary>
    public sealed class InputPage
    {
        /// <summary>A shorter press of Meter mode alone is a tap: it cycles the meter mode.</summary>
        public const int TapTicks = MixBoxApp.TicksPerSecond / 2;

        private readonly bool[] _mutePressedHere = new bool[Scene.Channels];
        private readonly bool[] _muteChorded = new bool[Scene.Channels];
        private bool _active;
        private bool _used;
        private int _heldTicks;
        private int _focus;

        public bool Active { get { return _active; } }

        /// <summary>The input last touched in the page (its gain and level are on the bus ladders).</summary>
        public int Focus { get { return _focus; } }

        public void Open()
        {
            _active = true;
            _used = false;
            _heldTicks = 0;
            for (int c = 0; c < Scene.Channels; c++)
            {
                _mutePressedHere[c] = false;
                _muteChorded[c] = false;
            }
        }

        /// <summary>Closes the page; true when it was only a tap of Meter mode.</summary>
        public bool Close()
        {
            _active = false;
            return !_used && _heldTicks < TapTicks;
        }

        public void Tick()
        {
            if (_active) _heldTicks++;
        }

        public void ApplyKnobs(KnobPanel knobs, SceneEditor editor)
        {
            for (int c = 0; c < Scene.Channels; c++)
            {
                if (!knobs.Moved(c) || StereoLink.IsLinkedRightSide(editor.Scene, c)) continue;
                editor.SetInputGain(c, InputGain.DbFromTravel(knobs.Travel(c)));
                Touch(c);
            }
        }

        public void ApplyKeys(KeyDebouncer keys, SceneEditor editor, AutoGain autoGain)
        {
            for (int c = 0; c < Scene.Channels; c++)
            {
                int mute = MixBoxS3Board.KeyMuteFirst + c;
                int partner = StereoLink.Partner(c);
                if (keys.WasPressed(mute))
                {
                    Touch(c);
                    if (_mutePressedHere[partner] && !_muteChorded[partner] && keys.IsDown(MixBoxS3Board.KeyMuteFirst + partner))
                    {
                        editor.ToggleLink(c);
                        _muteChorded[c] = true;
                        _muteChorded[partner] = true;
                    }
                    _mutePressedHere[c] = true;
                }
                if (keys.WasReleased(mute) && _mutePressedHere[c])
                {
                    if (!_muteChorded[c]) editor.ToggleInstrument(c);
                    _mutePressedHere[c] = false;
                    _muteChorded[c] = false;
                }
                if (keys.WasPressed(MixBoxS3Board.KeySoloFirst + c))
                {
                    autoGain.Toggle(editor.Scene, c);
                    Touch(c);
                }
            }
        }

        private void Touch(int c)
        {
            _used = true;
            _focus = c;
        }
    }
}
