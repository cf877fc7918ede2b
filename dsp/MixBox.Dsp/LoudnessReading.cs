namespace MixBox.Dsp
{
    /// <summary>
    /// Loudness of what the DAC receives (EBU R 128 / ITU-R BS.1770-4), in hundredths:
    /// LUFS x 100, LU x 100, dBTP x 100; <see cref="EngineLimits.MeterSilenceCentiDb"/>
    /// while silent or not yet defined.
    /// </summary>
    public struct LoudnessReading
    {
        /// <summary>Last 400 ms, updated every 10 ms.</summary>
        public int MomentaryCentiLufs;
        /// <summary>Last 3 s, updated every 10 ms.</summary>
        public int ShortTermCentiLufs;
        /// <summary>Gated (-70 LUFS absolute, -10 LU relative) since the last reset.</summary>
        public int IntegratedCentiLufs;
        public int MomentaryMaxCentiLufs;
        public int ShortTermMaxCentiLufs;
        /// <summary>Loudness range (EBU Tech 3342), LU x 100.</summary>
        public int RangeCentiLu;
        /// <summary>True-peak max-hold since the last reset (BS.1770-4 Annex 2), dBTP x 100.</summary>
        public int TruePeakMaxCentiDb;
        /// <summary>False during the first 60 s after a reset, when the range is not yet meaningful.</summary>
        public bool RangeStable;
    }
}
