namespace MixBox.Dsp.Tests;

internal static class EngineFixtures
{
    public const int SampleRate = 48000;
    public const int RampFrames = SampleRate / 200;

    /// <summary>An 8-channel engine with every channel but the listed ones muted.</summary>
    public static MixEngine WithOnlyChannels(params int[] audible) => WithOnlyChannelsAt(SampleRate, audible);

    /// <summary>The same at another sample rate.</summary>
    public static MixEngine WithOnlyChannelsAt(int sampleRate, params int[] audible)
    {
        var engine = new MixEngine(sampleRate, EngineLimits.DefaultChannels);
        for (int c = 0; c < engine.Channels; c++)
            if (!audible.Contains(c)) engine.SetChannelMute(c, true);
        return engine;
    }

    /// <summary>Runs silence through the engine until every gain ramp has ended.</summary>
    public static void Settle(MixEngine engine)
    {
        var input = new int[engine.SampleRate / 200 * engine.Channels]; // the engine's 5 ms ramp, in whole frames
        Render.Run(engine, input, 256);
    }

    /// <summary>Eight channels of distinct, 24-bit test material.</summary>
    public static int[] EightChannelMaterial(int frames, double amplitude, int seed)
    {
        var channels = new int[8][];
        for (int c = 0; c < 8; c++)
        {
            channels[c] = c % 2 == 0
                ? Signals.Noise(frames, amplitude, seed * 31 + c)
                : Signals.Sine(frames, 110 * (c + 1) + seed, amplitude);
        }
        return Signals.Interleave(channels);
    }
}
