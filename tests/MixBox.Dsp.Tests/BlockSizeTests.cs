namespace MixBox.Dsp.Tests;

/// <summary>How the stream is cut into blocks must not change a single bit of output or meters.</summary>
public class BlockSizeTests
{
    private const int Frames = 1792 * 6; // 1792 = lcm(7, 32, 256): every block size sees the changes at the same frame

    private static (int[] Output, MeterReading[] Meters) RenderWithChanges(int blockFrames)
    {
        var input = EngineFixtures.EightChannelMaterial(Frames, 0.25, seed: 5);
        using var engine = new MixEngine(EngineFixtures.SampleRate, 8);
        var output = new List<int>();
        var random = new Random(11);
        for (int start = 0; start < Frames; start += 1792)
        {
            int c = random.Next(8);
            engine.SetChannelFader(c, random.Next(-3000, 1201));
            engine.SetChannelPan(c, random.Next(-100, 101));
            engine.SetChannelRoute(random.Next(8), random.Next(2) == 0, random.Next(3) - 1);
            engine.SetSubFader(random.Next(2), random.Next(-1200, 601));
            engine.SetChannelSolo(random.Next(8), random.Next(4) == 0);
            output.AddRange(Render.Run(engine, input[(start * 8)..((start + 1792) * 8)], blockFrames));
        }
        var meters = Enumerable.Range(0, 8).Select(MeterId.Channel)
            .Concat(new[] { MeterId.SubLeft(0), MeterId.SubRight(0), MeterId.SubLeft(1), MeterId.SubRight(1), MeterId.MainLeft, MeterId.MainRight })
            .Select(engine.ReadMeter).ToArray();
        return (output.ToArray(), meters);
    }

    [Fact]
    public void BlockSizes1_7_32_256GiveIdenticalOutputAndMeters()
    {
        var reference = RenderWithChanges(256);
        Assert.Contains(reference.Output, v => v != 0);
        foreach (int blockFrames in new[] { 1, 7, 32 })
        {
            var other = RenderWithChanges(blockFrames);
            Assert.Equal(reference.Output, other.Output);
            Assert.Equal(reference.Meters, other.Meters);
        }
    }
}
