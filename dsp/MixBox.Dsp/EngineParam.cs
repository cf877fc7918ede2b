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

        // Mix-bus chain after the main fader: compressor -> drive -> output stage.
        /// <summary>Compressor threshold, centi-dB, -4000..0 (default -1000).</summary>
        CompThresholdCentiDb = 11,
        /// <summary>Ratio x100: 100 (1:1) .. 2000 (20:1); default 400.</summary>
        CompRatioX100 = 12,
        /// <summary>Attack in microseconds, 100..30000; default 10000.</summary>
        CompAttackMicroseconds = 13,
        /// <summary>Release in milliseconds, 50..2000, or 0 for Auto; default 600.</summary>
        CompReleaseMilliseconds = 14,
        /// <summary>Soft knee width, centi-dB, 0..1200 (below 10: hard); default 0.</summary>
        CompKneeCentiDb = 15,
        /// <summary>Make-up gain, centi-dB, 0..2000; default 0.</summary>
        CompMakeupCentiDb = 16,
        /// <summary>Side-chain high-pass, Hz: 0 (off) or 20..500 (panel 60, 90, 150); default 0.</summary>
        CompSidechainHighPassHz = 17,
        /// <summary>Stereo link: 0 = max of |L|, |R|; 1 = average.</summary>
        CompLink = 18,
        /// <summary>Wet share for parallel compression, 0..100 %; default 100.</summary>
        CompMixPercent = 19,
        /// <summary>1 = compressor out (default).</summary>
        CompBypass = 20,
        /// <summary>Saturation drive, centi-dB, 0 (off) .. 1800.</summary>
        DriveCentiDb = 21,
        /// <summary>Safety ceiling, centi-dB, -600..0; default -30.</summary>
        OutputCeilingCentiDb = 22,
        /// <summary>1 = soft clip the output to the ceiling (default 0).</summary>
        OutputSafety = 23,
        /// <summary>1 = TPDF dither to 24 bits (default 0).</summary>
        OutputDither = 24,
    }
}
