namespace MixBox.Cli;

/// <summary>`mixbox render`: real multitrack files through the exact box, with a meter report.</summary>
public static class RenderCommand
{
    public static int Run(string[] stemPaths, string? scenePath, string outputPath, string? pngPath, TextWriter output)
    {
        // Read and check everything before touching any output file.
        var scene = scenePath is null ? new SceneFile() : SceneFile.Load(scenePath);
        var stems = stemPaths.Select(StemReader.Read).ToArray();
        output.WriteLine($"rendering {stems.Length} stem(s), {stems.Sum(s => s.Channels.Length)} input channel(s), {stems[0].SampleRate} Hz{(scenePath is null ? "" : $", scene {scenePath}")}");

        var result = MixRenderer.Render(stems, scene, scenePath ?? "default scene");
        foreach (string note in result.Notes) output.WriteLine("note: " + note);
        WavOutput.WriteStereo24(outputPath, result.Stereo, result.SampleRate);
        if (pngPath is not null)
            MeterPlot.Save(result.Timeline, stems.SelectMany(s => s.Channels.Select((_, c) => Path.GetFileNameWithoutExtension(s.Path) + (s.Channels.Length > 1 ? (c == 0 ? " L" : " R") : ""))).ToArray(), pngPath);
        foreach (string line in MeterReport.Lines(result.Loudness, result.MainLeft.HoldCentiDb, result.MainRight.HoldCentiDb,
                     result.MainLeft.Clipped || result.MainRight.Clipped, result.MaxGainReductionCentiDb))
            output.WriteLine(line);
        output.WriteLine($"wrote {outputPath} ({result.Stereo.Length / 2 / (double)result.SampleRate:F2} s, 24-bit stereo){(pngPath is null ? "" : $" and {pngPath}")}");
        return 0;
    }
}
