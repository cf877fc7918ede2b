namespace MixBox.Dsp
{
    /// <summary>
    /// The output's phase correlation (Pearson: sum LR / sqrt(sum L^2 sum R^2), averaged
    /// exponentially over 300 ms), its width and the correlation below 150 Hz.
    /// </summary>
    public struct CorrelationReading
    {
        /// <summary>-10000 (out of phase) .. +10000 (mono); 0 when a side is silent.</summary>
        public int CorrelationX10000;
        /// <summary>10 log10(side energy / mid energy) x 100, M = (L+R)/2, S = (L-R)/2; floor
        /// <see cref="EngineLimits.MeterSilenceCentiDb"/> (mono), ceiling its negative (L = -R).</summary>
        public int WidthCentiDb;
        /// <summary>The same correlation of L and R low-passed at 150 Hz.</summary>
        public int LowCorrelationX10000;
        /// <summary>False while the meter is off.</summary>
        public bool On;
    }
}
