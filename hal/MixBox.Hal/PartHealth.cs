namespace MixBox.Hal
{
    /// <summary>
    /// One part's health, kept by its driver and gathered into the bring-up report:
    /// a state, the failing step and the I2C status that proved it.
    /// </summary>
    public sealed class PartHealth
    {
        public PartHealth(string name, int address)
        {
            Name = name;
            Address = address;
            State = PartState.Unknown;
            LastStatus = I2cTransferStatus.FullTransfer;
            Problem = string.Empty;
        }

        /// <summary>Human name, e.g. "ADC A (TLV320ADC6140)".</summary>
        public string Name { get; private set; }

        public int Address { get; private set; }

        public PartState State { get; private set; }

        public I2cTransferStatus LastStatus { get; private set; }

        /// <summary>What went wrong, empty when nothing did.</summary>
        public string Problem { get; private set; }

        public bool IsOk { get { return State == PartState.Ok; } }

        public void MarkOk()
        {
            State = PartState.Ok;
            LastStatus = I2cTransferStatus.FullTransfer;
            Problem = string.Empty;
        }

        /// <summary>A transfer failed during <paramref name="step"/>; classifies missing / lost / faulty.</summary>
        public void TransferFailed(string step, RegisterAccess access)
        {
            LastStatus = access.LastStatus;
            if (!access.HasAnswered)
            {
                State = PartState.Missing;
            }
            else if (State == PartState.Ok || State == PartState.Lost
                || access.LastStatus == I2cTransferStatus.SlaveAddressNotAcknowledged)
            {
                // It answered before and does not now: it went away.
                State = PartState.Lost;
            }
            else
            {
                State = PartState.Faulty;
            }
            Problem = step + ": " + DescribeStatus(access.LastStatus);
        }

        /// <summary>The part answered but its state is wrong (stuck status, no clock, bad data).</summary>
        public void VerifyFailed(string problem)
        {
            State = PartState.Faulty;
            LastStatus = I2cTransferStatus.FullTransfer;
            Problem = problem;
        }

        /// <summary>One line for logs and the front-panel status page.</summary>
        public string Describe()
        {
            string text = Name + " @0x" + Address.ToString("X2") + ": " + StateName(State);
            if (Problem.Length > 0)
            {
                text += " (" + Problem + ")";
            }
            return text;
        }

        // Spelled out here because enum names are not kept on the device.
        public static string StateName(PartState state)
        {
            switch (state)
            {
                case PartState.Ok: return "ok";
                case PartState.Missing: return "missing";
                case PartState.Faulty: return "faulty";
                case PartState.Lost: return "lost";
                default: return "not initialised";
            }
        }

        public static string DescribeStatus(I2cTransferStatus status)
        {
            switch (status)
            {
                case I2cTransferStatus.FullTransfer: return "ok";
                case I2cTransferStatus.SlaveAddressNotAcknowledged: return "address not acknowledged";
                case I2cTransferStatus.PartialTransfer: return "partial transfer";
                case I2cTransferStatus.ClockStretchTimeout: return "clock stretch timeout";
                default: return "unknown bus error";
            }
        }
    }
}
