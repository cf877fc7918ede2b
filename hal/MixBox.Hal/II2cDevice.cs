namespace MixBox.Hal
{
    /// <summary>
    /// One target on the bus, modelled on System.Device.I2c.I2cDevice. Whole arrays are
    /// transferred (byte[] is what both the device SpanByte and the host accept), so
    /// drivers keep one preallocated buffer per transfer size and never allocate per call.
    /// </summary>
    public interface II2cDevice
    {
        /// <summary>7-bit address.</summary>
        int Address { get; }

        /// <summary>START, address+W, every byte of <paramref name="buffer"/>, STOP.</summary>
        I2cTransferResult Write(byte[] buffer);

        /// <summary>
        /// START, address+W, <paramref name="writeBuffer"/>, repeated START, address+R,
        /// fills <paramref name="readBuffer"/>, STOP.
        /// </summary>
        I2cTransferResult WriteRead(byte[] writeBuffer, byte[] readBuffer);
    }
}
