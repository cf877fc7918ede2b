namespace MixBox.Dsp
{
    /// <summary>
    /// One meter read, levels in centi-dB re full scale (floor <see cref="EngineLimits.MeterSilenceCentiDb"/>).
    /// RMS takes 0 dBFS as full-scale DC, so a full-scale sine reads -301.
    /// </summary>
    public struct MeterReading
    {
        /// <summary>Highest |sample| since the previous read.</summary>
        public int PeakCentiDb;
        /// <summary>RMS over the last 300 ms.</summary>
        public int RmsCentiDb;
        /// <summary>Highest |sample| since start or the last hold reset.</summary>
        public int HoldCentiDb;
        /// <summary>A clip happened since the previous read.</summary>
        public bool Clipped;
    }
}
