using System.Diagnostics;
using MixBox.Dsp;
using MixBox.Firmware;
using Spectre.Console;

namespace MixBox.Cli;

/// <summary>
/// `mixbox render`: real multitrack files through the exact box, streamed, with a meter report.
/// Order of work: the outputs are checked (never an input, each its own file) and opened as
/// temporary files, the scene and the stems are read and checked, then the mix is rendered and
/// every output is committed together (<see cref="OutputFiles"/>).
/// </summary>
public static class RenderCommand
{
    /// <param name="Memory">With <paramref name="Scene"/> a settings directory: play its scene memory (1..16).</param>
    public sealed record Request(string[] Stems, string? Scene, string Output, string? Png, OutputFormat Format, int? Memory = null,
        string? Reference = null, DeliveryTarget? Target = null, bool Normalize = false);

    public static int Run(Request r, TextWriter output, TextWriter error, IAnsiConsole? terminal, CancellationToken cancel)
    {
        if (r.Memory is not null && r.Scene is null) throw new UsageError("--memory needs --scene SETTINGS (the twin's settings directory)");
        if (r.Normalize && r.Target?.IntegratedLufs is null)
            throw new UsageError(r.Target is null ? "--normalize needs a --target" : $"--normalize: {r.Target.Name} has no loudness target to normalise to");
        string[] sceneFiles = r.Scene is null ? [] : r.Memory is int memory ? SceneCommand.MemoryFiles(r.Scene, memory) : [r.Scene];
        using var outputs = new OutputFiles(r.Stems.Concat(sceneFiles).Concat(new[] { r.Reference }.OfType<string>()));
        var wav = outputs.Create(r.Output);
        var png = r.Png is null ? null : outputs.Create(r.Png);

        var scene = r.Scene is null ? RenderScene.PowerOn()
            : r.Memory is int number ? SceneCommand.MemoryScene(r.Scene, number) : SceneJsonReader.Load(r.Scene);
        // The reference is measured first: a reference that cannot be read stops the run before the render.
        var reference = r.Reference is null ? null : TrackProfile.Measure(r.Reference, cancel);
        using var multitrack = Multitrack.Open(r.Stems);
        var (box, inputs, notes) = scene.For(multitrack.Stems);
        multitrack.Plug(inputs);

        if (r.Normalize) Normalize(r, r.Target!, box, inputs, output, cancel);

        using var engine = MixRenderer.Box(multitrack, box);
        int rate = multitrack.SampleRate;
        long frames = multitrack.Frames;
        output.WriteLine($"rendering {multitrack.Stems.Count} stem(s) into {inputs.Used} of the box's {Scene.Channels} inputs, {rate} Hz, " +
                         $"scene: {scene.Source}, output: {r.Format.Describe()} stereo");
        foreach (string note in notes.Concat(multitrack.PaddingNotes())) output.WriteLine("note: " + note);
        if (r.Format == OutputFormat.Pcm16 && !box.OutputDither)
            error.WriteLine("mixbox: warning: the scene's dither is off, so the 16-bit output is only rounded (distortion on quiet passages); set \"output\": { \"dither\": true }");

        // The engine owns the dither: for a 16-bit file its output word is 16 bits (dithered when the scene says so).
        if (r.Format == OutputFormat.Pcm16) engine.Set(EngineParam.OutputWordBits, 0, 16);
        var writer = new MixWavWriter(wav, r.Format, rate, frames);
        var timeline = png is null ? null : new MeterTimeline(Scene.Channels, frames / Math.Max(1, rate / MixBoxApp.TicksPerSecond) + 1, MeterTimeline.LevelSource.TickPeak);
        var clock = Stopwatch.StartNew();
        var result = RenderProgress.Run(terminal, $"rendering {Path.GetFileName(r.Output)}", frames,
            progress => MixRenderer.Render(engine, multitrack, timeline, writer.Write, progress, cancel));
        writer.Finish();
        double wall = clock.Elapsed.TotalSeconds;
        if (png is not null) Plot(timeline!, InputNames(multitrack, inputs), png, r.Png!);
        outputs.Commit();

        foreach (string line in MeterReport.Lines(result.Loudness, result.PeakLeftCentiDb, result.PeakRightCentiDb, result.Over, result.MaxGainReductionCentiDb))
            output.WriteLine(line);
        double seconds = frames / (double)rate;
        output.WriteLine($"wrote {r.Output} ({seconds:F2} s, {r.Format.Describe()} stereo){(r.Png is null ? "" : $" and {r.Png}")}");
        // The mix itself (read, mix, write), without start-up and the plot: what grows with the length.
        output.WriteLine($"rendered {seconds:F1} s of audio in {wall:F2} s ({seconds / Math.Max(wall, 1e-3):F0}x real time), peak memory {PeakMemory.Bytes() / 1e6:F0} MB");
        if (reference is not null)
        {
            output.WriteLine($"against the reference {reference.Name} (as `mixbox compare` reports it):");
            foreach (string line in new TrackComparison(TrackProfile.Measure(r.Output, cancel), reference).Lines()) output.WriteLine(line);
        }
        // --target, else the scene's own target (the one its box shows in LUFS meter mode).
        if ((r.Target ?? DeliveryTarget.OfScene(box)) is { } target)
            foreach (string line in TargetReport.Lines(TrackProfile.Measure(r.Output, cancel), target)) output.WriteLine(line);
        return 0;
    }

    /// <summary>
    /// Moves the scene's main fader until the mix's integrated loudness is on the target (within
    /// 0.05 LU; at most six measuring passes, secant steps, as the compressor after the fader makes the
    /// loudness a non-linear function of it), with the output stage's ceiling at the target's true-peak limit.
    /// </summary>
    private static void Normalize(Request r, DeliveryTarget target, Scene box, BoxInputs inputs, TextWriter output, CancellationToken cancel)
    {
        if (target.MaxTruePeakDb is double ceiling)
        {
            box.OutputSafety = true;
            box.OutputTruePeak = true; // the ceiling is in dBTP
            box.OutputCeilingCentiDb = Math.Clamp((int)Math.Round(ceiling * 100), SceneRules.CeilingMinCentiDb, SceneRules.CeilingMaxCentiDb);
        }
        // Secant steps: the loudness per dB of fader is measured from the last two passes (1 without compression).
        double slope = 1;
        double? lastMeasured = null;
        int lastFader = 0;
        for (int pass = 1; pass <= 6; pass++)
        {
            using var multitrack = Multitrack.Open(r.Stems);
            multitrack.Plug(inputs);
            var loudness = MixRenderer.Render(multitrack, box, null, (_, _) => { }, cancel: cancel).Loudness;
            double? measured = loudness.IntegratedCentiLufs <= Dsp.EngineLimits.MeterSilenceCentiDb ? null : loudness.IntegratedCentiLufs / 100.0;
            if (target.GainNeededDb(measured) is not double gain)
                throw new UserError($"--normalize: the mix is too quiet to measure (gated out), nothing to normalise");
            if (Math.Abs(gain) < 0.05) break;
            if (lastMeasured is double previous && box.MainFaderCentiDb != lastFader)
                slope = Math.Clamp((measured!.Value - previous) / ((box.MainFaderCentiDb - lastFader) / 100.0), 0.1, 1);
            int fader = Math.Clamp(box.MainFaderCentiDb + (int)Math.Round(gain / slope * 100), Dsp.EngineLimits.FaderOffCentiDb + 1, Dsp.EngineLimits.FaderMaxCentiDb);
            output.WriteLine($"normalize: pass {pass} measured {measured:F2} LUFS, main fader {box.MainFaderCentiDb / 100.0:F2} -> {fader / 100.0:F2} dB");
            if (fader == box.MainFaderCentiDb)
            {
                output.WriteLine($"normalize: the main fader is at its end ({fader / 100.0:+0.0;-0.0} dB): the mix stays {Math.Abs(gain):F1} LU {(gain > 0 ? "below" : "above")} the target (raise the channel faders or the compressor's make-up)");
                break;
            }
            (lastMeasured, lastFader) = (measured, box.MainFaderCentiDb);
            box.MainFaderCentiDb = fader;
        }
    }

    /// <summary>Draws the meter plot; a failure of the drawing library is one line like any other (and nothing is committed).</summary>
    private static void Plot(MeterTimeline timeline, string[] names, OutputStream png, string userPath)
    {
        try
        {
            MeterPlot.Save(timeline, names, png);
        }
        catch (Exception e) when (e is not UserError and not OperationCanceledException)
        {
            throw new UserError($"{userPath}: the meter plot could not be drawn (the plotting library failed: {e.GetType().Name}); no output was changed");
        }
    }

    /// <summary>Legend names per input: the stem (and its channel when it has several); empty when nothing is plugged in.</summary>
    private static string[] InputNames(Multitrack multitrack, BoxInputs inputs)
    {
        var names = new string[Scene.Channels];
        for (int i = 0; i < names.Length; i++)
        {
            if (inputs[i] is not { } plug) { names[i] = ""; continue; }
            var stem = multitrack.Stems[plug.Stem];
            string name = Path.GetFileNameWithoutExtension(stem.Path);
            names[i] = stem.Channels switch
            {
                1 => name,
                2 => name + (plug.Channel == 0 ? " L" : " R"),
                _ => $"{name} ch{plug.Channel + 1}",
            };
        }
        return names;
    }
}
