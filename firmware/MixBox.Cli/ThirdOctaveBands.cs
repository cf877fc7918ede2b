namespace MixBox.Cli;

/// <summary>
/// One-third-octave bands, base ten, 25 Hz to 20 kHz: exact mid-band frequencies
/// f_m = 1000·10^(x/10) Hz and band edges f_m·10^(±1/20) (IEC 61260-1:2014, 5.2 and 5.4), with the
/// nominal names of IEC 61260-1 Annex E for labels.
/// </summary>
public static class ThirdOctaveBands
{
    public static readonly string[] Nominal =
        ["25", "31.5", "40", "50", "63", "80", "100", "125", "160", "200", "250", "315", "400", "500", "630", "800",
         "1k", "1.25k", "1.6k", "2k", "2.5k", "3.15k", "4k", "5k", "6.3k", "8k", "10k", "12.5k", "16k", "20k"];

    public static int Count => Nominal.Length;

    /// <summary>Band index 0 is x = −16 (25 Hz); 1 kHz is x = 0.</summary>
    public static double Centre(int band) => 1000 * Math.Pow(10, (band - 16) / 10.0);

    public static double Lower(int band) => Centre(band) * Math.Pow(10, -1 / 20.0);

    public static double Upper(int band) => Centre(band) * Math.Pow(10, 1 / 20.0);
}
