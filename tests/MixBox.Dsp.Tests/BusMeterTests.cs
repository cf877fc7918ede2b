using Xunit.Abstractions;

namespace MixBox.Dsp.Tests;

/// <summary>
/// The octave analyser and the correlation meter (issue #19). The C test
/// (dsp/native/test/test_bus_meters.c, under AddressSanitizer + UBSan) holds them against
/// double models, the IEC 61260-1:2014 class 1 mask, sox's pink noise and ffmpeg's
/// aphasemeter; here the C# facade reads them.
/// </summary>
public class BusMeterTests
{
    private readonly ITestOutputHelper _output;

    public BusMeterTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void NativeTestAgreesWithModelsAndPeers()
    {
        string build = NativeTestBuild.Build("dsp/native/test", "engine-tests-address", null,
            "-DMIXBOX_SANITIZER=address", "-DCMAKE_BUILD_TYPE=Debug");
        var (exitCode, output) = NativeTestBuild.Run(Path.Combine(build, "test_bus_meters"), [], null, TimeSpan.FromMinutes(15));
        _output.WriteLine(output);
        Assert.True(exitCode == 0, output);
        Assert.Contains("bus meters: all passed", output);
    }

    private static MixEngine StereoEngine(int rate = 48000)
    {
        var engine = new MixEngine(rate, 2);
        engine.Set(EngineParam.ChannelPan, 0, -100);
        engine.Set(EngineParam.ChannelPan, 1, 100);
        return engine;
    }

    private static void Play(MixEngine engine, Func<int, (double Left, double Right)> signal, int frames)
    {
        var input = new int[64];
        var output = new int[64];
        for (int done = 0; done < frames; done += 32)
        {
            for (int i = 0; i < 32; i++)
            {
                var (l, r) = signal(done + i);
                input[2 * i] = (int)Math.Round(l * 8388607.0) * 256;
                input[2 * i + 1] = (int)Math.Round(r * 8388607.0) * 256;
            }
            engine.Process(input, output, 32);
        }
    }

    [Fact]
    public void SpectrumReadsASineInItsBandAndSilenceWhenOff()
    {
        using var engine = StereoEngine();
        Assert.False(engine.ReadSpectrum().On);
        Assert.All(engine.ReadSpectrum().BandCentiDb, b => Assert.Equal(EngineLimits.MeterSilenceCentiDb, b));
        engine.Set(EngineParam.AnalyserOn, 0, 1);
        const double amplitude = 0.25; // RMS -15.05 dBFS
        Play(engine, n => { double x = amplitude * Math.Sin(2 * Math.PI * 1000.0 * n / 48000.0); return (x, x); }, 96000);
        SpectrumReading reading = engine.ReadSpectrum();
        Assert.True(reading.On);
        Assert.Equal(EngineLimits.SpectrumBands, reading.BandCentiDb.Length);
        double expected = 20 * Math.Log10(amplitude / Math.Sqrt(2)) * 100;
        Assert.InRange(reading.BandCentiDb[5], expected - 20, expected + 20); // 1 kHz band, within 0.2 dB
        Assert.True(reading.BandCentiDb[3] < expected - 4000, "250 Hz band rejects 1 kHz by > 40 dB");
    }

    [Fact]
    public void CorrelationReadsOppositeSidesAndTheLowBand()
    {
        using var engine = StereoEngine();
        engine.Set(EngineParam.CorrelationOn, 0, 1);
        // Correlated 60 Hz bass, anti-correlated 3 kHz treble of the same level.
        Play(engine, n =>
        {
            double bass = 0.2 * Math.Sin(2 * Math.PI * 60 * n / 48000.0), treble = 0.2 * Math.Sin(2 * Math.PI * 3000 * n / 48000.0);
            return (bass + treble, bass - treble);
        }, 96000);
        CorrelationReading reading = engine.ReadCorrelation();
        Assert.True(reading.On);
        Assert.InRange(reading.LowCorrelationX10000, 9900, 10000);
        Assert.InRange(reading.CorrelationX10000, -500, 500);
        Assert.InRange(reading.WidthCentiDb, -100, 100); // side and mid of equal energy: 0 dB

        using var opposite = StereoEngine();
        opposite.Set(EngineParam.CorrelationOn, 0, 1);
        Play(opposite, n => { double x = 0.3 * Math.Sin(0.01 * n); return (x, -x); }, 48000);
        Assert.Equal(-10000, opposite.ReadCorrelation().CorrelationX10000);
    }

    [Fact]
    public void BadMeterSettingsAreRefused()
    {
        using var engine = StereoEngine();
        var error = Assert.Throws<MixEngineException>(() => engine.Set(EngineParam.AnalyserSlow, 0, 2));
        Assert.Equal(EngineStatus.Value, error.Status);
    }
}
