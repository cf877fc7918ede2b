using MixBox.Firmware;

namespace MixBox.Cli;

/// <summary>A channel of one of the render's stems: indexes from 0 (the scene JSON counts from 1).</summary>
public readonly record struct StemChannel(int Stem, int Channel);

/// <summary>
/// What is plugged into each of the box's <see cref="Scene.Channels"/> inputs in a render: a
/// channel of a stem, or nothing. By default the stems' channels in command-line order (a mono
/// stem takes one input, a stereo stem two); the scene's "inputs" can say otherwise, which is
/// also how a multichannel file is split into the box's inputs.
/// </summary>
public sealed class BoxInputs
{
    private readonly StemChannel?[] _sources;

    public BoxInputs(StemChannel?[] sources)
    {
        if (sources.Length > Scene.Channels) throw new ArgumentException($"{sources.Length} inputs; the box has {Scene.Channels}");
        _sources = new StemChannel?[Scene.Channels];
        Array.Copy(sources, _sources, sources.Length);
    }

    /// <summary>The input fed by a channel of a stem, or null for nothing.</summary>
    public StemChannel? this[int input] => _sources[input];

    /// <summary>The default plugging: every channel of every stem in order.</summary>
    public static BoxInputs InOrder(IReadOnlyList<StemFile> stems)
    {
        var sources = new List<StemChannel?>();
        for (int s = 0; s < stems.Count; s++)
        {
            if (stems[s].Channels > 2)
                throw new UserError($"{stems[s].Path}: {stems[s].Channels} channels: map the ones to mix to the box's inputs with the scene's \"inputs\" (see mixbox scene template)");
            for (int c = 0; c < stems[s].Channels; c++) sources.Add(new StemChannel(s, c));
        }
        if (sources.Count > Scene.Channels)
            throw new UserError($"{sources.Count} channels in {stems.Count} stems: the box has {Scene.Channels} inputs (choose {Scene.Channels} with the scene's \"inputs\")");
        return new BoxInputs(sources.ToArray());
    }

    /// <summary>Checks an explicit plugging against the stems given; returns notes for stems that feed nothing.</summary>
    public IReadOnlyList<string> Check(IReadOnlyList<StemFile> stems, string source)
    {
        for (int i = 0; i < Scene.Channels; i++)
        {
            if (_sources[i] is not { } plug) continue;
            if (plug.Stem >= stems.Count)
                throw new UserError($"{source}: inputs[{i}].stem is {plug.Stem + 1}, but {stems.Count} stem(s) were given");
            if (plug.Channel >= stems[plug.Stem].Channels)
                throw new UserError($"{source}: inputs[{i}].channel is {plug.Channel + 1}, but {stems[plug.Stem].Name} has {stems[plug.Stem].Channels} channel(s)");
        }
        var notes = new List<string>();
        for (int s = 0; s < stems.Count; s++)
            if (!_sources.Any(p => p?.Stem == s)) notes.Add($"{stems[s].Name} feeds none of the box's inputs (the scene's \"inputs\" leave it out)");
        return notes;
    }

    /// <summary>
    /// A stereo stem's two channels sit hard left and right unless the scene gives their pans
    /// (the box's power-on pan, centre, would fold the stem to mono).
    /// </summary>
    public int? StereoPan(int input, IReadOnlyList<StemFile> stems) =>
        _sources[input] is { } plug && stems[plug.Stem].Channels == 2 ? (plug.Channel == 0 ? -100 : 100) : null;

    /// <summary>How many inputs have something plugged in.</summary>
    public int Used => _sources.Count(p => p is not null);
}
