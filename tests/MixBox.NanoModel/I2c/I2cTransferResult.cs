namespace System.Device.I2c
{
    /// <summary>
    /// Model of System.Device.I2c.I2cTransferResult (1.1.29): no public constructor, two
    /// read-only properties; the model's native side fills it, as NativeTransmit does.
    /// </summary>
    public struct I2cTransferResult
    {
        private readonly uint _bytesTransferred;
        private readonly I2cTransferStatus _status;

        internal I2cTransferResult(I2cTransferStatus status, uint bytesTransferred)
        {
            _status = status;
            _bytesTransferred = bytesTransferred;
        }

        public uint BytesTransferred { get { return _bytesTransferred; } }

        public I2cTransferStatus Status { get { return _status; } }
    }
}
