namespace MixBox.Hal.Sim;

/// <summary>
/// Register file of a TI part with pages selected by register 0, an address pointer set by
/// the first written byte, and auto-increment (always, or only with bit 7 of the address
/// set, as on the PCM5122). Subclasses add power-on defaults, self-clearing bits and
/// status registers computed from the configuration. <see cref="Pin"/> sticks a register
/// at a value to model a stuck status.
/// </summary>
public abstract class PagedRegisterModel : SimI2cTarget
{
    private readonly Dictionary<int, byte[]> _pages = new();
    private readonly Dictionary<(int Page, int Register), byte> _pinned = new();
    private readonly bool _autoIncrementNeedsBit7;
    private int _pointer;
    private bool _increment;

    protected PagedRegisterModel(bool autoIncrementNeedsBit7)
    {
        _autoIncrementNeedsBit7 = autoIncrementNeedsBit7;
    }

    public int CurrentPage { get; private set; }

    /// <summary>Every register write the chip accepted, in order (page, register, value).</summary>
    public List<(int Page, int Register, byte Value)> Writes { get; } = new();

    /// <summary>The stored value, as a test inspects it (status registers are computed on read instead).</summary>
    public byte Peek(int page, int register) => Page(page)[register];

    /// <summary>Reads as the driver would, including computed status.</summary>
    public byte ReadAs(int page, int register) => ReadRegister(page, register);

    public void Poke(int page, int register, byte value) => Page(page)[register] = value;

    public void Pin(int page, int register, byte value) => _pinned[(page, register)] = value;

    public void Unpin(int page, int register) => _pinned.Remove((page, register));

    public override void Write(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0) return;
        SetPointer(data[0]);
        for (int i = 1; i < data.Length; i++)
        {
            int register = _pointer;
            if (register == 0)
            {
                CurrentPage = data[i];
                Page(0)[0] = data[i];
            }
            else
            {
                OnWrite(CurrentPage, register, data[i]);
            }
            Writes.Add((CurrentPage, register, data[i]));
            Advance();
        }
    }

    public override void Read(Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = ReadRegister(CurrentPage, _pointer);
            Advance();
        }
    }

    /// <summary>Back to power-on state: every page cleared, defaults loaded, page 0.</summary>
    public void ResetRegisters()
    {
        _pages.Clear();
        CurrentPage = 0;
        LoadDefaults();
    }

    protected abstract void LoadDefaults();

    /// <summary>Stores by default; override for read-only, self-clearing or side-effect registers.</summary>
    protected virtual void OnWrite(int page, int register, byte value) => Page(page)[register] = value;

    /// <summary>Stored value by default; override for status registers.</summary>
    protected virtual byte OnRead(int page, int register) => Page(page)[register];

    protected byte[] Page(int page)
    {
        if (!_pages.TryGetValue(page, out var registers))
        {
            registers = new byte[128];
            _pages[page] = registers;
        }
        return registers;
    }

    private byte ReadRegister(int page, int register) =>
        _pinned.TryGetValue((page, register), out byte pinned) ? pinned : OnRead(page, register);

    private void SetPointer(byte address)
    {
        if (_autoIncrementNeedsBit7)
        {
            _pointer = address & 0x7F;
            _increment = (address & 0x80) != 0;
        }
        else
        {
            _pointer = address & 0x7F;
            _increment = true;
        }
    }

    private void Advance()
    {
        if (_increment) _pointer = (_pointer + 1) & 0x7F;
    }
}
