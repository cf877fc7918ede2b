using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli.FrontPanel;

/// <summary>The user's stems for `mixbox panel`: read whole into memory (they loop), plugged as `render` plugs them.</summary>
public static class PanelMaterial
{
    /// <summary>At most 10 minutes: 8 inputs × 48 kHz × 4 bytes is 92 MB a minute.</summary>
    public const int MaxSeconds = 600;

    public static (int[] Material, string[] Names, Scene Scene) Load(string[] paths, string? scenePath)
    {
        var scene = scenePath is null ? RenderScene.PowerOn() : SceneJsonReader.Load(scenePath);
        using var multitrack = Multitrack.Open(paths);
        if (multitrack.SampleRate != BoxTwin.SampleRate)
            throw new UsageError($"the panel plays at the box's {BoxTwin.SampleRate} Hz; the stems are at {multitrack.SampleRate} Hz (convert them first, e.g. with sox)");
        var (boxScene, inputs, _) = scene.For(multitrack.Stems);
        multitrack.Plug(inputs);
        long frames = Math.Min(multitrack.Frames, (long)MaxSeconds * BoxTwin.SampleRate);
        frames = Math.Max(BoxTwin.TickFrames, frames / BoxTwin.TickFrames * BoxTwin.TickFrames);
        var material = new int[frames * BoxTwin.Channels];
        var block = new int[BoxTwin.TickFrames * BoxTwin.Channels];
        for (long done = 0; done < frames; done += BoxTwin.TickFrames)
        {
            multitrack.Read(block, BoxTwin.TickFrames);
            block.CopyTo(material, done * BoxTwin.Channels);
        }
        var names = new string[Scene.Channels];
        for (int input = 0; input < Scene.Channels; input++)
            names[input] = inputs[input] is { } plug ? Path.GetFileNameWithoutExtension(multitrack.Stems[plug.Stem].Name) : "";
        return (material, names, boxScene);
    }
}
