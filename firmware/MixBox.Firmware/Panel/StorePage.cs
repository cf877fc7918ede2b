using MixBox.Boards;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// The store page: open while Store is held. Then (memories n of the bank shown, 1-8 or 9-16)
    /// <list type="bullet">
    /// <item>Mute n, pressed and released: store the mix into memory n;</item>
    /// <item>Solo n, pressed and released: recall memory n (through the safes);</item>
    /// <item>Mute n and Solo n held together (either order): recall safe of channel n on/off;</item>
    /// <item>Compressor in, tapped: the other bank (1-8 / 9-16);</item>
    /// <item>Compressor in held <see cref="BusSafeTicks"/>: the bus chain's recall safe on/off;</item>
    /// <item>Meter mode: the loopback self-test (the app's).</item>
    /// </list>
    /// Store released without any of these saves the mix as the power-on scene. The page's
    /// LEDs: <see cref="StorePageView"/>.
    /// </summary>
    public sealed class StorePage
    {
        /// <summary>Compressor in held this long (1 s) in the page toggles the bus chain's safe.</summary>
        public const int BusSafeTicks = MixBoxApp.TicksPerSecond;

        private readonly bool[] _chorded = new bool[Scene.Channels];
        private readonly bool[] _muteHere = new bool[Scene.Channels];
        private readonly bool[] _soloHere = new bool[Scene.Channels];
        private bool _active;
        private bool _used;
        private bool _compressorHere;
        private int _compressorTicks;

        public bool Active { get { return _active; } }

        /// <summary>0: memories 1-8; 1: memories 9-16.</summary>
        public int Bank { get; private set; }

        /// <summary>Memory (0-based) of channel key <paramref name="channel"/> in the current bank.</summary>
        public int MemoryOf(int channel) { return Bank * Scene.Channels + channel; }

        public void Open()
        {
            _active = true;
            _used = false;
            _compressorHere = false;
            Bank = 0;
            for (int c = 0; c < Scene.Channels; c++)
            {
                _chorded[c] = false;
                _muteHere[c] = false;
                _soloHere[c] = false;
            }
        }

        /// <summary>Something else used Store as a modifier (the self-test): no save on release.</summary>
        public void MarkUsed() { _used = true; }

        /// <summary>Closes the page; true when Store was pressed alone (save the mix).</summary>
        public bool Close()
        {
            _active = false;
            return !_used;
        }

        /// <summary>The Compressor in hold that toggles the bus safe; one tick.</summary>
        public void Tick(KeyDebouncer keys, MixBoxApp app)
        {
            if (!_active || !_compressorHere || !keys.IsDown(MixBoxS3Board.KeyCompressorIn)) return;
            _compressorTicks++;
            if (_compressorTicks == BusSafeTicks) app.Safes.ToggleBus();
        }

        public void ApplyKeys(KeyDebouncer keys, MixBoxApp app)
        {
            for (int c = 0; c < Scene.Channels; c++)
            {
                int mute = MixBoxS3Board.KeyMuteFirst + c, solo = MixBoxS3Board.KeySoloFirst + c;
                // A channel key pressed in the page makes Store a modifier, even if Store is let go first.
                if (keys.WasPressed(mute)) _muteHere[c] = _used = true;
                if (keys.WasPressed(solo)) _soloHere[c] = _used = true;
                if ((keys.WasPressed(mute) || keys.WasPressed(solo)) && !_chorded[c]
                    && _muteHere[c] && _soloHere[c] && keys.IsDown(mute) && keys.IsDown(solo))
                {
                    app.Safes.ToggleChannel(app.Scene, c);
                    _chorded[c] = true;
                    _used = true;
                }
                if (keys.WasReleased(mute) && _muteHere[c])
                {
                    if (!_chorded[c]) app.StoreMemory(MemoryOf(c));
                    _muteHere[c] = false;
                    _used = true;
                }
                if (keys.WasReleased(solo) && _soloHere[c])
                {
                    if (!_chorded[c]) app.RecallMemory(MemoryOf(c));
                    _soloHere[c] = false;
                    _used = true;
                }
                if (!_muteHere[c] && !_soloHere[c]) _chorded[c] = false;
            }
            if (keys.WasPressed(MixBoxS3Board.KeyCompressorIn))
            {
                _compressorHere = true;
                _compressorTicks = 0;
                _used = true;
            }
            if (keys.WasReleased(MixBoxS3Board.KeyCompressorIn) && _compressorHere)
            {
                if (_compressorTicks < BusSafeTicks) Bank = 1 - Bank;
                _compressorHere = false;
            }
        }
    }
}
