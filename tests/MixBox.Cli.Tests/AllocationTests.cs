using MixBox.Dsp;
using MixBox.Twin;

namespace MixBox.Cli.Tests;

/// <summary>
/// The audio loops allocate nothing per block (counted bytes, deterministic — not a timing
/// test): the twin's loop, control ticks included (the same firmware code the device's
/// garbage collector would otherwise have to chase), and the engine loop of `mixbox render`.
/// </summary>
public class AllocationTests
{
    [Fact]
    public void TheTwinsLoopAllocatesNothingPerBlock()
    {
        using var twin = new BoxTwin(new MemorySettingsStorage());
        const int ticks = 200;
        var input = new int[ticks * BoxTwin.TickFrames * BoxTwin.Channels];
        new Random(3).NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(input.AsSpan()));
        for (int i = 0; i < input.Length; i++) input[i] >>= 4;
        var output = new int[ticks * BoxTwin.TickFrames * 2];
        twin.Run(input, 0, output, 0, 20 * BoxTwin.TickFrames); // warm-up: JIT, first-use caches

        long before = GC.GetAllocatedBytesForCurrentThread();
        twin.Run(input, 20 * BoxTwin.TickFrames, output, 20 * BoxTwin.TickFrames, (ticks - 20) * BoxTwin.TickFrames);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated); // 180 control ticks and 2700 audio blocks
    }

    [Fact]
    public void TheEngineBlockLoopAllocatesNothing()
    {
        using var engine = new MixEngine();
        var input = new int[MixRenderer.BlockFrames * 8];
        var output = new int[MixRenderer.BlockFrames * 2];
        void Block()
        {
            engine.Process(input, output, MixRenderer.BlockFrames);
            engine.ReadMeter(MeterId.MainLeft);
            engine.ReadLoudness();
            engine.ReadGainReduction();
        }
        for (int b = 0; b < 100; b++) Block(); // warm-up: first calls build their interop stubs once
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int b = 0; b < 1000; b++) Block();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TheRenderLoopAllocatesTheSameForAnyLength()
    {
        string dir = Directory.CreateTempSubdirectory("mixbox-alloc-").FullName;
        try
        {
            long Allocated(double seconds)
            {
                string stem = WavFiles.Sine(dir, $"{seconds}.wav", 220, 0.3, seconds, channels: 2);
                using var multitrack = Multitrack.Open([stem]);
                multitrack.Plug(BoxInputs.InOrder(multitrack.Stems));
                var writer = new MixWavWriter(Stream.Null, OutputFormat.Pcm24, 48000, multitrack.Frames);
                long before = GC.GetAllocatedBytesForCurrentThread();
                MixRenderer.Render(multitrack, new MixBox.Firmware.Scene(), null, writer.Write, _ => { }); // the plot's points: RenderStreamingTests
                return GC.GetAllocatedBytesForCurrentThread() - before;
            }
            Allocated(1); // warm-up: JIT, interop stubs
            long shortRender = Allocated(5), longRender = Allocated(60);
            // Per render: the engine and its buffers; nothing per block (60 s is 12 000 blocks, 6 000 meter ticks).
            Assert.True(longRender - shortRender < 1024, $"5 s: {shortRender} bytes, 60 s: {longRender} bytes");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
