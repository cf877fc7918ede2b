namespace MixBox.Hal
{
    /// <summary>Status read back from the PCM5122.</summary>
    public struct Pcm5122Status
    {
        /// <summary>Register 118.</summary>
        public byte PowerStateRaw;
        /// <summary>Register 4: PLCK (b4) is 1 while the PLL is not locked.</summary>
        public byte Pll;
        /// <summary>Register 94 (CDST).</summary>
        public byte ClockDetector;

        public Pcm5122PowerState PowerState { get { return (Pcm5122PowerState)(PowerStateRaw & 0x0F); } }

        public bool PllLocked { get { return (Pll & 0x10) == 0; } }

        /// <summary>CDST b4: BCK and LRCK both missing.</summary>
        public bool AudioClocksMissing { get { return (ClockDetector & 0x10) != 0; } }
    }
}
