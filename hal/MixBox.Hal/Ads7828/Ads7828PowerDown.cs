namespace MixBox.Hal
{
    /// <summary>
    /// ADS7828 command byte PD1:PD0 (bits 3:2), TI SBAS181 Table 3 "Power-Down Selection".
    /// </summary>
    public enum Ads7828PowerDown
    {
        BetweenConversions = 0,
        /// <summary>Internal reference off, converter on: the box feeds REFIN from 3.3 V so the pots read ratiometrically.</summary>
        ReferenceOffConverterOn = 1,
        ReferenceOnConverterOff = 2,
        ReferenceOnConverterOn = 3,
    }
}
