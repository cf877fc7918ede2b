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

        // Mix-bus chain after the main fader: de-esser -> (EQ) -> compressor -> (EQ) -> drive -> stereo tools -> output stage.
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

        // De-esser (split band, one detector for both sides), first in the chain.
        /// <summary>1 = de-esser in (default 0).</summary>
        DeessOn = 25,
        /// <summary>Detector band centre, Hz, 2000..12000 (default 6500).</summary>
        DeessHz = 26,
        /// <summary>Threshold, centi-dB, -5000..0 (default -2000).</summary>
        DeessThresholdCentiDb = 27,
        /// <summary>Largest reduction of the band, centi-dB, 0..1200 (default 600).</summary>
        DeessRangeCentiDb = 28,
        /// <summary>Release, milliseconds, 20..300 (default 60); attack is 1 ms.</summary>
        DeessReleaseMilliseconds = 29,
        /// <summary>1 = output what the detector hears (default 0).</summary>
        DeessListen = 30,

        // Bus EQ: bands at 0 dB and filters that are off cost nothing.
        /// <summary>0 = EQ before the compressor (default), 1 = after it.</summary>
        EqAfterComp = 31,
        /// <summary>High-pass, Hz: 0 (off), 20, 30, 40, 60, 80, 100, 150 (default 0).</summary>
        EqHighPassHz = 32,
        /// <summary>High-pass slope, dB/oct: 12 (default) or 18.</summary>
        EqHighPassSlope = 33,
        /// <summary>Low shelf, Hz, 30..300 (default 100).</summary>
        EqLowShelfHz = 34,
        /// <summary>Low shelf gain, centi-dB, -1200..+1200 (default 0).</summary>
        EqLowShelfCentiDb = 35,
        /// <summary>1 = gentle (Pultec-like) shelf slope (default 0).</summary>
        EqLowShelfGentle = 36,
        /// <summary>Bell 1, Hz, 60..8000 (default 300).</summary>
        EqBell1Hz = 37,
        /// <summary>Bell 1 gain, centi-dB, -1200..+1200 (default 0).</summary>
        EqBell1CentiDb = 38,
        /// <summary>Bell 1 Q x100, 40..400 (default 100).</summary>
        EqBell1QX100 = 39,
        /// <summary>Bell 2, Hz, 60..8000 (default 3000).</summary>
        EqBell2Hz = 40,
        /// <summary>Bell 2 gain, centi-dB, -1200..+1200 (default 0).</summary>
        EqBell2CentiDb = 41,
        /// <summary>Bell 2 Q x100, 40..400 (default 100).</summary>
        EqBell2QX100 = 42,
        /// <summary>1 = the bells' Q rises with gain: max(0.4, Q |gain| / 12 dB) (default 0).</summary>
        EqProportionalQ = 43,
        /// <summary>High shelf, Hz, 1500..16000 (default 8000).</summary>
        EqHighShelfHz = 44,
        /// <summary>High shelf gain, centi-dB, -1200..+1200 (default 0).</summary>
        EqHighShelfCentiDb = 45,
        /// <summary>Low-pass ("air"), Hz: 0 (off) or 10000..20000 (default 0).</summary>
        EqLowpassHz = 46,

        // Stereo tools (mid/side), after the drive.
        /// <summary>Side gain, 0..200 % (default 100: bit-exact).</summary>
        StereoWidthPercent = 47,
        /// <summary>Mono below, Hz: 0 (off), 60, 100, 150, 200 (side high-passed by an LR4; default 0).</summary>
        StereoMonoBelowHz = 48,
        /// <summary>The output word: 24 (default) or 16 bits; what dither targets, and at 16 every sample is on the 16-bit grid.</summary>
        OutputWordBits = 49,

        /// <summary>Safety stage mode (with OutputSafety on): 0 = zero-latency soft clip to the ceiling in dBFS
        /// (default), 1 = look-ahead true-peak limiter, ceiling in dBTP, output delayed by
        /// <see cref="MixEngine.ReadLatencyFrames"/> (0.5 ms).</summary>
        OutputLimiter = 50,

        // Bus meters of the main output (appended; off costs nothing).
        /// <summary>1 = the octave analyser runs (<see cref="MixEngine.ReadSpectrum"/>); default 0.</summary>
        AnalyserOn = 51,
        /// <summary>The analyser's averaging: 0 = 300 ms (default), 1 = 3 s.</summary>
        AnalyserSlow = 52,
        /// <summary>1 = the correlation meter runs (<see cref="MixEngine.ReadCorrelation"/>); default 0.</summary>
        CorrelationOn = 53,
    }
}
