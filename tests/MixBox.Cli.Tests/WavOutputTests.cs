using MixBox.Cli;

namespace MixBox.Cli.Tests;

/// <summary>
/// The mix as a file, in each `--format`: 24-bit rounded to the nearest step (floored, a mix would
/// carry a -0.5 LSB bias), 16-bit rounded (the engine dithers to its 16-bit output word, OutputWordTests,
/// and hands over samples already on the grid), 32-bit float as is; and
/// RF64 for a file past 4 GiB. Read back by our reader and by sox/ffmpeg.
/// </summary>
public class WavOutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixbox-wavout-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(int[] stereo, OutputFormat format, bool forceRf64 = false)
    {
        string path = Path.Combine(_dir, $"out-{format}-{forceRf64}.wav");
        using (var file = File.Create(path))
        {
            var writer = new MixWavWriter(file, format, 48000, stereo.Length / 2, forceRf64);
            for (int at = 0; at < stereo.Length; at += 480)
            {
                int frames = Math.Min(240, (stereo.Length - at) / 2);
                writer.Write(stereo[at..(at + 2 * frames)], frames);
            }
            writer.Finish();
        }
        return path;
    }

    private static int[] Noise(int count, int seed)
    {
        var random = new Random(seed);
        var samples = new int[count];
        for (int i = 0; i < samples.Length; i++) samples[i] = random.Next(int.MinValue, int.MaxValue) + random.Next(2);
        return samples;
    }

    /// <summary>Errors of the read-back samples against the written ones, in LSBs of <paramref name="lsb"/> Q31 units.</summary>
    private static (double Mean, double Rms, double Worst) Errors(int[] written, int[] read, int from, double lsb)
    {
        double sum = 0, squares = 0, worst = 0;
        for (int i = from; i < written.Length; i++)
        {
            double e = ((double)read[i] - written[i]) / lsb;
            sum += e;
            squares += e * e;
            worst = Math.Max(worst, Math.Abs(e));
        }
        int n = written.Length - from;
        return (sum / n, Math.Sqrt(squares / n), worst);
    }

    [Fact]
    public void TwentyFourBitOutputRoundsToTheNearestStep()
    {
        var samples = Noise(200_000, 20261204);
        samples[0] = int.MaxValue;
        samples[1] = int.MinValue;
        samples[2] = 0x7FFFFF7F;   // just under the top step's midpoint
        samples[3] = -0x80;        // exactly half a step below 0: ties go up

        string path = Write(samples, OutputFormat.Pcm24);
        var (header, read) = WavReaderTests.ReadAll(path);
        Assert.Equal((WavEncoding.Pcm, 24, 2), (header.Format.Encoding, header.Format.BitsPerSample, header.Format.Channels));
        Assert.Equal(read, Peers.SoxS32(path));

        Assert.Equal(0x7FFFFF00, read[0]);   // saturates at the top step
        Assert.Equal(int.MinValue, read[1]);
        Assert.Equal(0x7FFFFF00, read[2]);
        Assert.Equal(0, read[3]);
        var (mean, _, worst) = Errors(samples, read, 4, 256);
        Assert.True(worst <= 0.5, $"worst error {worst} LSB");
        Assert.True(Math.Abs(mean) < 0.01, $"bias {mean} LSB");
    }

    [Fact]
    public void SixteenBitWithoutDitherRoundsToTheNearestStep()
    {
        var samples = Noise(200_000, 8).Select(s => s / 2).ToArray(); // clear of the top step, where saturation is the error
        samples[0] = int.MaxValue;
        string path = Write(samples, OutputFormat.Pcm16);
        var (_, read) = WavReaderTests.ReadAll(path);
        Assert.Equal(0x7FFF0000, read[0]);
        var (mean, _, worst) = Errors(samples, read, 1, 65536);
        Assert.True(worst <= 0.5, $"worst {worst} LSB");
        Assert.True(Math.Abs(mean) < 0.01, $"bias {mean} LSB");
    }

    [Fact]
    public void FloatOutputIsTheBoxOutputInFullScaleUnits()
    {
        var samples = Noise(100_000, 9);
        for (int i = 0; i < samples.Length; i += 2) samples[i] &= unchecked((int)0xFFFFFF00); // left: on the 24-bit grid (dithered output)
        string path = Write(samples, OutputFormat.Float32);
        var (header, _) = WavReaderTests.ReadAll(path);
        Assert.Equal((WavEncoding.Float, 32), (header.Format.Encoding, header.Format.BitsPerSample));
        var raw = Peers.Run("ffmpeg", "-v", "error", "-i", path, "-f", "f32le", "-");
        var floats = new float[raw.Length / 4];
        Buffer.BlockCopy(raw, 0, floats, 0, raw.Length);
        Assert.Equal(samples.Length, floats.Length);
        for (int i = 0; i < samples.Length; i++)
        {
            double exact = samples[i] / 2147483648.0;
            if (i % 2 == 0) Assert.Equal(exact, floats[i]);                        // 24-bit values: exact
            else Assert.True(Math.Abs(floats[i] - exact) <= Math.Abs(exact) * Math.Pow(2, -24), $"sample {i}"); // nearest float
        }
    }

    [Theory]
    [InlineData(OutputFormat.Pcm24)]
    [InlineData(OutputFormat.Float32)]
    public void Rf64LayoutReadsBackHereAndInFfmpeg(OutputFormat format)
    {
        // The layout a mix past 4 GiB gets (forced here on a small file): RF64 with ds64.
        var samples = Noise(20_000, 10).Select(s => s & unchecked((int)0xFFFFFF00)).ToArray();
        string path = Write(samples, format, forceRf64: true);
        Assert.Equal("RF64", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 0, 4));
        var (header, read) = WavReaderTests.ReadAll(path);
        Assert.True(header.Rf64);
        Assert.Equal(samples, read);
        Assert.Equal(samples, Peers.FfmpegS32(path));
    }
}
