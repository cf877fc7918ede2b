namespace MixBox.Hal
{
    /// <summary>
    /// TLV320ADC6140 page 0 registers used by the driver. The HAL's one naming rule for
    /// register enums: the datasheet's name in PascalCase (SLEEP_CFG is SleepCfg), or a
    /// descriptive PascalCase name where the datasheet only numbers the register (PCM5122).
    /// Addresses from the datasheet (TI SBAS992A, Register Maps, "Page 0" register table),
    /// cross-checked against the register list of Linux sound/soc/codecs/tlv320adcx140.h.
    /// </summary>
    internal enum Tlv320Adc6140Register : byte
    {
        PageCfg = 0x00,
        SwReset = 0x01,
        SleepCfg = 0x02,
        AsiCfg0 = 0x07,
        AsiCfg1 = 0x08,
        AsiCh1 = 0x0B,
        AsiCh2 = 0x0C,
        AsiCh3 = 0x0D,
        AsiCh4 = 0x0E,
        MstCfg0 = 0x13,
        AsiSts = 0x15,
        ClkSrc = 0x16,
        /// <summary>CHn_CFG0..CFG4 repeat every 5 registers from here (CH1..CH4).</summary>
        Ch1Cfg0 = 0x3C,
        Ch1Cfg1 = 0x3D,
        Ch1Cfg2 = 0x3E,
        DspCfg0 = 0x6B,
        InChEn = 0x73,
        AsiOutChEn = 0x74,
        PwrCfg = 0x75,
        DevSts0 = 0x76,
        DevSts1 = 0x77,
    }
}
