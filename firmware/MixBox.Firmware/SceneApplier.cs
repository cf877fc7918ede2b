using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>
    /// Pushes a scene into the engine (the engine makes set order irrelevant): the only mapping
    /// from a <see cref="Scene"/> to engine parameters, on the box and in `mixbox render` (whose
    /// engine has the box's <see cref="Scene.Channels"/> inputs too). A linked pair's
    /// sides get their share of the pair's level and balance (<see cref="StereoLink"/>). The
    /// analogue input settings go to the ADCs through <see cref="AnalogInputs"/>, not here.
    /// </summary>
    public static class SceneApplier
    {
        public static void Apply(Scene s, MixEngine engine, ChannelMutes mutes)
        {
            for (int c = 0; c < Scene.Channels; c++) ApplyChannel(s, engine, mutes, c);
            for (int b = 0; b < EngineLimits.SubBuses; b++)
            {
                engine.SetSubFader(b, s.SubFaderCentiDb[b]);
                engine.SetSubMute(b, s.SubMute[b]);
            }
            engine.SetMainFader(s.MainFaderCentiDb);
            ApplyCompressor(s, engine);
            engine.SetDrive(s.DriveCentiDb);
            engine.SetOutputStage(s.OutputSafety, s.OutputCeilingCentiDb, s.OutputDither);
            engine.Set(EngineParam.OutputLimiter, 0, s.OutputTruePeak ? 1 : 0);
            ApplyToolkit(s, engine);
        }

        /// <summary>The first and last of the toolkit's engine parameters (de-esser, bus EQ, stereo tools).</summary>
        public const EngineParam FirstToolkitParam = EngineParam.DeessOn;
        public const EngineParam LastToolkitParam = EngineParam.StereoMonoBelowHz;

        /// <summary>
        /// The bus EQ, de-esser and stereo tools, every parameter the engine does not hold
        /// already: each write re-designs on the control core (an EQ band ~0.13 s of soft float
        /// on the device), so a boot or recall that leaves the bus chain as it is designs nothing.
        /// </summary>
        public static void ApplyToolkit(Scene s, MixEngine engine)
        {
            for (int p = (int)FirstToolkitParam; p <= (int)LastToolkitParam; p++)
            {
                int value = ToolkitValue(s, (EngineParam)p);
                if (engine.Get((EngineParam)p, 0) != value) engine.Set((EngineParam)p, 0, value);
            }
        }

        /// <summary>What the scene asks of one toolkit parameter, in the engine's units.</summary>
        public static int ToolkitValue(Scene s, EngineParam param)
        {
            switch (param)
            {
                case EngineParam.DeessOn: return s.DeessOn ? 1 : 0;
                case EngineParam.DeessHz: return s.DeessHz;
                case EngineParam.DeessThresholdCentiDb: return s.DeessThresholdCentiDb;
                case EngineParam.DeessRangeCentiDb: return s.DeessRangeCentiDb;
                case EngineParam.DeessReleaseMilliseconds: return s.DeessReleaseMilliseconds;
                case EngineParam.DeessListen: return s.DeessListen ? 1 : 0;
                case EngineParam.EqAfterComp: return s.EqAfterComp ? 1 : 0;
                case EngineParam.EqHighPassHz: return s.EqHighPassHz;
                case EngineParam.EqHighPassSlope: return s.EqHighPassSlope;
                case EngineParam.EqLowShelfHz: return s.EqLowShelfHz;
                case EngineParam.EqLowShelfCentiDb: return s.EqLowShelfCentiDb;
                case EngineParam.EqLowShelfGentle: return s.EqLowShelfGentle ? 1 : 0;
                case EngineParam.EqBell1Hz: return s.EqBellHz[0];
                case EngineParam.EqBell1CentiDb: return s.EqBellCentiDb[0];
                case EngineParam.EqBell1QX100: return s.EqBellQX100[0];
                case EngineParam.EqBell2Hz: return s.EqBellHz[1];
                case EngineParam.EqBell2CentiDb: return s.EqBellCentiDb[1];
                case EngineParam.EqBell2QX100: return s.EqBellQX100[1];
                case EngineParam.EqProportionalQ: return s.EqProportionalQ ? 1 : 0;
                case EngineParam.EqHighShelfHz: return s.EqHighShelfHz;
                case EngineParam.EqHighShelfCentiDb: return s.EqHighShelfCentiDb;
                case EngineParam.EqLowpassHz: return s.EqLowpassHz;
                case EngineParam.StereoWidthPercent: return s.StereoWidthPercent;
                case EngineParam.StereoMonoBelowHz: return s.StereoMonoBelowHz;
                default: throw new System.ArgumentOutOfRangeException("param");
            }
        }

        /// <summary>Everything of one channel that the engine holds.</summary>
        public static void ApplyChannel(Scene s, MixEngine engine, ChannelMutes mutes, int c)
        {
            ApplyLevel(s, engine, c);
            engine.SetChannelTrim(c, s.TrimCentiDb[c]);
            engine.SetChannelSolo(c, s.Solo[c]);
            engine.SetChannelInvert(c, s.Invert[c]);
            // A channel on a sub-bus reaches the mix only through it (a group, like a drum bus).
            engine.SetChannelRoute(c, s.SubBus[c] == EngineLimits.NoSubBus, s.SubBus[c]);
            mutes.SetUserMute(c, s.Mute[c]);
        }

        /// <summary>A channel's fader and pan (for a linked channel: from the pair's level and balance).</summary>
        public static void ApplyLevel(Scene s, MixEngine engine, int c)
        {
            engine.SetChannelFader(c, StereoLink.EngineFaderCentiDb(s, c));
            engine.SetChannelPan(c, StereoLink.EnginePan(s, c));
        }

        public static void ApplyCompressor(Scene s, MixEngine engine)
        {
            engine.Set(EngineParam.CompThresholdCentiDb, 0, s.CompThresholdCentiDb);
            engine.Set(EngineParam.CompRatioX100, 0, s.CompRatioX100);
            engine.Set(EngineParam.CompAttackMicroseconds, 0, s.CompAttackMicroseconds);
            engine.Set(EngineParam.CompReleaseMilliseconds, 0, s.CompReleaseMilliseconds);
            engine.Set(EngineParam.CompKneeCentiDb, 0, s.CompKneeCentiDb);
            engine.Set(EngineParam.CompMakeupCentiDb, 0, s.CompMakeupCentiDb);
            engine.Set(EngineParam.CompMixPercent, 0, s.CompMixPercent);
            engine.Set(EngineParam.CompSidechainHighPassHz, 0, s.CompSidechainHighPassHz);
            engine.Set(EngineParam.CompLink, 0, s.CompLinkAverage ? 1 : 0);
            engine.SetCompressorBypass(!s.CompressorIn);
        }
    }
}
