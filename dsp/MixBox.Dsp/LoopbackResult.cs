namespace MixBox.Dsp
{
    /// <summary>
    /// What the loopback self-test measured (mixbox_loopback_result_t): analogue round trip
    /// output -> input 1 in hundredths of a sample, the 1 kHz tone's level re a full-scale
    /// sine and its gain re what was sent, THD+N (residual RMS / fundamental RMS), all in
    /// centi-dB. Figures are valid when <see cref="Status"/> is Ok or Clipped.
    /// </summary>
    public struct LoopbackResult
    {
        public const int Fields = 5;

        public LoopbackStatus Status;
        public int LatencyCentiSamples;
        public int LevelCentiDb;
        public int GainCentiDb;
        public int ThdNCentiDb;

        /// <summary>Fills the fields from the native order: status, latency, level, gain, THD+N.</summary>
        public static LoopbackResult FromValues(int[] values)
        {
            LoopbackResult r;
            r.Status = (LoopbackStatus)values[0];
            r.LatencyCentiSamples = values[1];
            r.LevelCentiDb = values[2];
            r.GainCentiDb = values[3];
            r.ThdNCentiDb = values[4];
            return r;
        }

        /// <summary>Round-trip latency in microseconds at <paramref name="sampleRate"/>, rounded.</summary>
        public int LatencyMicroseconds(int sampleRate)
        {
            long scaled = (long)LatencyCentiSamples * 10000;
            return (int)((scaled + sampleRate / 2) / sampleRate);
        }

        /// <summary>One line for a person (the twin's CLI and the device's debug output).</summary>
        public string Describe(int sampleRate)
        {
            if (Status == LoopbackStatus.Running) return "self-test: running";
            if (Status == LoopbackStatus.NoSignal) return "self-test: no signal on input 1 (patch an output into input 1)";
            string line = "self-test: latency " + Fixed(LatencyMicroseconds(sampleRate), 1000, 3) + " ms ("
                + Fixed(LatencyCentiSamples, 100, 2) + " samples), level " + Fixed(LevelCentiDb, 100, 2) + " dBFS (gain "
                + Fixed(GainCentiDb, 100, 2) + " dB), THD+N " + Fixed(ThdNCentiDb, 100, 1) + " dB";
            return Status == LoopbackStatus.Clipped ? line + ": CLIPPED (input 1 reached full scale)" : line;
        }

        // value / scale with `decimals` digits (scale = 10^n, decimals <= n); integers only, as
        // the device has no floating-point formatting to spare.
        private static string Fixed(int value, int scale, int decimals)
        {
            string sign = value < 0 ? "-" : "";
            long magnitude = value < 0 ? -(long)value : value;
            long drop = scale / Pow10(decimals);
            magnitude = (magnitude + drop / 2) / drop;
            long unit = scale / drop;
            string fraction = (magnitude % unit).ToString();
            while (fraction.Length < decimals) fraction = "0" + fraction;
            return sign + (magnitude / unit).ToString() + (decimals > 0 ? "." + fraction : "");
        }

        private static long Pow10(int n)
        {
            long p = 1;
            for (int i = 0; i < n; i++) p *= 10;
            return p;
        }
    }
}
