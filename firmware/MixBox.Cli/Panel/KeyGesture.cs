using MixBox.Boards;
using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli.FrontPanel;

/// <summary>
/// The page's key presses, applied to the box on the player's thread one after another, each
/// standing at least <see cref="StepTicks"/> control ticks so the box's debouncer (3 scans)
/// sees it even when a loaded computer delivers a press and its release within one tick.
/// Also the key sequence that stores or recalls a memory as a finger does on the box: Store
/// held, Compressor in tapped for the other bank, Mute n (store) or Solo n (recall) pressed and
/// released, Store let go. The firmware does the rest, as for a finger.
/// </summary>
public sealed class KeyGesture
{
    public const int StepTicks = 4;

    private readonly bool[] _held = new bool[MixBoxS3Board.KeyStore + 1];
    private readonly Queue<(int Key, bool Down)> _steps = new();
    private int _wait;

    /// <summary>A key pressed or let go on the page.</summary>
    public void Press(int key, bool down)
    {
        _held[key] = down;
        _steps.Enqueue((key, down));
    }

    /// <summary>Queues the store page's gesture for memory <paramref name="memory"/> (0-based).</summary>
    public void Memory(BoxTwin twin, int memory, bool store)
    {
        bool storeHeld = _held[MixBoxS3Board.KeyStore];
        int bankShown = twin.App.StorePage.Active ? twin.App.StorePage.Bank : 0;
        int bank = memory / Scene.Channels, channel = memory % Scene.Channels;
        int key = (store ? MixBoxS3Board.KeyMuteFirst : MixBoxS3Board.KeySoloFirst) + channel;
        if (!storeHeld) _steps.Enqueue((MixBoxS3Board.KeyStore, true));
        if (bank != bankShown)
        {
            _steps.Enqueue((MixBoxS3Board.KeyCompressorIn, true));
            _steps.Enqueue((MixBoxS3Board.KeyCompressorIn, false));
        }
        _steps.Enqueue((key, true));
        _steps.Enqueue((key, false));
        if (!storeHeld) _steps.Enqueue((MixBoxS3Board.KeyStore, false));
    }

    /// <summary>After each tick: the next step once the last has stood long enough.</summary>
    public void Tick(BoxTwin twin)
    {
        if (_wait > 0) _wait--;
        if (_wait > 0 || _steps.Count == 0) return;
        var (key, down) = _steps.Dequeue();
        twin.HoldKey(key, down);
        _wait = StepTicks;
    }
}
