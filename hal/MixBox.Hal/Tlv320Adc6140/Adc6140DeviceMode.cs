namespace MixBox.Hal
{
    /// <summary>
    /// DEV_STS1 MODE_STS (bits 7:5): what the TLV320ADC6140 says it is doing
    /// (TI SBAS992A, Register Maps, page 0, DEV_STS1, address 0x77).
    /// </summary>
    public enum Adc6140DeviceMode
    {
        Sleep = 4,
        /// <summary>Awake, but no channel is converting (typically: no ASI clock yet).</summary>
        ActiveIdle = 6,
        /// <summary>Awake and converting every enabled channel.</summary>
        Recording = 7,
    }
}
