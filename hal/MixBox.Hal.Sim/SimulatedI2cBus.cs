namespace MixBox.Hal.Sim;

/// <summary>
/// The host twin's I2C bus: routes transfers to chip models by address, answers NACK for
/// empty addresses, applies planned faults and logs every transaction.
/// </summary>
public sealed class SimulatedI2cBus : II2cBus
{
    /// <summary>Virtual time a clock-stretch timeout costs (ESP-IDF's default bus timeout order).</summary>
    public const int ClockStretchTimeoutMs = 50;

    private readonly Dictionary<int, SimI2cTarget> _targets = new();
    private readonly Dictionary<int, FaultInjector> _faults = new();
    private readonly List<SimTransfer> _log = new();

    public SimulatedI2cBus(SimClock? clock = null)
    {
        Clock = clock ?? new SimClock();
    }

    public SimClock Clock { get; }

    public IReadOnlyList<SimTransfer> Log => _log;

    public void Attach(int address, SimI2cTarget target) => _targets[address] = target;

    /// <summary>Takes a part off the bus (unplugged, or never fitted).</summary>
    public void Detach(int address) => _targets.Remove(address);

    public FaultInjector Faults(int address)
    {
        if (!_faults.TryGetValue(address, out var injector))
        {
            injector = new FaultInjector();
            _faults[address] = injector;
        }
        return injector;
    }

    /// <summary>Keep a log of every transfer (for tests); the twin turns it off so its loop allocates nothing.</summary>
    public bool LogTransfers { get; set; } = true;

    public int TransferCount(int address) => _log.Count(t => t.Address == address);

    public IEnumerable<SimTransfer> TransfersTo(int address) => _log.Where(t => t.Address == address);

    public II2cDevice Open(int address) => new SimulatedI2cDevice(this, address);

    internal I2cTransferResult Transfer(int address, byte[] write, byte[]? read)
    {
        var result = Execute(address, write, read);
        if (LogTransfers) _log.Add(new SimTransfer(address, (byte[])write.Clone(), read?.Length ?? 0, result.Status));
        return result;
    }

    private I2cTransferResult Execute(int address, byte[] write, byte[]? read)
    {
        var fault = _faults.TryGetValue(address, out var injector) ? injector.Next() : null;
        if (!_targets.TryGetValue(address, out var target) || !target.Acknowledges)
        {
            return new I2cTransferResult(I2cTransferStatus.SlaveAddressNotAcknowledged, 0);
        }
        if (fault is { } f)
        {
            switch (f.Status)
            {
                case I2cTransferStatus.SlaveAddressNotAcknowledged:
                    return new I2cTransferResult(f.Status, 0);
                case I2cTransferStatus.ClockStretchTimeout:
                    Clock.Milliseconds(ClockStretchTimeoutMs);
                    return new I2cTransferResult(f.Status, 0);
                case I2cTransferStatus.PartialTransfer:
                    // The bytes that got through did reach the chip, as on a real bus.
                    int accepted = Math.Min(f.Bytes, write.Length);
                    target.Write(write.AsSpan(0, accepted));
                    return new I2cTransferResult(f.Status, accepted);
            }
        }
        target.Write(write);
        if (read is null)
        {
            return new I2cTransferResult(I2cTransferStatus.FullTransfer, write.Length);
        }
        target.Read(read);
        return new I2cTransferResult(I2cTransferStatus.FullTransfer, write.Length + read.Length);
    }
}
