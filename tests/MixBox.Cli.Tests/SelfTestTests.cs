using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Firmware;
using MixBox.Hal.Sim;
using Xunit.Abstractions;
using MixBox.Twin;

namespace MixBox.Cli.Tests;

/// <summary>
/// The loopback self-test end to end in the twin: started from the panel (hold Store, press
/// Meter mode), played by the native module in place of the mix, through the simulated
/// board's patch cable (DMA buffering + converter group delays + gain + noise) into input 1.
/// </summary>
public class SelfTestTests
{
    private readonly ITestOutputHelper _output;

    public SelfTestTests(ITestOutputHelper output) => _output = output;

    private LoopbackResult RunSelfTest(AnalogLoopback? cable, Action<BoxTwin>? whileRunning = null)
    {
        using var twin = new BoxTwin(new MemorySettingsStorage());
        if (cable is not null) twin.Board.PlugLoopbackCable(cable);
        twin.PressCombination(MixBoxS3Board.KeyStore, MixBoxS3Board.KeyMeterMode);
        whileRunning?.Invoke(twin);
        for (int tick = 0; tick < 100 && twin.App.SelfTest.Running; tick++) twin.RunSilence(1);
        Assert.False(twin.App.SelfTest.Running, "the test finished");
        LoopbackResult result = twin.App.SelfTest.Result;
        _output.WriteLine(result.Describe(BoxTwin.SampleRate));
        return result;
    }

    [Fact]
    public void CleanLoopMeasuresTheBoardsLatencyLevelAndThdN()
    {
        var cable = new AnalogLoopback(gainDb: -0.5);
        Assert.Equal(AnalogLatency.Board, cable.LatencyHundredthsOfSample); // 31.6 samples
        LoopbackResult r = RunSelfTest(cable);

        Assert.Equal(LoopbackStatus.Ok, r.Status);
        // Within 0.1 sample of the model's 31.6 (the analyser's parabola is good to ~0.05).
        Assert.InRange(r.LatencyCentiSamples, AnalogLatency.Board - 10, AnalogLatency.Board + 10);
        Assert.InRange(r.GainCentiDb, -50 - 10, -50 + 10);        // the cable's -0.5 dB within 0.1 dB
        Assert.InRange(r.LevelCentiDb, -602 - 50 - 10, -602 - 50 + 10); // -6.02 dBFS sent
        Assert.True(r.ThdNCentiDb < -9000, $"THD+N {r.ThdNCentiDb} cdB"); // noise at -100 dBFS: ~-93.5 dB
    }

    [Fact]
    public void CableGainIntoTheAdcsClipSaysClippedAndThdNIsMuchWorse()
    {
        LoopbackResult r = RunSelfTest(new AnalogLoopback(gainDb: 8.0));
        Assert.Equal(LoopbackStatus.Clipped, r.Status);
        Assert.True(r.ThdNCentiDb > -4000, $"THD+N {r.ThdNCentiDb} cdB");
        Assert.InRange(r.LatencyCentiSamples, AnalogLatency.Board - 10, AnalogLatency.Board + 10);
        Assert.Contains("CLIPPED", r.Describe(BoxTwin.SampleRate));
    }

    [Fact]
    public void NoCableSaysNoSignalOnInput1()
    {
        LoopbackResult r = RunSelfTest(null);
        Assert.Equal(LoopbackStatus.NoSignal, r.Status);
        Assert.Equal("self-test: no signal on input 1 (patch an output into input 1)", r.Describe(BoxTwin.SampleRate));
    }

    [Fact]
    public void TheKeyCombinationStartsItTheLedsBlinkThenShowTheResult()
    {
        using var twin = new BoxTwin(new MemorySettingsStorage());
        twin.Board.PlugLoopbackCable(new AnalogLoopback());
        int meterMode = twin.App.Scene.MeterMode;
        twin.HoldKey(MixBoxS3Board.KeyStore, true);
        twin.RunSilence(4);
        twin.HoldKey(MixBoxS3Board.KeyMeterMode, true);
        twin.RunSilence(4);
        Assert.True(twin.App.SelfTest.Running || twin.App.SelfTest.Result.Status == LoopbackStatus.Ok, "started");

        // While it runs, store and fault blink in turn.
        var seen = new HashSet<(bool Store, bool Fault)>();
        for (int tick = 0; tick < 30 && twin.App.SelfTest.Running; tick++)
        {
            seen.Add((twin.Led(MixBoxS3Board.LedStore), twin.Led(MixBoxS3Board.LedFault)));
            twin.RunSilence(1);
        }
        Assert.Contains((true, false), seen);
        Assert.Contains((false, true), seen);
        twin.HoldKey(MixBoxS3Board.KeyMeterMode, false);
        twin.HoldKey(MixBoxS3Board.KeyStore, false);
        for (int tick = 0; tick < 100 && twin.App.SelfTest.Running; tick++) twin.RunSilence(1);
        twin.RunSilence(4);

        Assert.Equal(meterMode, twin.App.Scene.MeterMode); // Meter mode was the combination's, not a mode change
        Assert.False(twin.App.SelfTest.Running);
        Assert.True(twin.Led(MixBoxS3Board.LedStore), "store steady: measured cleanly");
        Assert.False(twin.Led(MixBoxS3Board.LedFault));
        // 0.66 ms -> 7 segments of 0.1 ms; THD+N ~-93 dB -> 9 segments of 10 dB.
        Assert.Equal(7, twin.LitLeds(MixBoxS3Board.LedBusMeterLeftFirst, MixBoxS3Board.BusMeterSegments));
        Assert.Equal(9, twin.LitLeds(MixBoxS3Board.LedBusMeterRightFirst, MixBoxS3Board.BusMeterSegments));

        // 5 s later the meters are back.
        twin.RunSilence(SelfTest.ResultTicks);
        Assert.False(twin.App.SelfTest.OnPanel);
        Assert.False(twin.Led(MixBoxS3Board.LedStore));
    }

    [Fact]
    public void StoreAloneStillSavesAndTheCombinationSavesNothing()
    {
        var storage = new MemorySettingsStorage();
        using var twin = new BoxTwin(storage);
        twin.PressCombination(MixBoxS3Board.KeyStore, MixBoxS3Board.KeyMeterMode);
        Assert.Equal(0, storage.Writes);
        for (int tick = 0; tick < 100 && twin.App.SelfTest.Running; tick++) twin.RunSilence(1);
        twin.RunSilence(SelfTest.ResultTicks);
        twin.PressKey(MixBoxS3Board.KeyStore);
        Assert.Equal(1, storage.Writes);
        Assert.True(twin.Led(MixBoxS3Board.LedStore), "the store LED confirms");
    }

    [Fact]
    public void CliPrintsOneResultLine()
    {
        string dir = Path.Combine(Path.GetTempPath(), "mixbox-selftest-" + Guid.NewGuid().ToString("N"));
        try
        {
            var stdout = new StringWriter();
            int code = CliApp.Run(["selftest", "--out", dir], stdout, new StringWriter());
            string text = stdout.ToString();
            _output.WriteLine(text);
            Assert.Equal(0, code);
            string line = Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Matches(@"^self-test: latency 0\.6[56]\d ms \(31\.[5-7]\d samples\), level -6\.5\d dBFS \(gain -0\.[45]\d dB\), THD\+N -9\d\.\d dB$", line.TrimEnd());

            stdout = new StringWriter();
            Assert.Equal(1, CliApp.Run(["selftest", "--out", dir, "--no-cable"], stdout, new StringWriter()));
            Assert.Contains("no signal on input 1", stdout.ToString());
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
