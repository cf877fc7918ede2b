using MixBox.Firmware;

namespace MixBox.Cli;

/// <summary>
/// What a render's scene JSON says: the box's <see cref="Scene"/> (fields not given keep the box's
/// power-on values) plus what only a render has: which stem channel feeds which input.
/// </summary>
/// <param name="Inputs">The scene's "inputs", or null: the stems in order.</param>
/// <param name="PanGiven">Per input, whether the JSON set its pan (else a stereo stem's channels go hard left/right).</param>
/// <param name="Source">The scene's file name, or a description of the defaults.</param>
public sealed record RenderScene(Scene Scene, BoxInputs? Inputs, bool[] PanGiven, string Source)
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
        if (Enumerable.Range(0, Scene.Channels).Any(c => scene.InputGainDb[c] != 0 || scene.Instrument[c]))
            notes = [.. notes, "input_gain_db and instrument are the box's analogue input settings: a render takes its stems as what the converters deliver and leaves them out"];
        return (scene, inputs, notes);
    }
}
