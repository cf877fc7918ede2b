namespace MixBox.Hal
{
    /// <summary>
    /// Outcome of one I2C transfer; same members and order as nanoFramework's
    /// System.Device.I2c.I2cTransferStatus (1.1.29), so the device adapter is a cast.
    /// </summary>
    public enum I2cTransferStatus
    {
        UnknownError,
        FullTransfer,
        ClockStretchTimeout,
        PartialTransfer,
        SlaveAddressNotAcknowledged,
    }
}
