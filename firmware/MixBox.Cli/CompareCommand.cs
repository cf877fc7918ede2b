namespace MixBox.Cli;

/// <summary>
/// `mixbox compare MIX REFERENCE`: loudness, dynamics, stereo image and spectral balance of a mix
/// against a reference track, printed, and optionally as a PNG and a self-contained HTML report
/// (written together, never over an input: <see cref="OutputFiles"/>).
/// </summary>
public static class CompareCommand
{
    public sealed record Request(string Mix, string Reference, string? Png, string? Html);

    public static int Run(Request r, TextWriter output, CancellationToken cancel)
    {
        using var outputs = new OutputFiles([r.Mix, r.Reference]);
        var png = r.Png is null ? null : outputs.Create(r.Png);
        var html = r.Html is null ? null : outputs.Create(r.Html);

        var comparison = new TrackComparison(TrackProfile.Measure(r.Mix, cancel), TrackProfile.Measure(r.Reference, cancel));
        foreach (string line in comparison.Lines()) output.WriteLine(line);
        if (png is not null || html is not null)
        {
            byte[] image = ComparePlot.Png(comparison);
            png?.Write(image);
            html?.Write(System.Text.Encoding.UTF8.GetBytes(CompareHtml.Page(comparison, image)));
        }
        outputs.Commit();
        foreach (string written in new[] { r.Png, r.Html }.OfType<string>()) output.WriteLine($"wrote {written}");
        return 0;
    }
}
