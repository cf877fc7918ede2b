namespace MixBox.Dsp.Tests;

/// <summary>
/// Meters against the model: peak = max |x| since the last read, RMS over the last 30
/// complete 10 ms segments (300 ms), both in dBFS; tolerance 0.1 dB (the issue's),
/// readings are whole centi-dB.
/// </summary>
public class MeterTests
{
    private const double ToleranceCentiDb = 10;

    private static double PeakDb(IEnumerable<int> x) => Signals.Dbfs(x.Max(v => Math.Abs((double)v)) / Signals.FullScale);

    /// <summary>RMS in dBFS of the 300 ms window that ends at the last complete 10 ms segment.</summary>
    private static double WindowRmsDb(int[] x)
    {
        int segment = EngineFixtures.SampleRate / 100;
        int end = x.Length / segment * segment;
        double sum = 0;
        for (int i = Math.Max(0, end - 30 * segment); i < end; i++) sum += Math.Pow(x[i] / Signals.FullScale, 2);
        return 10 * Math.Log10(sum / (30 * segment));
    }

    private static int[] Mono(int channel, int[] signal)
    {
        var channels = Enumerable.Range(0, 8).Select(c => c == channel ? signal : Signals.Silence(signal.Length)).ToArray();
        return Signals.Interleave(channels);
    }

    [Theory]
    [InlineData(997.0, 0.5)]
    [InlineData(50.0, 0.01)]
    [InlineData(5000.0, 0.9)]
    public void ChannelAndBusMetersMatchTheModel(double frequency, double amplitude)
    {
        using var engine = new MixEngine();
        engine.SetChannelPan(2, -100);
        EngineFixtures.Settle(engine);
        var x = Signals.Sine(24050, frequency, amplitude); // 501 ms: not a whole number of segments
        var output = Render.Run(engine, Mono(2, x), 32);

        var channel = engine.ReadMeter(MeterId.Channel(2));
        var main = engine.ReadMeter(MeterId.MainLeft);
        Assert.InRange(channel.PeakCentiDb, 100 * PeakDb(x) - ToleranceCentiDb, 100 * PeakDb(x) + ToleranceCentiDb);
        Assert.InRange(channel.RmsCentiDb, 100 * WindowRmsDb(x) - ToleranceCentiDb, 100 * WindowRmsDb(x) + ToleranceCentiDb);
        var left = Signals.Left(output);
        Assert.InRange(main.PeakCentiDb, 100 * PeakDb(left) - ToleranceCentiDb, 100 * PeakDb(left) + ToleranceCentiDb);
        Assert.InRange(main.RmsCentiDb, 100 * WindowRmsDb(left) - ToleranceCentiDb, 100 * WindowRmsDb(left) + ToleranceCentiDb);
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, engine.ReadMeter(MeterId.MainRight).PeakCentiDb);
    }

    [Fact]
    public void FullScaleSineReadsMinus3DbRms()
    {
        using var engine = new MixEngine();
        Render.Run(engine, Mono(0, Signals.Sine(48000, 1000, 1.0)), 256);
        Assert.InRange(engine.ReadMeter(MeterId.Channel(0)).RmsCentiDb, -301 - 2, -301 + 2);
    }

    [Fact]
    public void ChannelMeterIsPostFader()
    {
        using var engine = new MixEngine();
        engine.SetChannelTrim(1, 300);
        engine.SetChannelFader(1, -1000);
        var x = Signals.Sine(9600, 440, 0.5);
        Render.Run(engine, Mono(1, x), 32);
        var reading = engine.ReadMeter(MeterId.Channel(1));
        double expected = 100 * PeakDb(x) + 300 - 1000;
        Assert.InRange(reading.PeakCentiDb, expected - 2, expected + 2);

        engine.SetChannelMute(1, true);
        Render.Run(engine, Mono(1, x), 32);
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, engine.ReadMeter(MeterId.Channel(1)).PeakCentiDb);
    }

    [Fact]
    public void PreFaderMeterReadsTheInputWithTheFaderOffAndTheChannelMuted()
    {
        using var engine = new MixEngine();
        engine.SetChannelTrim(2, -600);
        engine.SetChannelFader(2, EngineLimits.FaderOffCentiDb);
        engine.SetChannelMute(2, true);
        var x = Signals.Sine(19200, 440, 0.25); // 400 ms: the RMS window (300 ms) full
        Render.Run(engine, Mono(2, x), 32);

        // The input's own level (the ADC sample, before trim, fader and mute), within 0.1 dB of the double-precision peak.
        var input = engine.ReadMeter(MeterId.Input(2));
        double expected = 100 * PeakDb(x);
        Assert.InRange(input.PeakCentiDb, expected - 10, expected + 10);
        Assert.InRange(input.RmsCentiDb, -1204 - 301 - 10, -1204 - 301 + 10); // 0.25 = -12.04 dB, a sine's RMS 3.01 dB under
        Assert.False(input.Clipped);

        x[7000] = 0x7FFFFF00; // one sample at the converter's full-scale code
        Render.Run(engine, Mono(2, x), 32);
        Assert.True(engine.ReadMeter(MeterId.Input(2)).Clipped);
        var post = engine.ReadMeter(MeterId.Channel(2));
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, post.PeakCentiDb); // post-fader: silent, as before
        Assert.True(post.Clipped);                                         // each meter's clip flag is its own

        // Each meter's peak resets on its own read only.
        engine.SetChannelMute(2, false);
        engine.SetChannelFader(2, 0);
        Render.Run(engine, Mono(2, Signals.Sine(4800, 440, 0.5)), 32);
        Assert.InRange(engine.ReadMeter(MeterId.Input(2)).PeakCentiDb, -603, -599);   // 0.5 = -6.02 dB
        Assert.InRange(engine.ReadMeter(MeterId.Channel(2)).PeakCentiDb, -1203, -1199); // and -6 dB of trim
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, engine.ReadMeter(MeterId.Input(2)).PeakCentiDb);
        Assert.Throws<MixEngineException>(() => engine.ReadMeter(MeterId.Input(EngineLimits.MaxChannels - 1)));
    }

    [Fact]
    public void PeakResetsOnReadHoldDoesNot()
    {
        using var engine = new MixEngine();
        Render.Run(engine, Mono(0, Signals.Sine(4800, 100, 0.8)), 32);
        var loud = engine.ReadMeter(MeterId.Channel(0));
        Render.Run(engine, Mono(0, Signals.Sine(4800, 100, 0.1)), 32);
        var quiet = engine.ReadMeter(MeterId.Channel(0));

        Assert.InRange(loud.PeakCentiDb, -196, -192);   // 0.8 = -1.94 dB
        Assert.InRange(quiet.PeakCentiDb, -2002, -1998); // 0.1 = -20 dB
        Assert.Equal(loud.PeakCentiDb, quiet.HoldCentiDb);

        engine.ResetMeterHold(MeterId.Channel(0));
        Render.Run(engine, Mono(0, Signals.Sine(4800, 100, 0.1)), 32);
        Assert.InRange(engine.ReadMeter(MeterId.Channel(0)).HoldCentiDb, -2002, -1998);
    }

    [Fact]
    public void RmsWindowForgetsAfter300Milliseconds()
    {
        using var engine = new MixEngine();
        var burst = Signals.Sine(4800, 1000, 0.5).Concat(Signals.Silence(9600)).ToArray(); // 100 ms tone, 200 ms silence
        Render.Run(engine, Mono(0, burst), 32);
        double expected = 100 * WindowRmsDb(burst); // a third of the window has the tone: -9.03 - 4.77 dB
        Assert.InRange(engine.ReadMeter(MeterId.Channel(0)).RmsCentiDb, expected - ToleranceCentiDb, expected + ToleranceCentiDb);

        Render.Run(engine, Mono(0, Signals.Silence(4800)), 32); // the tone leaves the window
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, engine.ReadMeter(MeterId.Channel(0)).RmsCentiDb);
    }

    [Fact]
    public void InputClipIsHeldUntilRead()
    {
        using var engine = new MixEngine();
        var x = Signals.Sine(960, 100, 0.5);
        x[500] = 0x7FFFFF00;
        Render.Run(engine, Mono(4, x), 32);
        Render.Run(engine, Mono(4, Signals.Silence(4800)), 32);

        Assert.True(engine.ReadMeter(MeterId.Channel(4)).Clipped);
        Assert.False(engine.ReadMeter(MeterId.Channel(4)).Clipped);
        Assert.False(engine.ReadMeter(MeterId.MainLeft).Clipped); // one channel at full scale, centre: no bus clip
    }

    [Fact]
    public void BusClipFlagsSaturationOnly()
    {
        using var engine = new MixEngine();
        engine.SetSubFader(0, 600);
        for (int c = 0; c < 2; c++) engine.SetChannelRoute(c, toMain: false, subBus: 0);
        var x = Signals.Sine(4800, 100, 0.6);
        var silent = Signals.Silence(4800);
        Render.Run(engine, Signals.Interleave(x, x, silent, silent, silent, silent, silent, silent), 32);

        Assert.True(engine.ReadMeter(MeterId.SubLeft(0)).Clipped);
        Assert.True(engine.ReadMeter(MeterId.SubRight(0)).Clipped);
        Assert.False(engine.ReadMeter(MeterId.SubLeft(1)).Clipped);
        Assert.False(engine.ReadMeter(MeterId.Channel(0)).Clipped);
    }

    [Fact]
    public void SilenceReadsTheFloor()
    {
        using var engine = new MixEngine();
        Render.Run(engine, new int[256 * 8], 256);
        var reading = engine.ReadMeter(MeterId.MainLeft);
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, reading.PeakCentiDb);
        Assert.Equal(EngineLimits.MeterSilenceCentiDb, reading.RmsCentiDb);
        Assert.False(reading.Clipped);
    }
}
