namespace MixBox.Hal.Sim;

/// <summary>
/// HT16K33 model (Holtek HT16K33 datasheet, "Command Summary", "Display Data Address
/// Pointer", "Key Data Address Pointer"): single-byte commands, 16 bytes of display RAM
/// written with an auto-incrementing pointer, six bytes of key RAM and the INT flag read
/// back. RAM content is undefined at power-on: the model starts it at 0x5A so a driver that
/// forgets to clear it is caught. Keys only scan while the oscillator runs.
/// </summary>
public sealed class Ht16k33Model : SimI2cTarget
{
    public const byte PowerOnRamPattern = 0x5A;

    private readonly byte[] _display = new byte[16];
    private readonly bool[] _keysDown = new bool[39];
    private int _pointer;
    private bool _keyChangePending;

    public Ht16k33Model() => Array.Fill(_display, PowerOnRamPattern);

    public bool OscillatorOn { get; private set; }
    public bool DisplayOn { get; private set; }
    public int Blink { get; private set; }
    /// <summary>Duty 0..15 (1/16..16/16); 15 at power-on.</summary>
    public int Dimming { get; private set; } = 15;
    public bool IntPinIsInterrupt { get; private set; }
    public int DisplayWriteCount { get; private set; }

    public byte DisplayRam(int index) => _display[index];

    public bool LedOn(int led) => (_display[led >> 3] & (1 << (led & 7))) != 0;

    /// <summary>Presses or releases a key (index = KS line * 13 + K - 1).</summary>
    public void SetKey(int key, bool down)
    {
        if (_keysDown[key] != down) _keyChangePending = true;
        _keysDown[key] = down;
    }

    public override void Write(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0) return;
        byte command = data[0];
        switch (command & 0xF0)
        {
            case 0x00:
                _pointer = command;
                if (data.Length > 1) DisplayWriteCount++;
                for (int i = 1; i < data.Length; i++)
                {
                    _display[_pointer & 0x0F] = data[i];
                    _pointer = (_pointer + 1) & 0x0F;
                }
                return;
            case 0x20: OscillatorOn = (command & 0x01) != 0; return;
            case 0x80: DisplayOn = (command & 0x01) != 0; Blink = (command >> 1) & 0x03; return;
            case 0xA0: IntPinIsInterrupt = (command & 0x01) != 0; return;
            case 0xE0: Dimming = command & 0x0F; return;
            default: _pointer = command; return;  // 0x40..0x45 key RAM, 0x60 INT flag
        }
    }

    public override void Read(Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = ReadAt(_pointer);
            _pointer = _pointer < 0x10 ? (_pointer + 1) & 0x0F : _pointer + 1;
        }
        if (_pointer > 0x40 && _pointer <= 0x46) _keyChangePending = false;  // reading key RAM clears INT
    }

    private byte ReadAt(int address)
    {
        if (address < 0x10) return _display[address];
        if (address >= 0x40 && address <= 0x45)
        {
            if (!OscillatorOn) return 0;
            int line = (address - 0x40) >> 1;
            int word = 0;
            for (int k = 0; k < 13; k++)
            {
                if (_keysDown[line * 13 + k]) word |= 1 << k;
            }
            return (address & 1) == 0 ? (byte)word : (byte)(word >> 8);
        }
        if (address == 0x60) return _keyChangePending ? (byte)0xFF : (byte)0x00;
        return 0;
    }
}
