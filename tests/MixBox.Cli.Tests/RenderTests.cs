namespace MixBox.Cli.Tests;

/// <summary>`mixbox render`: real files through the box, and every kind of bad input refused clearly.</summary>
public sealed class RenderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mixbox-render-" + Guid.NewGuid());

    public RenderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Mixbox(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string InDir(string name) => Path.Combine(_dir, name);

    [Fact]
    public void RendersMixedFormatsAndPrintsTheMeterReport()
    {
        string kick = WavFiles.Sine(_dir, "kick.wav", 60, 0.5, 2.0, bits: 24);
        string keys = WavFiles.Sine(_dir, "keys.wav", 440, 0.3, 3.0, channels: 2, asFloat: true);
        string hat = WavFiles.Sine(_dir, "hat.wav", 5000, 0.1, 1.0, bits: 16);
        var (code, stdout, stderr) = Mixbox("render", kick, keys, hat, "-o", InDir("mix.wav"), "--png", InDir("mix.png"));

        Assert.True(code == 0, stderr);
        Assert.Contains("3 stem(s) into 4 of the box's 8 inputs, 48000 Hz", stdout);
        Assert.Contains("kick.wav is 1.00 s shorter: padded with silence", stdout);
        Assert.Contains("integrated", stdout);
        Assert.Contains("true peak", stdout);
        var mix = WavFiles.Read24(InDir("mix.wav"));
        Assert.Equal(3.0 * 48000 * 2, mix.Length);              // the longest stem
        Assert.InRange(mix.Max(Math.Abs), 0.2, 0.97);             // under the -0.3 dBFS ceiling
        Assert.True(File.Exists(InDir("mix.png")));
    }

    [Fact]
    public void SceneMuteRemovesAStem()
    {
        string a = WavFiles.Sine(_dir, "a.wav", 220, 0.4, 1.0);
        string b = WavFiles.Sine(_dir, "b.wav", 330, 0.4, 1.0);
        File.WriteAllText(InDir("scene.json"), """
            { "channels": [ { "mute": true }, { "fader_db": 0 } ],
              "output": { "safety_clip": false, "dither": false } }
            """);
        File.WriteAllText(InDir("only-b.json"), """{ "output": { "safety_clip": false, "dither": false } }""");

        Assert.Equal(0, Mixbox("render", a, b, "--scene", InDir("scene.json"), "-o", InDir("muted.wav")).Code);
        Assert.Equal(0, Mixbox("render", b, "--scene", InDir("only-b.json"), "-o", InDir("b-alone.wav")).Code);
        var muted = WavFiles.Read24(InDir("muted.wav"));
        var alone = WavFiles.Read24(InDir("b-alone.wav"));
        Assert.Equal(alone.Skip(480), muted.Skip(480)); // after the first frames: the mute is exact
    }

    [Fact]
    public void MissingFileIsOneClearLine()
    {
        var (code, _, stderr) = Mixbox("render", InDir("nope.wav"), "-o", InDir("mix.wav"));
        Assert.Equal(1, code);
        Assert.Equal($"mixbox: {InDir("nope.wav")}: file not found", stderr.Trim());
    }

    [Fact]
    public void MalformedWavIsRefused()
    {
        File.WriteAllBytes(InDir("noise.wav"), Enumerable.Range(0, 500).Select(i => (byte)(i * 37)).ToArray());
        var (code, _, stderr) = Mixbox("render", InDir("noise.wav"), "-o", InDir("mix.wav"));
        Assert.Equal(1, code);
        Assert.StartsWith($"mixbox: {InDir("noise.wav")}: not a readable WAV file", stderr.Trim());
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void UnsupportedFormatSaysWhatIsSupported()
    {
        string mp3 = WavFiles.Sine(_dir, "old.wav", 440, 0.5, 0.5, bits: 16);
        var bytes = File.ReadAllBytes(mp3);
        bytes[20] = 0x55; // format tag: MPEG layer 3
        File.WriteAllBytes(mp3, bytes);
        var (code, _, stderr) = Mixbox("render", mp3, "-o", InDir("mix.wav"));
        Assert.Equal(1, code);
        Assert.Equal($"mixbox: {mp3}: unsupported format (tag 0x0055, MPEG layer 3): use 8/16/24/32-bit PCM or 32/64-bit float", stderr.Trim());
    }

    [Fact]
    public void EightBitStemsRender()
    {
        string eightBit = WavFiles.Sine(_dir, "old.wav", 440, 0.5, 0.5, bits: 8);
        var (code, stdout, stderr) = Mixbox("render", eightBit, "-o", InDir("mix.wav"));
        Assert.True(code == 0, stderr);
        Assert.Contains("1 stem(s) into 1 of the box's 8 inputs, 48000 Hz", stdout);
        Assert.InRange(WavFiles.Read24(InDir("mix.wav")).Max(Math.Abs), 0.1, 0.97);
    }

    [Fact]
    public void MismatchedRatesAreRefused()
    {
        string a = WavFiles.Sine(_dir, "a.wav", 220, 0.4, 0.5, rate: 44100);
        string b = WavFiles.Sine(_dir, "b.wav", 220, 0.4, 0.5, rate: 48000);
        var (code, _, stderr) = Mixbox("render", a, b, "-o", InDir("mix.wav"));
        Assert.Equal(1, code);
        Assert.Contains("stems have different sample rates (a.wav 44100 Hz, b.wav 48000 Hz)", stderr);
    }

    [Theory]
    [InlineData("{ \"channels\": [ { \"fader_db\": 3, } ", "malformed scene at line 1")]
    [InlineData("{ \"chanels\": [] }", "unknown field chanels (known: name, inputs, channels, pairs, sub_buses, main, compressor, drive_db, eq, de_esser, stereo, output, meter_mode, target)")]
    [InlineData("{ \"channels\": [ { \"fader_db\": 20 } ] }", "channels[0].fader_db is 20, outside -144..12")]
    [InlineData("{ \"compressor\": { \"ratio\": 50 } }", "compressor.ratio is 50, outside 1..20")]
    [InlineData("{ \"compressor\": { \"link\": \"sum\" } }", "compressor.link must be \"max\" or \"average\"")]
    public void BadScenesAreRefusedWithTheirPlace(string json, string message)
    {
        string a = WavFiles.Sine(_dir, "a.wav", 220, 0.4, 0.5);
        File.WriteAllText(InDir("scene.json"), json);
        var (code, _, stderr) = Mixbox("render", a, "--scene", InDir("scene.json"), "-o", InDir("mix.wav"));
        Assert.Equal(1, code);
        Assert.Contains(message, stderr);
        Assert.StartsWith("mixbox: ", stderr);
    }

    [Fact]
    public void AFailedRenderLeavesTheExistingOutputUntouched()
    {
        File.WriteAllText(InDir("mix.wav"), "yesterday's mix");
        string a = WavFiles.Sine(_dir, "a.wav", 220, 0.4, 0.5);
        File.WriteAllText(InDir("scene.json"), "{ \"main\": { \"fader_db\": 99 } }");
        Assert.Equal(1, Mixbox("render", a, "--scene", InDir("scene.json"), "-o", InDir("mix.wav")).Code);
        Assert.Equal("yesterday's mix", File.ReadAllText(InDir("mix.wav")));
    }

    [Fact]
    public void UsageErrorsExitNonZero()
    {
        Assert.Equal(2, Mixbox("render").Code);
        var (code, stdout, stderr) = Mixbox("render", "a.wav"); // no -o
        Assert.Equal(2, code);
        Assert.Equal("mixbox: Option '-o' is required. (mixbox render --help)", stderr.Trim());
        Assert.Equal("", stdout);                                // no help dump
        Assert.Equal(2, Mixbox("frobnicate").Code);
        Assert.Equal(2, Mixbox("render", InDir("a.wav"), "-o", InDir("m.wav"), "--format", "mp3").Code);
    }

    [Fact]
    public void FloatAndTwentyFourBitHoldTheSameDitheredMix()
    {
        // With the scene's dither on the box's output is on the 24-bit grid, which a float holds exactly.
        string a = WavFiles.Sine(_dir, "a.wav", 220, 0.5, 0.5, channels: 2);
        File.WriteAllText(InDir("dither.json"), """{ "output": { "dither": true } }""");
        Assert.Equal(0, Mixbox("render", a, "--scene", InDir("dither.json"), "-o", InDir("mix24.wav")).Code);
        Assert.Equal(0, Mixbox("render", a, "--scene", InDir("dither.json"), "-o", InDir("mixf.wav"), "--format", "float32").Code);
        var (pcm, pcmSamples) = WavReaderTests.ReadAll(InDir("mix24.wav"));
        var (flt, floatSamples) = WavReaderTests.ReadAll(InDir("mixf.wav"));
        Assert.Equal((WavEncoding.Pcm, 24), (pcm.Format.Encoding, pcm.Format.BitsPerSample));
        Assert.Equal((WavEncoding.Float, 32), (flt.Format.Encoding, flt.Format.BitsPerSample));
        Assert.Equal(pcmSamples, floatSamples);
        Assert.Equal(pcmSamples, Peers.SoxS32(InDir("mix24.wav")));
    }

    [Fact]
    public void SixteenBitWarnsOnceWhenDitherIsOff()
    {
        string a = WavFiles.Sine(_dir, "a.wav", 220, 0.5, 0.5);
        var (code, _, stderr) = Mixbox("render", a, "-o", InDir("mix16.wav"), "--format", "pcm16");
        Assert.Equal(0, code);
        Assert.Equal("mixbox: warning: the scene's dither is off, so the 16-bit output is only rounded (distortion on quiet passages); set \"output\": { \"dither\": true }", stderr.Trim());
        Assert.Equal(16, WavReaderTests.ReadAll(InDir("mix16.wav")).Header.Format.BitsPerSample);
        File.WriteAllText(InDir("dither.json"), """{ "output": { "dither": true } }""");
        var (ditheredCode, stdout, quiet) = Mixbox("render", a, "--scene", InDir("dither.json"), "-o", InDir("mix16d.wav"), "--format", "pcm16");
        Assert.Equal(0, ditheredCode);
        Assert.Equal("", quiet);
        Assert.Contains("16-bit PCM stereo", stdout);

        // The engine dithers to its 16-bit word: TPDF (±1 LSB) + rounding differ from plain rounding by at most 2 LSBs,
        // and a render repeats bit for bit (fixed seed).
        var rounded = WavReaderTests.ReadAll(InDir("mix16.wav")).Samples;
        var dithered = WavReaderTests.ReadAll(InDir("mix16d.wav")).Samples;
        Assert.NotEqual(rounded, dithered);
        Assert.All(rounded.Zip(dithered, (r, d) => Math.Abs((long)r - d) / 65536), lsbs => Assert.InRange(lsbs, 0, 2));
        Assert.Equal(0, Mixbox("render", a, "--scene", InDir("dither.json"), "-o", InDir("again.wav"), "--format", "pcm16").Code);
        Assert.Equal(File.ReadAllBytes(InDir("mix16d.wav")), File.ReadAllBytes(InDir("again.wav")));
    }

    [Fact]
    public void ARateTheEngineRefusesIsOneLineBeforeAnythingElse()
    {
        // 7 kHz is under every rate the box runs at; the CLI has no limits of its own, the engine's refusal is reported.
        string slow = WavFiles.Sine(_dir, "slow.wav", 220, 0.4, 0.5, rate: 7000);
        var (code, stdout, stderr) = Mixbox("render", slow, "-o", InDir("mix.wav"));
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("mixbox: slow.wav: 7000 Hz: the box's engine refuses this rate (", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.False(File.Exists(InDir("mix.wav")));
    }
}
