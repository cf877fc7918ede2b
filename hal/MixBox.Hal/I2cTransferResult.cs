namespace MixBox.Hal
{
    /// <summary>
    /// What a transfer did: a status and how many bytes moved. I2C reports failure here,
    /// never by throwing, so every caller must look at it.
    /// </summary>
    public struct I2cTransferResult
    {
        public I2cTransferResult(I2cTransferStatus status, int bytesTransferred)
        {
            Status = status;
            BytesTransferred = bytesTransferred;
        }

        public I2cTransferStatus Status;

        /// <summary>Bytes written plus bytes read.</summary>
        public int BytesTransferred;

        public bool Succeeded { get { return Status == I2cTransferStatus.FullTransfer; } }
    }
}
