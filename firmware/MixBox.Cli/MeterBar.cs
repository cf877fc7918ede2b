using MixBox.Dsp;

namespace MixBox.Cli;

/// <summary>A text LED ladder: 12 segments from -60 to 0 dBFS (5 dB each) on the peak hold.</summary>
public static class MeterBar
{
    private const int Segments = 12;
    private const int BottomCentiDb = -6000;

    public static string Format(string name, MeterReading reading)
    {
        int lit = Math.Clamp((reading.HoldCentiDb - BottomCentiDb) / 500 + 1, 0, Segments);
        if (reading.HoldCentiDb < BottomCentiDb) lit = 0;
        string bar = new string('#', lit) + new string('.', Segments - lit);
        return $"{name,-12} [{bar}] peak {Db(reading.HoldCentiDb),7} dBFS  rms {Db(reading.RmsCentiDb),7} dBFS{(reading.Clipped ? "  CLIP" : "")}";
    }

    private static string Db(int centiDb) => centiDb <= EngineLimits.MeterSilenceCentiDb ? "-inf" : (centiDb / 100.0).ToString("F1");
}
