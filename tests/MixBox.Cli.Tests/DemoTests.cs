using MixBox.Dsp;
using NAudio.Wave;

namespace MixBox.Cli.Tests;

/// <summary>The README's main command: the demo renders a real mix and writes a valid file.</summary>
public class DemoTests
{
    [Fact]
    public void DemoMixIsAudibleUnclippedAndWritten()
    {
        var result = DemoSession.Run();

        // Loud enough to be a mix, below full scale, never clipped.
        Assert.InRange(result.MainLeft.HoldCentiDb, -1200, -50);
        Assert.InRange(result.MainRight.HoldCentiDb, -1200, -50);
        Assert.False(result.MainLeft.Clipped || result.MainRight.Clipped);
        int ceiling = (int)Math.Round(Math.Pow(10, -0.3 / 20) * int.MaxValue);
        Assert.All(result.Stereo, v => Assert.InRange(v, -ceiling, ceiling)); // the safety ceiling
        Assert.All(result.Stereo, v => Assert.Equal(0, v & 0xFF));            // dithered to 24 bits
        Assert.InRange(result.MaxGainReductionCentiDb, 50, 800);              // the bus compressor works, gently
        Assert.InRange(result.Loudness.IntegratedCentiLufs, -3000, -1400);   // a plausible mix loudness
        Assert.True(result.Loudness.TruePeakMaxCentiDb <= 0, "true peak at or under 0 dBTP");
        Assert.All(result.ChannelMeters, m => Assert.True(m.HoldCentiDb > -4000, "every track plays"));
        // The scripted fade-out leaves the last 100 ms far below the peak.
        var tail = result.Stereo[^9600..].Max(v => Math.Abs((long)v));
        Assert.True(tail < int.MaxValue / 10, $"tail {tail}");

        string directory = Path.Combine(Path.GetTempPath(), "mixbox-demo-" + Guid.NewGuid());
        try
        {
            string path = Path.Combine(directory, "demo-mix.wav");
            WavOutput.WriteStereo24(path, result.Stereo, DemoSession.SampleRate);
            using var reader = new WaveFileReader(path);
            Assert.Equal(new WaveFormat(DemoSession.SampleRate, 24, 2), reader.WaveFormat);
            Assert.Equal(result.Stereo.Length / 2, reader.SampleCount);
            var first = new byte[6];
            reader.ReadExactly(first);
            Assert.Equal(result.Stereo[0] >> 8, (first[0] | first[1] << 8 | first[2] << 16) << 8 >> 8);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void WavIsNotReplacedWhenWritingFails()
    {
        string directory = Path.Combine(Path.GetTempPath(), "mixbox-wav-" + Guid.NewGuid());
        Directory.CreateDirectory(directory);
        try
        {
            string path = Path.Combine(directory, "mix.wav");
            File.WriteAllText(path, "previous render");
            // A directory where the temporary file would go makes the write fail.
            Directory.CreateDirectory(path + ".partial");
            var error = Record.Exception(() => WavOutput.WriteStereo24(path, new int[96], 48000));
            Assert.True(error is IOException or UnauthorizedAccessException, $"got {error}");
            Assert.Equal("previous render", File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
