namespace MixBox.Cli;

/// <summary>The box's Q1.31 output sample to each file format's word.</summary>
public static class SampleCoding
{
    /// <summary>
    /// The nearest 24-bit step (ties up), saturating at the top: flooring (>> 8) would put
    /// a -0.5 LSB bias on everything. Dithered output is on the 24-bit grid already and
    /// passes unchanged.
    /// </summary>
    public static int RoundTo24Bits(int q31)
    {
        long rounded = ((long)q31 + 128) >> 8;
        return rounded > 0x7FFFFF ? 0x7FFFFF : (int)rounded;
    }

    /// <summary>The nearest 16-bit step (ties up), saturating at the top (used when dither is off).</summary>
    public static int RoundTo16Bits(int q31)
    {
        long rounded = ((long)q31 + 32768) >> 16;
        return rounded > 0x7FFF ? 0x7FFF : (int)rounded;
    }

    /// <summary>Full scale ±1.0; exact for every 24-bit value (float's 24-bit significand), nearest for the rest.</summary>
    public static float ToFloat(int q31) => (float)(q31 / 2147483648.0);
}
