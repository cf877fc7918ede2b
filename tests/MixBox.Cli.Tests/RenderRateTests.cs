namespace MixBox.Cli.Tests;

/// <summary>
/// The box renders at any integer rate its engine takes, CD-family fractions included: 11 025 and
/// 22 050 Hz (issue #17). The CLI copies no rate limits; the engine decides.
/// </summary>
public sealed class RenderRateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixbox-rate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string At(string name) => Path.Combine(_dir, name);

    [Theory]
    [InlineData(11025)]
    [InlineData(22050)]
    public void RendersAtCdFractionRates(int rate)
    {
        string stereo = At("stereo.wav"), mono = At("mono.wav");
        Peers.Run("sox", "-n", "-r", rate.ToString(), "-b", "24", "-c", "2", stereo, "synth", "2", "sine", "300", "sine", "500", "vol", "0.4");
        Peers.Run("sox", "-n", "-r", rate.ToString(), "-b", "16", "-c", "1", mono, "synth", "1.5", "pinknoise", "vol", "0.2");

        // A stereo stem alone: hard left and right at unity, under the safety clip's knee: the stem itself, bit for bit.
        var (code, stdout, stderr) = Mixbox.Run("render", stereo, "-o", At("alone.wav"));
        Assert.True(code == 0, stderr);
        Assert.Contains($"{rate} Hz", stdout);
        var (header, mix) = WavReaderTests.ReadAll(At("alone.wav"));
        Assert.Equal(rate, header.Format.SampleRate);
        Assert.Equal(2L * rate, header.Frames);
        Assert.Equal(WavReaderTests.ReadAll(stereo).Samples, mix);

        // With a mono stem (centre) and the meter plot: a plausible loudness, the shorter stem padded.
        (code, stdout, stderr) = Mixbox.Run("render", mono, stereo, "-o", At("mix.wav"), "--png", At("mix.png"));
        Assert.True(code == 0, stderr);
        Assert.Contains("mono.wav is 0.50 s shorter: padded with silence", stdout);
        Assert.Matches(@"integrated -\d+\.\d LUFS", stdout);
        Assert.Equal(rate, WavReaderTests.ReadAll(At("mix.wav")).Header.Format.SampleRate);
        Assert.True(new FileInfo(At("mix.png")).Length > 10_000);
    }
}
