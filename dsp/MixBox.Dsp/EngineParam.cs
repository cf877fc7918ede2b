namespace MixBox.Dsp
{
    /// <summary>Engine parameters in user units; numbers match mixbox_param_t in mixbox_engine.h.</summary>
    public enum EngineParam
    {
        /// <summary>Input trim, centi-dB, -2000..+2000.</summary>
        ChannelTrimCentiDb = 0,
        /// <summary>Channel fader, centi-dB, -14400 (off) .. +1200.</summary>
        ChannelFaderCentiDb = 1,
        /// <summary>Pan -100 (left) .. +100 (right), constant power, -3 dB centre.</summary>
        ChannelPan = 2,
        ChannelMute = 3,
        /// <summary>Solo-in-place: while any channel is soloed only soloed channels sound.</summary>
        ChannelSolo = 4,
        /// <summary>Polarity invert.</summary>
        ChannelInvert = 5,
        ChannelToMain = 6,
        /// <summary>-1 (none), 0 or 1.</summary>
        ChannelSubBus = 7,
        SubFaderCentiDb = 8,
        SubMute = 9,
        MainFaderCentiDb = 10,
    }
}
