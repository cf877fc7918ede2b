namespace MixBox.Cli;

/// <summary>The sample format of the rendered WAV (`--format`).</summary>
public enum OutputFormat
{
    /// <summary>16-bit PCM, TPDF-dithered at 16 bits when the scene's dither is on.</summary>
    Pcm16,
    /// <summary>24-bit PCM (the default): the box's output rounded to the nearest step (on that grid already when dithered).</summary>
    Pcm24,
    /// <summary>32-bit IEEE float: the box's output as is, in ±1.0 full scale.</summary>
    Float32,
}

public static class OutputFormats
{
    public const string Names = "pcm16|pcm24|float32";

    public static OutputFormat Parse(string text) => text.ToLowerInvariant() switch
    {
        "pcm16" => OutputFormat.Pcm16,
        "pcm24" => OutputFormat.Pcm24,
        "float32" => OutputFormat.Float32,
        _ => throw new UsageError($"--format {text}: use one of {Names}"),
    };

    public static int BytesPerSample(this OutputFormat format) => format switch
    {
        OutputFormat.Pcm16 => 2,
        OutputFormat.Pcm24 => 3,
        _ => 4,
    };

    public static string Describe(this OutputFormat format) => format switch
    {
        OutputFormat.Pcm16 => "16-bit PCM",
        OutputFormat.Pcm24 => "24-bit PCM",
        _ => "32-bit float",
    };
}
