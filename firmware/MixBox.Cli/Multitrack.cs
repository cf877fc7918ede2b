using MixBox.Firmware;

namespace MixBox.Cli;

/// <summary>
/// The stems of a render, open and streaming, plugged into the box's inputs: each read gives the
/// next block of the box's <see cref="Scene.Channels"/>-channel input. All stems share one sample
/// rate (the engine decides whether it can run at it); shorter ones are padded with silence.
/// </summary>
public sealed class Multitrack : IDisposable
{
    private readonly List<StemFile> _stems;
    private BoxInputs _inputs = new(Array.Empty<StemChannel?>());

    private Multitrack(List<StemFile> stems)
    {
        _stems = stems;
        SampleRate = stems[0].SampleRate;
        Frames = stems.Max(s => s.Frames);
    }

    public IReadOnlyList<StemFile> Stems => _stems;
    public int SampleRate { get; }
    /// <summary>The longest stem's length.</summary>
    public long Frames { get; }

    /// <summary>Opens every stem (each checked as it opens); refuses stems of different rates.</summary>
    public static Multitrack Open(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) throw new UsageError("no stems given");
        var stems = new List<StemFile>();
        try
        {
            foreach (string path in paths) stems.Add(StemFile.Open(path));
            if (stems.Select(s => s.SampleRate).Distinct().Count() > 1)
                throw new UserError("stems have different sample rates (" + string.Join(", ", stems.Select(s => $"{s.Name} {s.SampleRate} Hz")) + "): resample them to one rate first");
            return new Multitrack(stems);
        }
        catch
        {
            foreach (var stem in stems) stem.Dispose();
            throw;
        }
    }

    /// <summary>Notes for the user: stems padded with silence.</summary>
    public IEnumerable<string> PaddingNotes() =>
        _stems.Where(s => s.Frames < Frames).Select(s => $"{s.Name} is {(Frames - s.Frames) / (double)SampleRate:F2} s shorter: padded with silence");

    public void Plug(BoxInputs inputs) => _inputs = inputs;

    /// <summary>Fills <paramref name="block"/> with the next <paramref name="frames"/> frames of the box's inputs, interleaved.</summary>
    public void Read(int[] block, int frames)
    {
        const int inputs = Scene.Channels;
        Array.Clear(block, 0, frames * inputs);
        for (int s = 0; s < _stems.Count; s++)
        {
            var samples = _stems[s].Next(frames); // every stem advances, plugged in or not
            int channels = _stems[s].Channels;
            for (int input = 0; input < inputs; input++)
            {
                if (_inputs[input] is not { } plug || plug.Stem != s) continue;
                for (int i = 0, from = plug.Channel, to = input; i < frames; i++, from += channels, to += inputs)
                    block[to] = samples[from];
            }
        }
    }

    public void Dispose()
    {
        foreach (var stem in _stems) stem.Dispose();
    }
}
