using MixBox.Firmware;

namespace MixBox.Cli;

/// <summary>
/// What a render's scene JSON says: the box's <see cref="Scene"/> (fields not given keep the box's
/// power-on values) plus what only a render has: which stem channel feeds which input.
/// </summary>
/// <param name="Inputs">The scene's "inputs", or null: the stems in order.</param>
/// <param name="PanGiven">Per input, whether the JSON set its pan (else a stereo stem's channels go hard left/right).</param>
/// <param name="Source">The scene's file name, or a description of the defaults.</param>
/// <param name="LinkGiven">Per pair, whether the scene said if it is linked (null: none did).</param>
public sealed record RenderScene(Scene Scene, BoxInputs? Inputs, bool[] PanGiven, string Source, bool[]? LinkGiven = null)
{
    /// <summary>No scene given: the box as it powers on.</summary>
    public static RenderScene PowerOn() => new(new Scene(), null, new bool[Scene.Channels], "the box's power-on scene");

    /// <summary>The scene to play with these stems: the plugging resolved and the stereo pans filled in.</summary>
    public (Scene Scene, BoxInputs Inputs, IReadOnlyList<string> Notes) For(IReadOnlyList<StemFile> stems)
    {
        var inputs = Inputs ?? BoxInputs.InOrder(stems);
        var notes = Inputs is null ? Array.Empty<string>() : inputs.Check(stems, Source);
        var scene = Scene.Clone();
        for (int c = 0; c < Scene.Channels; c++)
            if (!PanGiven[c] && inputs.StereoPan(c, stems) is int pan) scene.Pan[c] = pan;
        for (int pair = 0; pair < Scene.Pairs; pair++)
        {
            if (LinkGiven?[pair] == true || scene.Linked[pair] || !FedByOneStereoStem(inputs, stems, pair)) continue;
            if (PanGiven[StereoLink.LeftOf(pair)] || PanGiven[StereoLink.LeftOf(pair) + 1] || !LinkingChangesNothing(scene, pair)) continue;
            scene.Linked[pair] = true; // as a stereo source on the box: one level, a balance
            notes = [.. notes, $"{stems[inputs[StereoLink.LeftOf(pair)]!.Value.Stem].Name} feeds inputs {2 * pair + 1}-{2 * pair + 2} as a linked pair (\"pairs\": [... {{ \"linked\": false }}] keeps them apart)"];
        }
        if (Enumerable.Range(0, Scene.Channels).Any(c => scene.InputGainDb[c] != 0 || scene.Instrument[c]))
            notes = [.. notes, "input_gain_db and instrument are the box's analogue input settings: a render takes its stems as what the converters deliver and leaves them out"];
        return (scene, inputs, notes);
    }

    /// <summary>Inputs 2p and 2p+1 take the left and right channel of one stereo stem.</summary>
    private static bool FedByOneStereoStem(BoxInputs inputs, IReadOnlyList<StemFile> stems, int pair) =>
        inputs[StereoLink.LeftOf(pair)] is { } left && inputs[StereoLink.LeftOf(pair) + 1] is { } right
        && left.Stem == right.Stem && stems[left.Stem].Channels == 2 && left.Channel == 0 && right.Channel == 1;

    /// <summary>Linking would change none of the scene's settings (the two sides already agree), so the mix sounds the same.</summary>
    private static bool LinkingChangesNothing(Scene scene, int pair)
    {
        var linked = scene.Clone();
        StereoLink.Link(linked, pair);
        linked.Linked[pair] = false;
        linked.Balance[pair] = scene.Balance[pair];
        return scene.Balance[pair] == BalanceLaw.Centre && SceneJsonWriter.Write(linked) == SceneJsonWriter.Write(scene);
    }
}
