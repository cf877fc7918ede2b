namespace MixBox.Dsp
{
    /// <summary>Meter numbers: channels first, then the sub-bus and main outputs.</summary>
    public static class MeterId
    {
        public const int MainLeft = EngineLimits.MaxChannels + 2 * EngineLimits.SubBuses;
        public const int MainRight = MainLeft + 1;
        public const int Count = MainRight + 1;

        public static int Channel(int channel) { return channel; }

        public static int SubLeft(int bus) { return EngineLimits.MaxChannels + 2 * bus; }

        public static int SubRight(int bus) { return EngineLimits.MaxChannels + 2 * bus + 1; }
    }
}
