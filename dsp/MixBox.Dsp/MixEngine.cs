using System;

namespace MixBox.Dsp
{
    /// <summary>
    /// The firmware's only way to the native mix engine. The same class runs on the
    /// device (InternalCall binding) and in the host twin (DllImport binding); both
    /// bindings are a <c>NativeEngine</c> class in a file of their own.
    /// Every native refusal becomes a <see cref="MixEngineException"/>.
    /// </summary>
    public sealed class MixEngine : IDisposable
    {
        private readonly NativeEngine _native;
        private readonly int[] _meterValues = new int[4];
        private readonly int[] _loudnessValues = new int[8];
        private readonly int[] _spectrumValues = new int[EngineLimits.SpectrumBands + 1];
        private readonly int[] _correlationValues = new int[4];

        public MixEngine(int sampleRate = EngineLimits.DefaultSampleRate, int channels = EngineLimits.DefaultChannels)
        {
            int abi = NativeEngine.AbiVersion();
            if (abi != EngineLimits.AbiVersion)
            {
                throw new InvalidOperationException("native engine ABI " + abi.ToString("X8")
                    + " does not match the firmware's " + EngineLimits.AbiVersion.ToString("X8"));
            }
            _native = new NativeEngine();
            int status = _native.Init(sampleRate, channels);
            if (status != (int)EngineStatus.Ok)
            {
                _native.Dispose();
                throw new MixEngineException("init", (EngineStatus)status);
            }
            SampleRate = sampleRate;
            Channels = channels;
        }

        public int SampleRate { get; private set; }

        public int Channels { get; private set; }

        /// <summary>
        /// Mixes <paramref name="frames"/> frames of interleaved input (frames * Channels
        /// samples, Q1.31) into interleaved stereo output (frames * 2 samples). Samples of
        /// <paramref name="output"/> past frames * 2 are never touched.
        /// </summary>
        public void Process(int[] input, int[] output, int frames)
        {
            Check(_native.Process(input, output, frames), "process");
        }

        public void Set(EngineParam param, int index, int value)
        {
            Check(_native.SetParam((int)param, index, value), "set parameter ", (int)param);
        }

        public int Get(EngineParam param, int index)
        {
            int value;
            Check(_native.GetParam((int)param, index, out value), "get parameter ", (int)param);
            return value;
        }

        public void SetChannelTrim(int channel, int centiDb) { Set(EngineParam.ChannelTrimCentiDb, channel, centiDb); }

        public void SetChannelFader(int channel, int centiDb) { Set(EngineParam.ChannelFaderCentiDb, channel, centiDb); }

        public void SetChannelPan(int channel, int pan) { Set(EngineParam.ChannelPan, channel, pan); }

        public void SetChannelMute(int channel, bool muted) { Set(EngineParam.ChannelMute, channel, muted ? 1 : 0); }

        public void SetChannelSolo(int channel, bool soloed) { Set(EngineParam.ChannelSolo, channel, soloed ? 1 : 0); }

        public void SetChannelInvert(int channel, bool inverted) { Set(EngineParam.ChannelInvert, channel, inverted ? 1 : 0); }

        /// <summary>Routes a channel to the main bus and/or one sub-bus (-1 for none).</summary>
        public void SetChannelRoute(int channel, bool toMain, int subBus)
        {
            Set(EngineParam.ChannelToMain, channel, toMain ? 1 : 0);
            Set(EngineParam.ChannelSubBus, channel, subBus);
        }

        public void SetSubFader(int bus, int centiDb) { Set(EngineParam.SubFaderCentiDb, bus, centiDb); }

        public void SetSubMute(int bus, bool muted) { Set(EngineParam.SubMute, bus, muted ? 1 : 0); }

        public void SetMainFader(int centiDb) { Set(EngineParam.MainFaderCentiDb, 0, centiDb); }

        /// <summary>Sets up the bus compressor in user units and brings it in (bypass off).</summary>
        public void SetCompressor(int thresholdCentiDb, int ratioX100, int attackMicroseconds, int releaseMilliseconds,
            int kneeCentiDb, int makeupCentiDb, int mixPercent)
        {
            Set(EngineParam.CompThresholdCentiDb, 0, thresholdCentiDb);
            Set(EngineParam.CompRatioX100, 0, ratioX100);
            Set(EngineParam.CompAttackMicroseconds, 0, attackMicroseconds);
            Set(EngineParam.CompReleaseMilliseconds, 0, releaseMilliseconds);
            Set(EngineParam.CompKneeCentiDb, 0, kneeCentiDb);
            Set(EngineParam.CompMakeupCentiDb, 0, makeupCentiDb);
            Set(EngineParam.CompMixPercent, 0, mixPercent);
            Set(EngineParam.CompBypass, 0, 0);
        }

        public void SetCompressorBypass(bool bypassed) { Set(EngineParam.CompBypass, 0, bypassed ? 1 : 0); }

        public void SetDrive(int centiDb) { Set(EngineParam.DriveCentiDb, 0, centiDb); }

        /// <summary>Output stage: soft clip to the ceiling and/or TPDF dither to 24 bits.</summary>
        public void SetOutputStage(bool safetyClip, int ceilingCentiDb, bool dither)
        {
            Set(EngineParam.OutputCeilingCentiDb, 0, ceilingCentiDb);
            Set(EngineParam.OutputSafety, 0, safetyClip ? 1 : 0);
            Set(EngineParam.OutputDither, 0, dither ? 1 : 0);
        }

        /// <summary>The compressor's largest gain reduction since the previous read, centi-dB (>= 0).</summary>
        public int ReadGainReduction()
        {
            int value;
            Check(_native.ReadGainReduction(out value), "read gain reduction");
            return value;
        }

        /// <summary>The distortion a stage (<see cref="EngineLimits.DistortionDrive"/> or
        /// <see cref="EngineLimits.DistortionSafety"/>) added since the previous read: energy of (output - linear
        /// part) re the linear part, centi-dB; <see cref="EngineLimits.MeterSilenceCentiDb"/> when it changed
        /// nothing (e.g. off). Resets it.</summary>
        public int ReadDistortion(int stage)
        {
            int value;
            Check(_native.ReadDistortion(stage, out value), "read distortion of stage ", stage);
            return value;
        }

        /// <summary>Frames the current parameters delay the output by (the true-peak limiter's look-ahead).</summary>
        public int ReadLatencyFrames()
        {
            int value;
            Check(_native.ReadLatencyFrames(out value), "read latency");
            return value;
        }

        /// <summary>The de-esser's largest reduction of its band since the previous read, centi-dB (>= 0).</summary>
        public int ReadDeEsserReduction()
        {
            int value;
            Check(_native.ReadDeEsserReduction(out value), "read de-esser reduction");
            return value;
        }

        /// <summary>The octave analyser's band levels (turn it on with <see cref="EngineParam.AnalyserOn"/>);
        /// reading does not reset them. The reading's arrays are new each call.</summary>
        public SpectrumReading ReadSpectrum()
        {
            Check(_native.ReadSpectrum(_spectrumValues), "read spectrum");
            SpectrumReading reading;
            reading.BandCentiDb = new int[EngineLimits.SpectrumBands];
            Array.Copy(_spectrumValues, reading.BandCentiDb, EngineLimits.SpectrumBands);
            reading.On = _spectrumValues[EngineLimits.SpectrumBands] != 0;
            return reading;
        }

        /// <summary>Phase correlation, width and low-band correlation of the output (turn the meter on
        /// with <see cref="EngineParam.CorrelationOn"/>); reading does not reset them.</summary>
        public CorrelationReading ReadCorrelation()
        {
            Check(_native.ReadCorrelation(_correlationValues), "read correlation");
            CorrelationReading reading;
            reading.CorrelationX10000 = _correlationValues[0];
            reading.WidthCentiDb = _correlationValues[1];
            reading.LowCorrelationX10000 = _correlationValues[2];
            reading.On = _correlationValues[3] != 0;
            return reading;
        }

        /// <summary>Loudness of the output; reading does not reset it.</summary>
        public LoudnessReading ReadLoudness()
        {
            Check(_native.ReadLoudness(_loudnessValues), "read loudness");
            LoudnessReading reading;
            reading.MomentaryCentiLufs = _loudnessValues[0];
            reading.ShortTermCentiLufs = _loudnessValues[1];
            reading.IntegratedCentiLufs = _loudnessValues[2];
            reading.MomentaryMaxCentiLufs = _loudnessValues[3];
            reading.ShortTermMaxCentiLufs = _loudnessValues[4];
            reading.RangeCentiLu = _loudnessValues[5];
            reading.TruePeakMaxCentiDb = _loudnessValues[6];
            reading.RangeStable = _loudnessValues[7] != 0;
            return reading;
        }

        /// <summary>The output's true peak (ITU-R BS.1770-4 Annex 2, the loudness meter's) since the previous
        /// read, dBTP x 100; <see cref="EngineLimits.MeterSilenceCentiDb"/> when nothing was measured. Resets it,
        /// like <see cref="ReadMeter"/>'s peak; <see cref="ResetLoudness"/> and the max-hold in
        /// <see cref="ReadLoudness"/> are separate from it.</summary>
        public int ReadTruePeak()
        {
            int value;
            Check(_native.ReadTruePeak(out value), "read true peak");
            return value;
        }

        /// <summary>Starts a new loudness measurement (integrated, range, maxima, true-peak hold).</summary>
        public void ResetLoudness()
        {
            Check(_native.ResetLoudness(), "reset loudness");
        }

        /// <summary>Reads a meter (see <see cref="MeterId"/>) and resets its peak and clip flag.</summary>
        public MeterReading ReadMeter(int meterId)
        {
            Check(_native.ReadMeter(meterId, _meterValues), "read meter ", meterId);
            MeterReading reading;
            reading.PeakCentiDb = _meterValues[0];
            reading.RmsCentiDb = _meterValues[1];
            reading.HoldCentiDb = _meterValues[2];
            reading.Clipped = _meterValues[3] != 0;
            return reading;
        }

        public void ResetMeterHold(int meterId)
        {
            Check(_native.ResetMeterHold(meterId), "reset meter hold ", meterId);
        }

        public void Dispose()
        {
            _native.Dispose();
        }

        // Both overloads take the status first, then what was being done.
        private static void Check(int status, string operation)
        {
            if (status != (int)EngineStatus.Ok)
            {
                throw new MixEngineException(operation, (EngineStatus)status);
            }
        }

        // The operation's name is only built when the call failed: the audio and
        // control loops call these every block and every tick, and must not allocate.
        private static void Check(int status, string operation, int index)
        {
            if (status != (int)EngineStatus.Ok)
            {
                throw new MixEngineException(operation + index.ToString(), (EngineStatus)status);
            }
        }
    }
}
