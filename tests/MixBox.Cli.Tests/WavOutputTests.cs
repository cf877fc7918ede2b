using MixBox.Cli;

namespace MixBox.Cli.Tests;

/// <summary>
/// The 24-bit file is the box's 32-bit output rounded to the nearest 24-bit step (floored,
/// a mix would carry a -0.5 LSB bias): every sample within half a step, no bias, full
/// scale saturating instead of wrapping.
/// </summary>
public class WavOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixbox-wavout-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TwentyFourBitOutputRoundsToTheNearestStep()
    {
        var random = new Random(20261204);
        var samples = new int[200_000];
        for (int i = 0; i < samples.Length; i++) samples[i] = random.Next(int.MinValue, int.MaxValue) + random.Next(2);
        samples[0] = int.MaxValue;
        samples[1] = int.MinValue;
        samples[2] = 0x7FFFFF7F;   // just under the top step's midpoint
        samples[3] = -0x80;        // exactly half a step below 0: ties go up

        string path = Path.Combine(_dir, "out.wav");
        WavOutput.WriteStereo24(path, samples, 48000);
        var stem = StemReader.Read(path);
        var read = Enumerable.Range(0, samples.Length).Select(i => stem.Channels[i % 2][i / 2]).ToArray();

        Assert.Equal(0x7FFFFF00, read[0]);   // saturates at the top step
        Assert.Equal(int.MinValue, read[1]);
        Assert.Equal(0x7FFFFF00, read[2]);
        Assert.Equal(0, read[3]);
        double sum = 0, worst = 0;
        for (int i = 4; i < samples.Length; i++)
        {
            double errorLsb = ((double)read[i] - samples[i]) / 256.0;
            sum += errorLsb;
            worst = Math.Max(worst, Math.Abs(errorLsb));
        }
        Assert.True(worst <= 0.5, $"worst error {worst} LSB");
        double bias = sum / (samples.Length - 4);
        Assert.True(Math.Abs(bias) < 0.01, $"bias {bias} LSB");
    }
}
