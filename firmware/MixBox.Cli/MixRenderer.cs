using MixBox.Dsp;

namespace MixBox.Cli;

/// <summary>
/// Renders stems through the engine exactly as the box mixes (block size never changes
/// the result): all stems must share one sample rate; shorter stems are padded with
/// silence to the longest. Reads the meters every 10 ms, like the box's control loop.
/// </summary>
public static class MixRenderer
{
    public const int BlockFrames = 240; // 5 ms: two blocks per meter tick

    public sealed record Result(int[] Stereo, int SampleRate, MeterTimeline Timeline, LoudnessReading Loudness,
        MeterReading MainLeft, MeterReading MainRight, int MaxGainReductionCentiDb, IReadOnlyList<string> Notes);

    public static Result Render(IReadOnlyList<Stem> stems, SceneFile scene, string sceneSource, Action<double>? progress = null)
    {
        if (stems.Count == 0) throw new UserError("no stems given");
        var rates = stems.Select(s => s.SampleRate).Distinct().ToArray();
        if (rates.Length > 1)
            throw new UserError("stems have different sample rates (" + string.Join(", ", stems.Select(s => $"{Path.GetFileName(s.Path)} {s.SampleRate} Hz")) + "): resample them to one rate first");
        int rate = rates[0];
        if (rate < EngineLimits.MinSampleRate || rate > EngineLimits.MaxSampleRate || rate % 100 != 0)
            throw new UserError($"sample rate {rate} Hz: the box runs at {EngineLimits.MinSampleRate}..{EngineLimits.MaxSampleRate} Hz in steps of 100 Hz");

        var inputs = stems.SelectMany(s => s.Channels).ToArray();
        if (inputs.Length > EngineLimits.MaxChannels) throw new UserError($"{inputs.Length} input channels: the engine mixes up to {EngineLimits.MaxChannels}");
        var left = new bool[inputs.Length];
        var right = new bool[inputs.Length];
        int index = 0;
        foreach (var stem in stems)
        {
            if (stem.Channels.Length == 2) { left[index] = true; right[index + 1] = true; }
            index += stem.Channels.Length;
        }
        var notes = new List<string>();
        int frames = stems.Max(s => s.Frames);
        foreach (var s in stems.Where(s => s.Frames < frames))
            notes.Add($"{Path.GetFileName(s.Path)} is {(frames - s.Frames) / (double)rate:F2} s shorter: padded with silence");

        using var engine = new MixEngine(rate, inputs.Length);
        scene.ApplyTo(engine, right, left, sceneSource);

        int channels = inputs.Length, tickFrames = rate / 100;
        var output = new int[frames * 2];
        var block = new int[BlockFrames * channels];
        var outBlock = new int[BlockFrames * 2];
        var timeline = new MeterTimeline(channels);
        var levels = new int[channels];
        int maxGr = 0, nextTick = tickFrames;
        MeterReading peakLeft = default, peakRight = default;
        peakLeft.HoldCentiDb = peakRight.HoldCentiDb = EngineLimits.MeterSilenceCentiDb;

        for (int start = 0; start < frames; start += BlockFrames)
        {
            int n = Math.Min(BlockFrames, frames - start);
            for (int i = 0; i < n; i++)
                for (int c = 0; c < channels; c++)
                    block[i * channels + c] = start + i < inputs[c].Length ? inputs[c][start + i] : 0;
            engine.Process(block, outBlock, n);
            Array.Copy(outBlock, 0, output, start * 2, n * 2);
            if (start + n >= nextTick || start + n == frames)
            {
                nextTick += tickFrames;
                for (int c = 0; c < channels; c++) levels[c] = engine.ReadMeter(MeterId.Channel(c)).PeakCentiDb;
                var l = engine.ReadMeter(MeterId.MainLeft);
                var r = engine.ReadMeter(MeterId.MainRight);
                peakLeft = Max(peakLeft, l);
                peakRight = Max(peakRight, r);
                int gr = engine.ReadGainReduction();
                maxGr = Math.Max(maxGr, gr);
                timeline.Add((start + n) / (double)rate, levels, l.PeakCentiDb, r.PeakCentiDb, gr, engine.ReadLoudness());
                progress?.Invoke((start + n) / (double)frames);
            }
        }
        return new Result(output, rate, timeline, engine.ReadLoudness(), peakLeft, peakRight, maxGr, notes);
    }

    private static MeterReading Max(MeterReading so, MeterReading now)
    {
        so.HoldCentiDb = Math.Max(so.HoldCentiDb, now.PeakCentiDb);
        so.Clipped |= now.Clipped;
        return so;
    }
}
