namespace MixBox.Dsp
{
    /// <summary>
    /// Limits and fixed numbers of the native engine (mixbox_engine.h); EngineContractTests
    /// compares each with the header.
    /// </summary>
    public static class EngineLimits
    {
        /// <summary>MIXBOX_ABI_VERSION this facade was written against.</summary>
        public const int AbiVersion = 0x0005000A;
        public const int MaxChannels = 16;
        public const int DefaultChannels = 8;
        public const int SubBuses = 2;
        public const int MaxBlockFrames = 256;
        public const int DefaultSampleRate = 48000;
        public const int MinSampleRate = 8000;
        /// <summary>The loudness meter's bound; any integer rate from MinSampleRate up to it.</summary>
        public const int MaxSampleRate = 96000;
        public const int TrimMinCentiDb = -2000;
        public const int TrimMaxCentiDb = 2000;
        /// <summary>A fader at this value is off (-inf dB).</summary>
        public const int FaderOffCentiDb = -14400;
        public const int FaderMaxCentiDb = 1200;
        public const int PanMin = -100;
        public const int PanMax = 100;
        public const int NoSubBus = -1;
        /// <summary>Meter reading for silence; every reading is at least this.</summary>
        public const int MeterSilenceCentiDb = -20000;
        /// <summary>MIXBOX_SPECTRUM_BANDS: the octave analyser's bands, 31.5 Hz .. 16 kHz.</summary>
        public const int SpectrumBands = 10;
        /// <summary>MIXBOX_DISTORTION_DRIVE: the drive stage's distortion meter.</summary>
        public const int DistortionDrive = 0;
        /// <summary>MIXBOX_DISTORTION_SAFETY: the safety stage's (soft clip or true-peak limiter).</summary>
        public const int DistortionSafety = 1;
    }
}
