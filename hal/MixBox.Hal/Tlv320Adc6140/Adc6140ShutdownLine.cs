namespace MixBox.Hal
{
    /// <summary>
    /// The TLV320ADC6140's SHDNZ input (active low). The board holds it low with a pull-down, so
    /// the ADC sits in hardware shutdown, off the bus, until the firmware releases it; pulsing
    /// it is the one reset that reaches a part whose I2C side no longer answers.
    /// </summary>
    public sealed class Adc6140ShutdownLine
    {
        // Timing from TI SBAS992A section 8.4.1 (hardware shutdown) and 8.4.2 (sleep mode), as
        // the Linux tlv320adcx140 driver applies it: the part needs 25 ms to complete a hardware
        // shutdown, then at least 1 ms before SHDNZ rises again; after it rises, wait 10 ms
        // before the first register access.
        public const int ShutdownHoldMs = 25 + 1;
        public const int ReleaseWaitMs = 10;

        private readonly IOutputLine _line;
        private readonly IDelay _delay;

        /// <summary>Takes over the line, still low: the part stays in shutdown until <see cref="Release"/>.</summary>
        public Adc6140ShutdownLine(IOutputLines lines, int pin, IDelay delay)
        {
            _line = lines.Open(pin, false);
            _delay = delay;
        }

        /// <summary>Brings the part out of hardware shutdown (register defaults) and waits until it can be addressed.</summary>
        public void Release()
        {
            _line.Write(true);
            _delay.Milliseconds(ReleaseWaitMs);
        }

        /// <summary>A hardware reset: shutdown for the datasheet's time, then <see cref="Release"/>.</summary>
        public void Pulse()
        {
            _line.Write(false);
            _delay.Milliseconds(ShutdownHoldMs);
            Release();
        }
    }
}
