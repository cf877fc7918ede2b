using MixBox.Dsp;
using MixBox.Firmware;

namespace MixBox.Cli;

/// <summary>
/// Plays a multitrack through the box, streaming: a block is read from the stems, mixed by the
/// engine with the scene applied through <see cref="SceneApplier"/> (as the box applies it), and
/// handed to the output, so memory does not grow with the length. The engine's blocks end on
/// every 10 ms control tick, where the meters are read as the box's control loop reads them
/// (block size never changes the audio: docs/ENGINE.md, "Block-size determinism").
/// </summary>
public static class MixRenderer
{
    /// <summary>Engine block: 5 ms at 48 kHz (at most the engine's 256).</summary>
    public const int BlockFrames = 240;

    public sealed record Result(long Frames, int SampleRate, LoudnessReading Loudness, int PeakLeftCentiDb, int PeakRightCentiDb,
        bool Over, int MaxGainReductionCentiDb);

    /// <param name="write">Takes each block of interleaved stereo Q1.31 output (the array is reused).</param>
    /// <param name="progress">Told the frames done, about every 100 ms of audio.</param>
    public static Result Render(Multitrack multitrack, Scene scene, MeterTimeline? timeline, Action<int[], int> write,
        Action<long>? progress = null, CancellationToken cancel = default)
    {
        using var engine = Box(multitrack, scene);
        return Render(engine, multitrack, timeline, write, progress, cancel);
    }

    /// <summary>Plays the multitrack through <paramref name="engine"/>, a fresh engine set up by <see cref="Box"/>.</summary>
    public static Result Render(MixEngine engine, Multitrack multitrack, MeterTimeline? timeline, Action<int[], int> write,
        Action<long>? progress = null, CancellationToken cancel = default)
    {
        int rate = multitrack.SampleRate;

        const int inputs = Scene.Channels;
        int tickFrames = rate / MixBoxApp.TicksPerSecond;
        var block = new int[BlockFrames * inputs];
        var output = new int[BlockFrames * 2];
        var levels = new int[inputs];
        long frames = multitrack.Frames, done = 0, nextTick = tickFrames, nextProgress = 0;
        int maxGr = 0, peakLeft = EngineLimits.MeterSilenceCentiDb, peakRight = EngineLimits.MeterSilenceCentiDb;
        bool over = false;

        while (done < frames)
        {
            cancel.ThrowIfCancellationRequested();
            int n = (int)Math.Min(Math.Min(BlockFrames, frames - done), nextTick - done);
            multitrack.Read(block, n);
            engine.Process(block, output, n);
            write(output, n);
            done += n;
            if (done == nextTick || done == frames)
            {
                nextTick += tickFrames;
                for (int c = 0; c < inputs; c++) levels[c] = engine.ReadMeter(MeterId.Channel(c)).PeakCentiDb;
                var left = engine.ReadMeter(MeterId.MainLeft);
                var right = engine.ReadMeter(MeterId.MainRight);
                peakLeft = Math.Max(peakLeft, left.PeakCentiDb);
                peakRight = Math.Max(peakRight, right.PeakCentiDb);
                over |= left.Clipped || right.Clipped;
                int gr = engine.ReadGainReduction();
                maxGr = Math.Max(maxGr, gr);
                timeline?.Add(done / (double)rate, levels, left.PeakCentiDb, right.PeakCentiDb, gr, engine.ReadLoudness());
            }
            if (done >= nextProgress || done == frames)
            {
                progress?.Invoke(done);
                nextProgress = done + rate / 10;
            }
        }
        return new Result(frames, rate, engine.ReadLoudness(), peakLeft, peakRight, over, maxGr);
    }

    /// <summary>
    /// The box's engine (its <see cref="Scene.Channels"/> inputs) at the stems' rate, with the scene applied as the box
    /// applies it. The engine alone decides which rates it runs at.
    /// </summary>
    public static MixEngine Box(Multitrack multitrack, Scene scene)
    {
        MixEngine engine;
        try
        {
            engine = new MixEngine(multitrack.SampleRate, Scene.Channels);
        }
        catch (MixEngineException e) when (e.Status == EngineStatus.SampleRate)
        {
            throw new UserError($"{string.Join(", ", multitrack.Stems.Select(s => s.Name))}: {multitrack.SampleRate} Hz: the box's engine refuses this rate ({MixEngineException.Describe(e.Status)}); resample the stems");
        }
        // As the box takes a scene (MixBoxApp.Boot and Recall): linked pairs made consistent, then applied.
        var played = scene.Clone();
        StereoLink.Normalise(played);
        SceneApplier.Apply(played, engine, new ChannelMutes(engine));
        return engine;
    }
}
