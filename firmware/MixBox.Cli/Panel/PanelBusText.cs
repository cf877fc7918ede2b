using MixBox.Firmware;

namespace MixBox.Cli.FrontPanel;

/// <summary>
/// Words for the bus page on the web page: the name of each sub-page, of each knob's control
/// and of each Solo key's switch (docs/FIRMWARE.md, "The bus page"), and a control's value
/// (the firmware's, in its user units) as a musician reads it. Labels only: which control a
/// knob sets, whether a switch is on and every value come from the firmware.
/// </summary>
public static class PanelBusText
{
    public static readonly string[] SubPages = ["EQ low", "EQ bells", "EQ high", "de-esser", "stereo"];

    public static string Control(int control) => control switch
    {
        BusControl.HighPass => "HIGH-PASS",
        BusControl.LowShelfHz => "LOW SHELF Hz",
        BusControl.LowShelfGain => "LOW SHELF dB",
        BusControl.Bell1Hz => "BELL 1 Hz",
        BusControl.Bell1Gain => "BELL 1 dB",
        BusControl.Bell1Q => "BELL 1 Q",
        BusControl.Bell2Hz => "BELL 2 Hz",
        BusControl.Bell2Gain => "BELL 2 dB",
        BusControl.Bell2Q => "BELL 2 Q",
        BusControl.HighShelfHz => "HIGH SHELF Hz",
        BusControl.HighShelfGain => "HIGH SHELF dB",
        BusControl.Lowpass => "AIR / LOW-PASS",
        BusControl.DeessHz => "DE-ESS Hz",
        BusControl.DeessThreshold => "DE-ESS THRESH",
        BusControl.DeessRange => "DE-ESS RANGE",
        BusControl.DeessRelease => "DE-ESS RELEASE",
        BusControl.Width => "WIDTH",
        BusControl.MonoBelow => "MONO BELOW",
        _ => "",
    };

    public static string Value(int control, int value) => control switch
    {
        BusControl.HighPass or BusControl.Lowpass or BusControl.MonoBelow => value == 0 ? "off" : Hz(value),
        BusControl.LowShelfHz or BusControl.Bell1Hz or BusControl.Bell2Hz or BusControl.HighShelfHz or BusControl.DeessHz => Hz(value),
        BusControl.Bell1Q or BusControl.Bell2Q => $"Q {value / 100.0:0.00}",
        BusControl.DeessRelease => $"{value} ms",
        BusControl.Width => $"{value} %",
        BusControl.DeessRange => $"{value / 100.0:0.0} dB",
        _ => $"{(value > 0 ? "+" : "")}{value / 100.0:0.0} dB", // gains and the threshold, centi-dB
    };

    /// <summary>The switch under Solo <paramref name="solo"/> (0-based) on a sub-page, or "".</summary>
    public static string Switch(int subPage, int solo)
    {
        bool eq = subPage <= BusPage.EqHigh;
        if (eq && solo == BusPage.EqPlacementSolo) return "EQ AFTER COMP";
        return (subPage, solo) switch
        {
            (BusPage.EqLow, 0) => "18 dB/OCT",
            (BusPage.EqLow, 2) => "GENTLE SHELF",
            (BusPage.EqBells, 2) or (BusPage.EqBells, 6) => "PROP. Q",
            (BusPage.DeEsser, 0) => "DE-ESSER IN",
            (BusPage.DeEsser, 1) => "LISTEN",
            _ => "",
        };
    }

    private static string Hz(int hz) => hz >= 1000 ? $"{hz / 1000.0:0.##} kHz" : $"{hz} Hz";
}
