namespace MixBox.Dsp
{
    /// <summary>Meter numbers: channels first (post-fader), then the sub-bus and main outputs, then each channel's pre-fader input meter.</summary>
    public static class MeterId
    {
        public const int MainLeft = EngineLimits.MaxChannels + 2 * EngineLimits.SubBuses;
        public const int MainRight = MainLeft + 1;
        public const int Count = MainRight + 1 + EngineLimits.MaxChannels;

        public static int Channel(int channel) { return channel; }

        public static int SubLeft(int bus) { return EngineLimits.MaxChannels + 2 * bus; }

        public static int SubRight(int bus) { return EngineLimits.MaxChannels + 2 * bus + 1; }

        /// <summary>A channel's pre-fader meter: the ADC sample, before trim, fader and mute.</summary>
        public static int Input(int channel) { return MainRight + 1 + channel; }
    }
}
