namespace MixBox.Hal
{
    /// <summary>
    /// The checked way every driver talks to its chip: each transfer is retried per the
    /// <see cref="RetryPolicy"/>, succeeds only as a full transfer of the expected byte
    /// count, and leaves its last status here for the health report. Also holds the
    /// register helpers the drivers share: masked read-modify-write, blocks and page select.
    /// </summary>
    public sealed class RegisterAccess
    {
        // Both TI parts select their register page by writing register 0
        // (TLV320ADC6140: SBAS992A Register Maps, PAGE_CFG; PCM5122: SLAS763 Register Maps, Page 0 / Register 0).
        private const byte PageSelectRegister = 0x00;
        private const int NoPage = -1;

        private readonly II2cDevice _device;
        private readonly RetryPolicy _retry;
        private readonly IDelay _delay;
        private readonly byte _autoIncrementFlag;
        private readonly byte[] _one = new byte[1];
        private readonly byte[] _two = new byte[2];
        private readonly byte[] _readOne = new byte[1];
        private int _page = NoPage;

        /// <param name="autoIncrementFlag">OR-ed into the register address of block
        /// transfers; 0 for parts that always auto-increment, 0x80 for the PCM5122.</param>
        public RegisterAccess(II2cDevice device, RetryPolicy retry, IDelay delay, byte autoIncrementFlag)
        {
            _device = device;
            _retry = retry;
            _delay = delay;
            _autoIncrementFlag = autoIncrementFlag;
            LastStatus = I2cTransferStatus.FullTransfer;
        }

        public int Address { get { return _device.Address; } }

        /// <summary>Status of the last attempt (FullTransfer when it worked).</summary>
        public I2cTransferStatus LastStatus { get; private set; }

        /// <summary>True once the chip has completed any transfer: tells "missing" from "lost".</summary>
        public bool HasAnswered { get; private set; }

        /// <summary>Attempts that failed, retried or not; a health counter for diagnostics.</summary>
        public int FailedAttempts { get; private set; }

        /// <summary>Writes a raw buffer (command bytes, RAM images) with retries.</summary>
        public bool WriteRaw(byte[] buffer)
        {
            for (int attempt = 0; attempt < _retry.Attempts; attempt++)
            {
                if (attempt > 0)
                {
                    _delay.Milliseconds(_retry.DelayBetweenMs);
                }
                if (Accept(_device.Write(buffer), buffer.Length))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Write then repeated-start read, with retries.</summary>
        public bool WriteReadRaw(byte[] writeBuffer, byte[] readBuffer)
        {
            for (int attempt = 0; attempt < _retry.Attempts; attempt++)
            {
                if (attempt > 0)
                {
                    _delay.Milliseconds(_retry.DelayBetweenMs);
                }
                if (Accept(_device.WriteRead(writeBuffer, readBuffer), writeBuffer.Length + readBuffer.Length))
                {
                    return true;
                }
            }
            return false;
        }

        public bool Write(byte register, byte value)
        {
            _two[0] = register;
            _two[1] = value;
            return WriteRaw(_two);
        }

        public bool Read(byte register, out byte value)
        {
            _one[0] = register;
            bool ok = WriteReadRaw(_one, _readOne);
            value = _readOne[0];
            return ok;
        }

        /// <summary>
        /// Read-modify-write: only the bits set in <paramref name="mask"/> take their value
        /// from <paramref name="value"/>; every other bit keeps what the chip holds.
        /// </summary>
        public bool Update(byte register, byte mask, byte value)
        {
            byte current;
            if (!Read(register, out current))
            {
                return false;
            }
            return Write(register, Merge(current, mask, value));
        }

        /// <summary>The bit arithmetic of <see cref="Update"/>, kept apart so it can be tested alone.</summary>
        public static byte Merge(byte current, byte mask, byte value)
        {
            return (byte)((current & ~mask) | (value & mask));
        }

        /// <summary>Writes consecutive registers in one transfer.</summary>
        public bool WriteBlock(byte firstRegister, byte[] values)
        {
            byte[] frame = new byte[values.Length + 1];
            frame[0] = (byte)(firstRegister | _autoIncrementFlag);
            for (int i = 0; i < values.Length; i++)
            {
                frame[i + 1] = values[i];
            }
            return WriteRaw(frame);
        }

        /// <summary>Reads consecutive registers in one transfer.</summary>
        public bool ReadBlock(byte firstRegister, byte[] destination)
        {
            _one[0] = (byte)(firstRegister | _autoIncrementFlag);
            return WriteReadRaw(_one, destination);
        }

        /// <summary>Selects a register page; skips the write when the page is already selected.</summary>
        public bool SelectPage(byte page)
        {
            if (_page == page)
            {
                return true;
            }
            if (!Write(PageSelectRegister, page))
            {
                _page = NoPage;
                return false;
            }
            _page = page;
            return true;
        }

        /// <summary>Call after a chip reset: the chip is back on page 0, but say so explicitly next time.</summary>
        public void ForgetPage()
        {
            _page = NoPage;
        }

        private bool Accept(I2cTransferResult result, int expectedBytes)
        {
            LastStatus = result.Status;
            if (result.Status == I2cTransferStatus.FullTransfer && result.BytesTransferred == expectedBytes)
            {
                HasAnswered = true;
                return true;
            }
            if (result.Status != I2cTransferStatus.SlaveAddressNotAcknowledged)
            {
                // Anything past the address byte means the chip is there.
                HasAnswered = true;
            }
            if (result.Status == I2cTransferStatus.FullTransfer)
            {
                // The bus said "full" but moved fewer bytes: treat it as the partial transfer it is.
                LastStatus = I2cTransferStatus.PartialTransfer;
            }
            FailedAttempts++;
            return false;
        }
    }
}
