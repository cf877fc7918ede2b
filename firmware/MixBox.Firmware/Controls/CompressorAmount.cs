namespace MixBox.Firmware
{
    /// <summary>The compressor-amount knob: more travel lowers the threshold, 0 to -30 dB.</summary>
    public static class CompressorAmount
    {
        public const int DeepestThresholdCentiDb = -3000;

        public static int ThresholdFromTravel(int travel)
        {
            return DeepestThresholdCentiDb * travel / FaderLaw.FullTravel;
        }

        public static int TravelFromThreshold(int thresholdCentiDb)
        {
            if (thresholdCentiDb <= DeepestThresholdCentiDb) return FaderLaw.FullTravel;
            if (thresholdCentiDb >= 0) return 0;
            return FaderLaw.FullTravel * thresholdCentiDb / DeepestThresholdCentiDb;
        }
    }
}
