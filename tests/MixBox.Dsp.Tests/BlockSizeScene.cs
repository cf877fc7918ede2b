namespace MixBox.Dsp.Tests;

internal enum SceneOp { Set, ReadMeter, ReadGainReduction, ReadDeEsserReduction, ReadLoudness, ResetLoudness, ResetMeterHold, ReadDistortion,
    ReadSpectrum, ReadCorrelation }

/// <summary>One thing done to the engine between two blocks: a parameter set, a reading or a reset.</summary>
internal readonly record struct SceneEvent(int Frame, SceneOp Op, EngineParam Param = default, int Index = 0, int Value = 0)
{
    public bool IsReading => Op is SceneOp.ReadMeter or SceneOp.ReadGainReduction or SceneOp.ReadDeEsserReduction or SceneOp.ReadLoudness
        or SceneOp.ReadDistortion or SceneOp.ReadSpectrum or SceneOp.ReadCorrelation;

    public override string ToString() => Op switch
    {
        SceneOp.Set when Param <= EngineParam.SubMute => $"@{Frame} {Param}[{Index}] = {Value}",
        SceneOp.Set => $"@{Frame} {Param} = {Value}",
        SceneOp.ReadMeter or SceneOp.ResetMeterHold => $"@{Frame} {Op} {BlockSizeScene.MeterName(Index)}",
        _ => $"@{Frame} {Op}",
    };
}

internal readonly record struct SceneReading(int Frame, string Source, string Value);

/// <summary>
/// A seeded random scene: input material, an initial scene (the sets at frame 0, before
/// the first block) and changes, readings and resets at chosen frames. Rendered with any
/// block size; blocks are cut at every event frame, so each block size sees the events
/// at the same frames.
/// </summary>
internal sealed class BlockSizeScene
{
    private static readonly int[] SampleRates = { 8000, 22000, 44100, 48000, 96000 };

    // Every parameter, and the ones whose changes are most likely to expose block-size
    // dependence (compressor in/out, routing, drive crossfade, the toolkit's bands going
    // in and out, its coefficient smoothing, the de-esser's release to rest, the EQ
    // moving around the compressor) a few times more.
    private static readonly EngineParam[] Changes = Enum.GetValues<EngineParam>().Concat(new[]
    {
        EngineParam.CompBypass, EngineParam.CompBypass, EngineParam.CompBypass, EngineParam.CompMixPercent,
        EngineParam.CompSidechainHighPassHz, EngineParam.CompMakeupCentiDb, EngineParam.DriveCentiDb,
        EngineParam.ChannelToMain, EngineParam.ChannelSubBus, EngineParam.ChannelSubBus, EngineParam.ChannelFaderCentiDb,
        EngineParam.DeessOn, EngineParam.DeessOn, EngineParam.DeessThresholdCentiDb, EngineParam.DeessHz,
        EngineParam.EqAfterComp, EngineParam.EqHighPassHz, EngineParam.EqLowShelfCentiDb, EngineParam.EqBell1CentiDb,
        EngineParam.EqBell1Hz, EngineParam.EqBell2CentiDb, EngineParam.EqHighShelfCentiDb, EngineParam.EqLowpassHz,
        EngineParam.StereoWidthPercent, EngineParam.StereoMonoBelowHz,
        EngineParam.OutputSafety, EngineParam.OutputLimiter, EngineParam.OutputLimiter, EngineParam.OutputCeilingCentiDb,
    }).ToArray();

    private static readonly int[] HighPassHz = { 0, 20, 30, 40, 60, 80, 100, 150 };
    private static readonly int[] MonoBelowHz = { 0, 60, 100, 150, 200 };

    private static int LogUniform(Random random, int low, int high) => (int)Math.Round(low * Math.Pow((double)high / low, random.NextDouble()));

    private static int EqGain(Random random) => random.Next(3) == 0 ? 0 : random.Next(-1200, 1201);

    private BlockSizeScene(int seed, int sampleRate, int channels, int[] input, List<SceneEvent> events)
    {
        Seed = seed;
        SampleRate = sampleRate;
        Channels = channels;
        Input = input;
        Frames = input.Length / channels;
        Events = events;
    }

    public int Seed { get; }
    public int SampleRate { get; }
    public int Channels { get; }
    public int Frames { get; }
    public int[] Input { get; }
    /// <summary>Sorted by frame; at one frame, applied in list order.</summary>
    public IReadOnlyList<SceneEvent> Events { get; }

    public override string ToString() => $"seed {Seed}: {SampleRate} Hz, {Channels} channels, {Frames} frames";

    public static string MeterName(int id) => id switch
    {
        < EngineLimits.MaxChannels => $"channel {id}",
        MeterId.MainLeft => "main L",
        MeterId.MainRight => "main R",
        > MeterId.MainRight => $"input {id - MeterId.Input(0)} (pre-fader)",
        _ => $"sub {(id - EngineLimits.MaxChannels) / 2} {((id - EngineLimits.MaxChannels) % 2 == 0 ? "L" : "R")}",
    };

    public static BlockSizeScene Generate(int seed)
    {
        var random = new Random(seed);
        int sampleRate = SampleRates[random.Next(SampleRates.Length)];
        int channels = random.Next(1, EngineLimits.MaxChannels + 1);
        int frames = random.Next(3000, 15001);
        int rampFrames = sampleRate / 200;
        var input = Material(random, channels, frames, sampleRate);

        var events = new List<SceneEvent>
        {
            new(0, SceneOp.Set, EngineParam.CompThresholdCentiDb, 0, random.Next(-3000, -300)),
            new(0, SceneOp.Set, EngineParam.CompBypass, 0, random.Next(4) == 0 ? 1 : 0),
        };
        for (int i = random.Next(4, 25); i > 0; i--) events.Add(RandomSet(random, 0, channels));
        if (random.Next(4) == 0) // a hot mix: the main bus up to the chain's +24 dBFS input limit
        {
            events.Add(new(0, SceneOp.Set, EngineParam.MainFaderCentiDb, 0, random.Next(600, 1201)));
            for (int c = 0; c < channels; c++) events.Add(new(0, SceneOp.Set, EngineParam.ChannelTrimCentiDb, c, random.Next(600, 2001)));
        }

        // Changes: some alone, some soon after another (during its ramp or fade).
        for (int i = random.Next(5, 40); i > 0; i--)
        {
            int frame = random.Next(1, frames);
            for (int n = random.Next(1, 4); n > 0; n--) events.Add(RandomSet(random, frame, channels));
            if (random.Next(2) == 0 && frame + 2 * rampFrames + 32 < frames)
                events.Add(RandomSet(random, frame + random.Next(1, 2 * rampFrames + 32), channels));
        }
        // Readings and resets.
        for (int i = random.Next(5, 30); i > 0; i--)
        {
            int frame = random.Next(0, frames);
            for (int n = random.Next(1, 4); n > 0; n--) events.Add(RandomProbe(random, frame, channels));
        }
        return new BlockSizeScene(seed, sampleRate, channels, input, events.OrderBy(e => e.Frame).ToList());
    }

    private static SceneEvent RandomSet(Random random, int frame, int channels)
    {
        var param = Changes[random.Next(Changes.Length)];
        int index = param <= EngineParam.ChannelSubBus ? random.Next(channels)
            : param <= EngineParam.SubMute ? random.Next(EngineLimits.SubBuses) : 0;
        int value = param switch
        {
            EngineParam.ChannelTrimCentiDb => random.Next(-2000, 2001),
            EngineParam.ChannelFaderCentiDb or EngineParam.SubFaderCentiDb or EngineParam.MainFaderCentiDb =>
                random.Next(6) == 0 ? EngineLimits.FaderOffCentiDb : random.Next(-3000, 1201),
            EngineParam.ChannelPan => random.Next(-100, 101),
            EngineParam.ChannelSubBus => random.Next(-1, 2),
            EngineParam.CompThresholdCentiDb => random.Next(-4000, 1),
            EngineParam.CompRatioX100 => random.Next(100, 2001),
            EngineParam.CompAttackMicroseconds => (int)Math.Round(100 * Math.Pow(300, random.NextDouble())),
            EngineParam.CompReleaseMilliseconds => random.Next(4) == 0 ? 0 : random.Next(50, 2001),
            EngineParam.CompKneeCentiDb => random.Next(4) == 0 ? random.Next(0, 10) : random.Next(10, 1201),
            EngineParam.CompMakeupCentiDb => random.Next(0, 2001),
            EngineParam.CompSidechainHighPassHz => random.Next(3) == 0 ? 0 : random.Next(20, 501),
            EngineParam.CompMixPercent => random.Next(4) == 0 ? 100 : random.Next(5) == 0 ? 0 : random.Next(0, 101),
            EngineParam.DriveCentiDb => random.Next(3) == 0 ? 0 : random.Next(1, 1801),
            EngineParam.OutputCeilingCentiDb => random.Next(-600, 1),
            EngineParam.DeessHz => LogUniform(random, 2000, 12000),
            EngineParam.DeessThresholdCentiDb => random.Next(-5000, 1),
            EngineParam.DeessRangeCentiDb => random.Next(0, 1201),
            EngineParam.DeessReleaseMilliseconds => random.Next(20, 301),
            EngineParam.EqHighPassHz => HighPassHz[random.Next(HighPassHz.Length)],
            EngineParam.EqHighPassSlope => random.Next(2) == 0 ? 12 : 18,
            EngineParam.EqLowShelfHz => LogUniform(random, 30, 300),
            EngineParam.EqBell1Hz or EngineParam.EqBell2Hz => LogUniform(random, 60, 8000),
            EngineParam.EqBell1QX100 or EngineParam.EqBell2QX100 => LogUniform(random, 40, 400),
            EngineParam.EqHighShelfHz => LogUniform(random, 1500, 16000),
            EngineParam.EqLowShelfCentiDb or EngineParam.EqBell1CentiDb or EngineParam.EqBell2CentiDb
                or EngineParam.EqHighShelfCentiDb => EqGain(random),
            EngineParam.EqLowpassHz => random.Next(3) == 0 ? 0 : random.Next(10000, 20001),
            EngineParam.StereoWidthPercent => random.Next(3) == 0 ? 100 : random.Next(0, 201),
            EngineParam.StereoMonoBelowHz => MonoBelowHz[random.Next(MonoBelowHz.Length)],
            EngineParam.OutputWordBits => random.Next(2) == 0 ? 16 : 24,
            _ => random.Next(2), // switches
        };
        return new SceneEvent(frame, SceneOp.Set, param, index, value);
    }

    private static SceneEvent RandomProbe(Random random, int frame, int channels)
    {
        int meter = random.Next(3) switch
        {
            0 => random.Next(channels),
            1 => random.Next(EngineLimits.MaxChannels, MeterId.MainRight + 1),
            _ => MeterId.Input(random.Next(channels)),
        };
        return random.Next(22) switch
        {
            < 8 => new(frame, SceneOp.ReadMeter, Index: meter),
            20 or 21 => new(frame, SceneOp.ReadDistortion, Index: random.Next(2)),
            < 11 => new(frame, SceneOp.ReadGainReduction),
            < 13 => new(frame, SceneOp.ReadDeEsserReduction),
            < 18 => new(frame, SceneOp.ReadLoudness),
            18 => new(frame, SceneOp.ResetLoudness),
            _ => new(frame, SceneOp.ResetMeterHold, Index: meter),
        };
    }

    /// <summary>Per channel, stretches of sines, noise, both, silence, DC, over full scale or any 32-bit value.</summary>
    private static int[] Material(Random random, int channels, int frames, int sampleRate)
    {
        var input = new int[frames * channels];
        for (int c = 0; c < channels; c++)
        {
            for (int start = 0, end; start < frames; start = end)
            {
                end = Math.Min(frames, start + random.Next(frames / 4, frames + 1));
                double amplitude = Math.Pow(10, -30 * random.NextDouble() / 20);
                double step = 2 * Math.PI * 20 * Math.Pow(0.45 * sampleRate / 20, random.NextDouble()) / sampleRate;
                double noise = random.Next(3) == 0 ? amplitude * random.NextDouble() : 0;
                double dc = random.Next(2) == 0 ? amplitude : -amplitude;
                int kind = random.Next(12);
                for (int i = start; i < end; i++)
                {
                    double sine = Math.Sin(step * i);
                    input[i * channels + c] = kind switch
                    {
                        0 => 0,
                        1 => Signals.ToQ31Of24Bit(dc),
                        2 => Signals.ToQ31Of24Bit(1.5 * sine), // clips at the converter's full-scale code
                        3 => random.Next(int.MinValue, int.MaxValue), // any 32-bit value is accepted
                        _ => Signals.ToQ31Of24Bit(amplitude * sine + noise * (2 * random.NextDouble() - 1)),
                    };
                }
            }
        }
        return input;
    }

    public (int[] Output, List<SceneReading> Readings) Render(int blockFrames)
    {
        using var engine = new MixEngine(SampleRate, Channels);
        var output = new int[Frames * 2];
        var readings = new List<SceneReading>();
        var inBlock = new int[blockFrames * Channels];
        var outBlock = new int[blockFrames * 2];
        int next = 0;
        for (int frame = 0; frame < Frames;)
        {
            for (; next < Events.Count && Events[next].Frame == frame; next++) Apply(engine, Events[next], readings);
            int until = next < Events.Count ? Events[next].Frame : Frames;
            for (int n; frame < until; frame += n)
            {
                n = Math.Min(blockFrames, until - frame);
                Array.Copy(Input, frame * Channels, inBlock, 0, n * Channels);
                engine.Process(inBlock, outBlock, n);
                Array.Copy(outBlock, 0, output, frame * 2, n * 2);
            }
        }
        // At the end, every meter, the gain reduction and the loudness.
        foreach (int meter in Enumerable.Range(0, Channels).Concat(Enumerable.Range(EngineLimits.MaxChannels, 2 * EngineLimits.SubBuses + 2))
                     .Concat(Enumerable.Range(MeterId.Input(0), Channels)))
            Apply(engine, new SceneEvent(Frames, SceneOp.ReadMeter, Index: meter), readings);
        Apply(engine, new SceneEvent(Frames, SceneOp.ReadGainReduction), readings);
        Apply(engine, new SceneEvent(Frames, SceneOp.ReadDeEsserReduction), readings);
        Apply(engine, new SceneEvent(Frames, SceneOp.ReadDistortion, Index: EngineLimits.DistortionDrive), readings);
        Apply(engine, new SceneEvent(Frames, SceneOp.ReadDistortion, Index: EngineLimits.DistortionSafety), readings);
        Apply(engine, new SceneEvent(Frames, SceneOp.ReadLoudness), readings);
        Apply(engine, new SceneEvent(Frames, SceneOp.ReadSpectrum), readings);
        Apply(engine, new SceneEvent(Frames, SceneOp.ReadCorrelation), readings);
        return (output, readings);
    }

    private static void Apply(MixEngine engine, SceneEvent e, List<SceneReading> readings)
    {
        switch (e.Op)
        {
            case SceneOp.Set:
                engine.Set(e.Param, e.Index, e.Value);
                break;
            case SceneOp.ReadMeter:
                var m = engine.ReadMeter(e.Index);
                readings.Add(new(e.Frame, MeterName(e.Index), $"peak {m.PeakCentiDb} rms {m.RmsCentiDb} hold {m.HoldCentiDb} clipped {m.Clipped}"));
                break;
            case SceneOp.ReadGainReduction:
                readings.Add(new(e.Frame, "gain reduction", engine.ReadGainReduction().ToString()));
                break;
            case SceneOp.ReadDistortion:
                readings.Add(new(e.Frame, $"distortion {e.Index}", engine.ReadDistortion(e.Index).ToString()));
                break;
            case SceneOp.ReadDeEsserReduction:
                readings.Add(new(e.Frame, "de-esser reduction", engine.ReadDeEsserReduction().ToString()));
                break;
            case SceneOp.ReadLoudness:
                var l = engine.ReadLoudness();
                readings.Add(new(e.Frame, "loudness", $"M {l.MomentaryCentiLufs} S {l.ShortTermCentiLufs} I {l.IntegratedCentiLufs} " +
                    $"Mmax {l.MomentaryMaxCentiLufs} Smax {l.ShortTermMaxCentiLufs} LRA {l.RangeCentiLu} TP {l.TruePeakMaxCentiDb} stable {l.RangeStable}"));
                break;
            case SceneOp.ReadSpectrum:
                var spectrum = engine.ReadSpectrum();
                readings.Add(new(e.Frame, "spectrum", $"on {spectrum.On} " + string.Join(" ", spectrum.BandCentiDb)));
                break;
            case SceneOp.ReadCorrelation:
                var c = engine.ReadCorrelation();
                readings.Add(new(e.Frame, "correlation", $"on {c.On} r {c.CorrelationX10000} width {c.WidthCentiDb} low {c.LowCorrelationX10000}"));
                break;
            case SceneOp.ResetLoudness:
                engine.ResetLoudness();
                break;
            case SceneOp.ResetMeterHold:
                engine.ResetMeterHold(e.Index);
                break;
        }
    }

    /// <summary>Where a rendering first departs from the reference (output and readings), or null.</summary>
    public string? FirstDifference((int[] Output, List<SceneReading> Readings) reference, (int[] Output, List<SceneReading> Readings) other)
    {
        var lines = new List<string>();
        int upTo = int.MaxValue;
        int sample = Enumerable.Range(0, reference.Output.Length).FirstOrDefault(i => reference.Output[i] != other.Output[i], -1);
        if (sample >= 0)
        {
            int frame = sample / 2;
            lines.Add($"output differs first at frame {frame}: (L, R) = ({other.Output[2 * frame]}, {other.Output[2 * frame + 1]}), "
                + $"256-frame blocks give ({reference.Output[2 * frame]}, {reference.Output[2 * frame + 1]})");
            upTo = frame;
        }
        int reading = Enumerable.Range(0, reference.Readings.Count).FirstOrDefault(i => reference.Readings[i] != other.Readings[i], -1);
        if (reading >= 0)
        {
            var (expected, actual) = (reference.Readings[reading], other.Readings[reading]);
            lines.Add($"reading differs first at frame {expected.Frame}, {expected.Source}: {actual.Value}, 256-frame blocks give {expected.Value}");
            upTo = Math.Min(upTo, expected.Frame);
        }
        if (lines.Count == 0) return null;
        lines.Add($"changes up to frame {upTo} (sets at frame 0 come before the first block):");
        lines.AddRange(Events.TakeWhile(e => e.Frame <= upTo).Where(e => !e.IsReading).Select(e => "  " + e));
        return string.Join("\n", lines);
    }
}
