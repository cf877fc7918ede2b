namespace MixBox.Hal.Sim;

/// <summary>
/// Faults planned for one address, consumed one transfer at a time: NACKs, partial
/// transfers, clock-stretch timeouts, and vanishing after a number of good transfers.
/// </summary>
public sealed class FaultInjector
{
    private readonly Queue<(I2cTransferStatus Status, int Bytes)> _planned = new();
    private int _goodTransfersBeforeVanish = -1;

    /// <summary>The next <paramref name="count"/> transfers are not acknowledged.</summary>
    public FaultInjector NackNext(int count = 1) => Plan(I2cTransferStatus.SlaveAddressNotAcknowledged, 0, count);

    /// <summary>The next transfers move only <paramref name="bytesAccepted"/> bytes of their write part.</summary>
    public FaultInjector PartialNext(int count = 1, int bytesAccepted = 1) => Plan(I2cTransferStatus.PartialTransfer, bytesAccepted, count);

    /// <summary>The next transfers stall SCL until the controller's timeout.</summary>
    public FaultInjector ClockStretchNext(int count = 1) => Plan(I2cTransferStatus.ClockStretchTimeout, 0, count);

    /// <summary>After <paramref name="goodTransfers"/> more transfers the part stops answering for good.</summary>
    public FaultInjector VanishAfter(int goodTransfers)
    {
        _goodTransfersBeforeVanish = goodTransfers;
        return this;
    }

    /// <summary>Every transfer from now on is not acknowledged.</summary>
    public FaultInjector Vanish() => VanishAfter(0);

    public bool Vanished => _goodTransfersBeforeVanish == 0;

    internal (I2cTransferStatus Status, int Bytes)? Next()
    {
        if (_planned.Count > 0) return _planned.Dequeue();
        if (_goodTransfersBeforeVanish == 0) return (I2cTransferStatus.SlaveAddressNotAcknowledged, 0);
        if (_goodTransfersBeforeVanish > 0) _goodTransfersBeforeVanish--;
        return null;
    }

    private FaultInjector Plan(I2cTransferStatus status, int bytes, int count)
    {
        for (int i = 0; i < count; i++) _planned.Enqueue((status, bytes));
        return this;
    }
}
