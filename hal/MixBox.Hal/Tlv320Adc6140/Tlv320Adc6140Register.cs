namespace MixBox.Hal
{
    /// <summary>
    /// TLV320ADC6140 page 0 registers used by the driver. Addresses from the datasheet
    /// (TI SBAS982, Register Maps, "Page 0" register table), cross-checked
    /// against the register list of Linux sound/soc/codecs/tlv320adcx140.h.
    /// </summary>
    internal enum Tlv320Adc6140Register : byte
    {
        PAGE_CFG = 0x00,
        SW_RESET = 0x01,
        SLEEP_CFG = 0x02,
        ASI_CFG0 = 0x07,
        ASI_CFG1 = 0x08,
        ASI_CH1 = 0x0B,
        ASI_CH2 = 0x0C,
        ASI_CH3 = 0x0D,
        ASI_CH4 = 0x0E,
        MST_CFG0 = 0x13,
        ASI_STS = 0x15,
        CLK_SRC = 0x16,
        /// <summary>CHn_CFG0..CFG4 repeat every 5 registers from here (CH1..CH4).</summary>
        CH1_CFG0 = 0x3C,
        CH1_CFG1 = 0x3D,
        CH1_CFG2 = 0x3E,
        DSP_CFG0 = 0x6B,
        IN_CH_EN = 0x73,
        ASI_OUT_CH_EN = 0x74,
        PWR_CFG = 0x75,
        DEV_STS0 = 0x76,
        DEV_STS1 = 0x77,
    }
}
