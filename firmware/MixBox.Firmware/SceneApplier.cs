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
