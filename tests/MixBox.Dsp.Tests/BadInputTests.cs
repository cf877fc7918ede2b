namespace MixBox.Dsp.Tests;

/// <summary>Refused calls: a clear code from C, a clear exception in C#, nothing written.</summary>
public class BadInputTests
{
    private const int Canary = 0x5A5A5A5A;

    private static int[] Canaries(int length) => Enumerable.Repeat(Canary, length).ToArray();

    [Fact]
    public void ProcessNeverWritesPastTheBlock()
    {
        using var engine = new MixEngine();
        var input = EngineFixtures.EightChannelMaterial(256, 0.9, seed: 2);
        foreach (int frames in new[] { 1, 7, 32, 255, 256 })
        {
            var output = Canaries(256 * 2 + 64);
            engine.Process(input, output, frames);
            Assert.All(output.Skip(frames * 2), v => Assert.Equal(Canary, v));
            Assert.Contains(output.Take(frames * 2), v => v != Canary);
        }
    }

    [Theory]
    [InlineData(0, EngineStatus.BlockSize)]
    [InlineData(257, EngineStatus.BlockSize)]
    [InlineData(-1, EngineStatus.BlockSize)]
    public void BadBlockSizeIsRefused(int frames, EngineStatus status)
    {
        using var engine = new MixEngine();
        var output = Canaries(600);
        var error = Assert.Throws<MixEngineException>(() => engine.Process(new int[257 * 8], output, frames));
        Assert.Equal(status, error.Status);
        Assert.Contains("block size", error.Message);
        Assert.All(output, v => Assert.Equal(Canary, v));
    }

    [Fact]
    public void ShortOrMissingBuffersAreRefused()
    {
        using var engine = new MixEngine();
        var output = Canaries(64);
        Assert.Equal(EngineStatus.BufferTooShort, Assert.Throws<MixEngineException>(() => engine.Process(new int[32 * 8 - 1], output, 32)).Status);
        Assert.Equal(EngineStatus.BufferTooShort, Assert.Throws<MixEngineException>(() => engine.Process(new int[32 * 8], new int[63], 32)).Status);
        Assert.Equal(EngineStatus.NullPointer, Assert.Throws<MixEngineException>(() => engine.Process(null!, output, 32)).Status);
        Assert.Equal(EngineStatus.NullPointer, Assert.Throws<MixEngineException>(() => engine.Process(new int[32 * 8], null!, 32)).Status);
        Assert.All(output, v => Assert.Equal(Canary, v));
    }

    [Theory]
    [InlineData(EngineParam.ChannelFaderCentiDb, 8, 0, EngineStatus.Index)]
    [InlineData(EngineParam.ChannelFaderCentiDb, -1, 0, EngineStatus.Index)]
    [InlineData(EngineParam.SubFaderCentiDb, 2, 0, EngineStatus.Index)]
    [InlineData(EngineParam.ChannelFaderCentiDb, 0, 1201, EngineStatus.Value)]
    [InlineData(EngineParam.ChannelFaderCentiDb, 0, -14401, EngineStatus.Value)]
    [InlineData(EngineParam.ChannelTrimCentiDb, 0, 2001, EngineStatus.Value)]
    [InlineData(EngineParam.ChannelPan, 0, 101, EngineStatus.Value)]
    [InlineData(EngineParam.ChannelMute, 0, 2, EngineStatus.Value)]
    [InlineData(EngineParam.ChannelSubBus, 0, 2, EngineStatus.Value)]
    [InlineData(EngineParam.ChannelSubBus, 0, -2, EngineStatus.Value)]
    [InlineData((EngineParam)99, 0, 0, EngineStatus.Param)]
    public void BadParameterIsRefusedAndChangesNothing(EngineParam param, int index, int value, EngineStatus status)
    {
        using var engine = new MixEngine();
        var x = EngineFixtures.EightChannelMaterial(960, 0.3, seed: 1);
        var before = Render.Run(engine, x, 32);

        var error = Assert.Throws<MixEngineException>(() => engine.Set(param, index, value));
        Assert.Equal(status, error.Status);

        using var untouched = new MixEngine();
        Render.Run(untouched, x, 32);
        Assert.Equal(Render.Run(untouched, x, 32), Render.Run(engine, x, 32));
        Assert.NotEmpty(before);
    }

    [Theory]
    [InlineData(7999, 8, EngineStatus.SampleRate)]
    [InlineData(96001, 8, EngineStatus.SampleRate)]
    [InlineData(0, 8, EngineStatus.SampleRate)]
    [InlineData(48000, 0, EngineStatus.ChannelCount)]
    [InlineData(48000, 17, EngineStatus.ChannelCount)]
    public void BadConfigurationIsRefused(int sampleRate, int channels, EngineStatus status)
    {
        var error = Assert.Throws<MixEngineException>(() => new MixEngine(sampleRate, channels));
        Assert.Equal(status, error.Status);
    }

    /// <summary>Every integer rate 8000..96000 Hz, not only multiples of 100 Hz (11 025 and 22 050 Hz material).</summary>
    [Theory]
    [InlineData(8000)]
    [InlineData(8001)]
    [InlineData(11025)]
    [InlineData(22050)]
    [InlineData(44100)]
    [InlineData(47999)]
    [InlineData(96000)]
    public void AnyIntegerRateFrom8To96kHzIsAccepted(int sampleRate)
    {
        using var engine = new MixEngine(sampleRate, 8);
        Assert.Equal(sampleRate, engine.SampleRate);
        var output = Render.Run(engine, EngineFixtures.EightChannelMaterial(sampleRate / 5, 0.1, seed: 3), 64);
        Assert.Contains(output, v => v != 0);
        Assert.True(engine.ReadMeter(MeterId.MainLeft).RmsCentiDb > EngineLimits.MeterSilenceCentiDb);
    }

    [Fact]
    public void MeterIndexOutOfRangeIsRefused()
    {
        using var engine = new MixEngine(48000, 4);
        Assert.Equal(EngineStatus.Index, Assert.Throws<MixEngineException>(() => engine.ReadMeter(MeterId.Channel(4))).Status);
        Assert.Equal(EngineStatus.Index, Assert.Throws<MixEngineException>(() => engine.ReadMeter(MeterId.Count)).Status);
        Assert.Equal(EngineStatus.Index, Assert.Throws<MixEngineException>(() => engine.ResetMeterHold(-1)).Status);
        engine.ReadMeter(MeterId.MainRight); // bus meters exist whatever the channel count
    }

    [Fact]
    public void TheCApiRefusesNullAndUninitialisedInstances()
    {
        var reading = new int[4];
        Assert.Equal((int)EngineStatus.NullPointer, NativeInternals.mixbox_process(IntPtr.Zero, new int[8], 8, new int[2], 2, 1));
        Assert.Equal((int)EngineStatus.NullPointer, NativeInternals.mixbox_init(IntPtr.Zero, 48000, 8));
        Assert.Equal((int)EngineStatus.NullPointer, NativeInternals.mixbox_meter_read(IntPtr.Zero, 0, reading));

        IntPtr memory = System.Runtime.InteropServices.Marshal.AllocHGlobal((int)NativeInternals.mixbox_engine_size());
        try
        {
            int size = (int)NativeInternals.mixbox_engine_size();
            System.Runtime.InteropServices.Marshal.Copy(new byte[size], 0, memory, size);
            var output = Canaries(2);
            Assert.Equal((int)EngineStatus.NotInitialised, NativeInternals.mixbox_process(memory, new int[8], 8, output, 2, 1));
            Assert.Equal((int)EngineStatus.NotInitialised, NativeInternals.mixbox_set_param(memory, 0, 0, 0));
            Assert.All(output, v => Assert.Equal(Canary, v));
            Assert.Equal((int)EngineStatus.Ok, NativeInternals.mixbox_init(memory, 48000, 8));
            Assert.Equal((int)EngineStatus.NullPointer, NativeInternals.mixbox_meter_read(memory, 0, null));
        }
        finally
        {
            System.Runtime.InteropServices.Marshal.FreeHGlobal(memory);
        }
    }
}
