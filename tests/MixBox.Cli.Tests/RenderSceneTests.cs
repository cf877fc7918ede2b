using MixBox.Firmware;
using MixBox.Twin;
using Xunit.Abstractions;

namespace MixBox.Cli.Tests;

/// <summary>
/// A render plays the box: its scene is the firmware's Scene (read from JSON, applied by the
/// firmware's SceneApplier), a render without a scene is the box's power-on scene, a scene
/// exported from a box's settings renders bit for bit what the twin plays, and every problem in
/// a scene file is one line naming its JSON path.
/// </summary>
public sealed class RenderSceneTests(ITestOutputHelper log) : IDisposable
{
    private const int Frames = 120 * BoxTwin.TickFrames; // 1.2 s, whole control ticks

    private readonly string _dir = Directory.CreateTempSubdirectory("mixbox-scene-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string At(string name) => Path.Combine(_dir, name);

    /// <summary>Eight mono 24-bit stems of distinct material; returns their paths and the box's 8-channel Q1.31 input.</summary>
    private (string[] Paths, int[] Input) EightStems()
    {
        var input = new int[Frames * Scene.Channels];
        var paths = new string[Scene.Channels];
        for (int c = 0; c < Scene.Channels; c++)
        {
            var samples = ExactStems.Material(c, Frames);
            paths[c] = ExactStems.Mono24(At($"stem{c + 1}.wav"), samples);
            for (int i = 0; i < Frames; i++) input[i * Scene.Channels + c] = samples[i] << 8; // as the box's converters deliver it
        }
        return (paths, input);
    }

    /// <summary>A scene that touches every field the engine takes.</summary>
    private static Scene RichScene()
    {
        var s = new Scene();
        int[] faders = { 0, -350, -600, 250, -1200, -14400, -75, 400 };
        int[] pans = { -100, -40, 0, 35, 100, 0, -70, 70 };
        for (int c = 0; c < Scene.Channels; c++)
        {
            s.FaderCentiDb[c] = faders[c];
            s.Pan[c] = pans[c];
            s.TrimCentiDb[c] = 150 * c - 500;
        }
        s.Invert[2] = true;
        s.Mute[3] = true;
        s.Linked[2] = true;      // inputs 5-6: one level (input 5's), hard left and right, balance to the right
        s.Balance[2] = 35;
        s.SubBus[0] = s.SubBus[1] = 0;
        s.SubBus[6] = 1;
        s.SubFaderCentiDb[0] = -250;
        s.SubMute[1] = true;
        s.MainFaderCentiDb = -150;
        s.CompressorIn = true;
        s.CompThresholdCentiDb = -2400;
        s.CompRatioX100 = 350;
        s.CompAttackMicroseconds = 2500;
        s.CompReleaseMilliseconds = 0;
        s.CompKneeCentiDb = 900;
        s.CompMakeupCentiDb = 400;
        s.CompMixPercent = 70;
        s.CompSidechainHighPassHz = 90;
        s.CompLinkAverage = true;
        s.DriveCentiDb = 450;
        s.OutputCeilingCentiDb = -100;
        s.OutputDither = true;
        s.MeterMode = MeterMode.Rms;
        s.Target = TargetPresets.IdOf("apple");
        // The mix-bus toolkit, every stage working: a scene from the box's bus page renders the same.
        s.EqHighPassHz = 30;
        s.EqHighPassSlope = 18;
        s.EqLowShelfHz = 90;
        s.EqLowShelfCentiDb = 300;
        s.EqLowShelfGentle = true;
        s.EqBellHz[0] = 450; s.EqBellCentiDb[0] = -350; s.EqBellQX100[0] = 140;
        s.EqBellHz[1] = 2800; s.EqBellCentiDb[1] = 420; s.EqBellQX100[1] = 80;
        s.EqProportionalQ = true;
        s.EqHighShelfHz = 10000;
        s.EqHighShelfCentiDb = 250;
        s.EqLowpassHz = 19000;
        s.EqAfterComp = true;
        s.DeessOn = true;
        s.DeessHz = 6000;
        s.DeessThresholdCentiDb = -3500;
        s.DeessRangeCentiDb = 800;
        s.DeessReleaseMilliseconds = 90;
        s.StereoWidthPercent = 130;
        s.StereoMonoBelowHz = 100;
        return s;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheBoxsSceneRendersBitIdenticallyToTheTwinPlayingIt(bool stored)
    {
        // The box: settings holding a scene (or nothing: the power-on scene), booted in the twin, playing the stems.
        string settings = At("box-settings");
        var store = new SettingsStore(new FileSettingsStorage(settings));
        store.Load();
        if (stored) Assert.True(store.Save(RichScene()));
        var (stems, input) = EightStems();
        int[] box;
        using (var twin = new BoxTwin(new FileSettingsStorage(settings)))
        {
            Assert.Equal(stored ? SettingsOutcome.Loaded : SettingsOutcome.Empty, twin.BootReport.Settings);
            box = twin.Run(input);
        }

        // The render: the scene exported from the same settings as JSON, or no scene at all.
        string[] args = [.. stems, "-o", At("mix.wav")];
        if (stored)
        {
            var (exportCode, json, exportErr) = Mixbox.Run("scene", "export", settings);
            Assert.True(exportCode == 0, exportErr);
            log.WriteLine(json);
            File.WriteAllText(At("scene.json"), json);
            args = [.. args, "--scene", At("scene.json")];
        }
        var (code, stdout, stderr) = Mixbox.Run(["render", .. args]);
        Assert.True(code == 0, stderr);
        log.WriteLine(stdout);
        var (_, mix) = WavReaderTests.ReadAll(At("mix.wav"));

        Assert.Equal(box.Length, mix.Length);
        Assert.True(box.Max(Math.Abs) > 1 << 26, "the mix is audible");
        // With dither on the box's output is on the 24-bit grid already: the file is its exact value; else rounded to it.
        var expected = box.Select(v => SampleCoding.RoundTo24Bits(v) << 8).ToArray();
        if (stored) Assert.Equal(box, expected);
        int first = Enumerable.Range(0, box.Length).FirstOrDefault(i => mix[i] != expected[i], -1);
        Assert.True(first < 0, $"sample {first}: render {mix[Math.Max(first, 0)]}, box {expected[Math.Max(first, 0)]}");
    }

    [Fact]
    public void WithoutASceneTheBoxsPowerOnDefaultsApply()
    {
        // Dither off: silence stays exactly zero. Safety clip on at -0.3 dBFS: a full-scale stereo stem (hard left/right at unity) is held under it.
        string silence = ExactStems.Mono24(At("silence.wav"), new int[4800]);
        string loud = WavFiles.Sine(_dir, "loud.wav", 100, 1.0, 0.1, channels: 2);
        var (code, stdout, stderr) = Mixbox.Run("render", silence, loud, "-o", At("mix.wav"));
        Assert.True(code == 0, stderr);
        Assert.Contains("scene: the box's power-on scene", stdout);
        var (_, mix) = WavReaderTests.ReadAll(At("mix.wav"));
        double peak = mix.Max(v => Math.Abs((double)v)) / 2147483648.0;
        Assert.InRange(20 * Math.Log10(peak), -1.0, -0.3); // a full-scale input comes out under the ceiling

        Assert.Equal(0, Mixbox.Run("render", silence, "-o", At("quiet.wav")).Code);
        Assert.All(WavReaderTests.ReadAll(At("quiet.wav")).Samples, v => Assert.Equal(0, v));
    }

    [Fact]
    public void AStereoStemIsHardLeftAndRightAtUnity()
    {
        string stereo = WavFiles.Sine(_dir, "stereo.wav", 200, 0.5, 0.5, channels: 2);
        Assert.Equal(0, Mixbox.Run("render", stereo, "-o", At("mix.wav")).Code);
        Assert.Equal(WavReaderTests.ReadAll(stereo).Samples, WavReaderTests.ReadAll(At("mix.wav")).Samples); // under the clip's knee: bit-exact
    }

    [Fact]
    public void AStereoStemOnAPairIsLinkedUnlessTheSceneSaysOtherwise()
    {
        string stereo = WavFiles.Sine(_dir, "stereo.wav", 200, 0.5, 0.5, channels: 2);
        var (code, stdout, stderr) = Mixbox.Run("render", stereo, "-o", At("mix.wav"));
        Assert.True(code == 0, stderr);
        Assert.Contains("stereo.wav feeds inputs 1-2 as a linked pair", stdout);
        Assert.Equal(WavReaderTests.ReadAll(stereo).Samples, WavReaderTests.ReadAll(At("mix.wav")).Samples); // linking changes no sample
        var scene = SceneJsonReader.Parse("{}", "empty").For([StemFile.Open(stereo)]).Scene;
        Assert.True(scene.Linked[0]);

        File.WriteAllText(At("apart.json"), """{ "pairs": [ { "linked": false } ] }""");
        var (_, apart, _) = Mixbox.Run("render", stereo, "--scene", At("apart.json"), "-o", At("apart.wav"));
        Assert.DoesNotContain("linked pair", apart);
        // Sides the scene sets differently are left apart too (linking would copy the left side's fader).
        File.WriteAllText(At("sides.json"), """{ "channels": [ { "fader_db": -6 } ] }""");
        var (_, sides, _) = Mixbox.Run("render", stereo, "--scene", At("sides.json"), "-o", At("sides.wav"));
        Assert.DoesNotContain("linked pair", sides);
    }

    [Fact]
    public void TheTemplateRendersAndIsThePowerOnScene()
    {
        var (code, template, stderr) = Mixbox.Run("scene", "template");
        Assert.True(code == 0, stderr);
        log.WriteLine(template);
        Assert.Contains("//", template);
        File.WriteAllText(At("template.json"), template);
        string mono = WavFiles.Sine(_dir, "mono.wav", 300, 0.4, 0.5);
        string stereo = WavFiles.Sine(_dir, "stereo.wav", 200, 0.3, 0.5, channels: 2);

        var (withTemplate, _, err) = Mixbox.Run("render", mono, stereo, "--scene", At("template.json"), "-o", At("template.wav"));
        Assert.True(withTemplate == 0, err);
        Assert.Equal(0, Mixbox.Run("render", mono, stereo, "-o", At("default.wav")).Code);
        Assert.Equal(File.ReadAllBytes(At("default.wav")), File.ReadAllBytes(At("template.wav")));
        var read = SceneJsonReader.Parse(template, "template");
        Assert.Equal(SceneCodec.Encode(new Scene(), 0), SceneCodec.Encode(read.Scene, 0));
    }

    [Fact]
    public void AnExportedSceneReadsBackToTheSameScene()
    {
        var random = new Random(5);
        for (int n = 0; n < 200; n++)
        {
            var s = n == 0 ? RichScene() : new Scene();
            for (int c = 0; n > 0 && c < Scene.Channels; c++)
            {
                s.FaderCentiDb[c] = random.Next(3) == 0 ? -14400 : random.Next(-14400, 1201);
                s.TrimCentiDb[c] = random.Next(-2000, 2001);
                s.Pan[c] = random.Next(-100, 101);
                s.Mute[c] = random.Next(2) == 0;
                s.Solo[c] = random.Next(5) == 0;
                s.Invert[c] = random.Next(2) == 0;
                s.SubBus[c] = random.Next(3) - 1;
                s.InputGainDb[c] = random.Next(0, 43);
                s.Instrument[c] = random.Next(2) == 0;
            }
            for (int p = 0; n > 0 && p < Scene.Pairs; p++)
            {
                s.Linked[p] = random.Next(2) == 0;
                s.Balance[p] = random.Next(-100, 101);
            }
            if (n > 0)
            {
                s.SubFaderCentiDb[random.Next(2)] = random.Next(-14400, 1201);
                s.SubMute[random.Next(2)] = random.Next(2) == 0;
                s.MainFaderCentiDb = random.Next(-14400, 1201);
                s.CompressorIn = random.Next(2) == 0;
                s.CompThresholdCentiDb = random.Next(-4000, 1);
                s.CompRatioX100 = random.Next(100, 2001);
                s.CompAttackMicroseconds = random.Next(100, 30001);
                s.CompReleaseMilliseconds = random.Next(2) == 0 ? 0 : random.Next(50, 2001);
                s.CompKneeCentiDb = random.Next(0, 1201);
                s.CompMakeupCentiDb = random.Next(0, 2001);
                s.CompMixPercent = random.Next(0, 101);
                s.CompSidechainHighPassHz = random.Next(2) == 0 ? 0 : random.Next(20, 501);
                s.CompLinkAverage = random.Next(2) == 0;
                s.DriveCentiDb = random.Next(0, 1801);
                s.OutputSafety = random.Next(2) == 0;
                s.OutputCeilingCentiDb = random.Next(-600, 1);
                s.OutputDither = random.Next(2) == 0;
                s.MeterMode = random.Next(MeterMode.Count);
                s.Target = random.Next(TargetPresets.All.Length + 1);
                RandomToolkit(s, random);
                s.Name = new string(Enumerable.Range(0, random.Next(SceneRules.NameMaxChars + 1)).Select(_ => (char)random.Next(' ', '~' + 1)).ToArray());
            }
            Assert.True(SceneRules.IsValid(s));
            var read = SceneJsonReader.Parse(SceneJsonWriter.Write(s), "export").Scene;
            Assert.Equal(SceneCodec.Encode(s, 0), SceneCodec.Encode(read, 0));
        }
    }

    /// <summary>Every toolkit field at a random valid value.</summary>
    private static void RandomToolkit(Scene s, Random random)
    {
        int Choice(int[] choices) => random.Next(choices.Length + 1) is var i && i == 0 ? 0 : choices[i - 1];
        s.EqAfterComp = random.Next(2) == 0;
        s.EqHighPassHz = Choice(SceneRules.HighPassChoicesHz);
        s.EqHighPassSlope = random.Next(2) == 0 ? 12 : 18;
        s.EqLowShelfHz = random.Next(30, 301);
        s.EqLowShelfCentiDb = random.Next(-1200, 1201);
        s.EqLowShelfGentle = random.Next(2) == 0;
        for (int b = 0; b < Scene.Bells; b++)
        {
            s.EqBellHz[b] = random.Next(60, 8001);
            s.EqBellCentiDb[b] = random.Next(-1200, 1201);
            s.EqBellQX100[b] = random.Next(40, 401);
        }
        s.EqProportionalQ = random.Next(2) == 0;
        s.EqHighShelfHz = random.Next(1500, 16001);
        s.EqHighShelfCentiDb = random.Next(-1200, 1201);
        s.EqLowpassHz = random.Next(2) == 0 ? 0 : random.Next(10000, 20001);
        s.DeessOn = random.Next(2) == 0;
        s.DeessHz = random.Next(2000, 12001);
        s.DeessThresholdCentiDb = random.Next(-5000, 1);
        s.DeessRangeCentiDb = random.Next(0, 1201);
        s.DeessReleaseMilliseconds = random.Next(20, 301);
        s.DeessListen = random.Next(2) == 0;
        s.StereoWidthPercent = random.Next(0, 201);
        s.StereoMonoBelowHz = Choice(SceneRules.MonoBelowChoicesHz);
    }

    [Theory]
    [InlineData("{\"eq\":{\"high_pass_hz\":25}}", "eq.high_pass_hz is 25: use 0 (off) or 20, 30, 40, 60, 80, 100, 150")]
    [InlineData("{\"eq\":{\"high_pass_slope\":15}}", "eq.high_pass_slope is 15: use 12 or 18 (dB/oct)")]
    [InlineData("{\"eq\":{\"low_shelf\":{\"gain_db\":13}}}", "eq.low_shelf.gain_db is 13, outside -12..12")]
    [InlineData("{\"eq\":{\"low_shelf\":{\"hz\":20}}}", "eq.low_shelf.hz is 20, outside 30..300")]
    [InlineData("{\"eq\":{\"bells\":[{},{\"q\":5}]}}", "eq.bells[1].q is 5, outside 0.4..4")]
    [InlineData("{\"eq\":{\"bells\":[{\"hz\":\"1k\"}]}}", "eq.bells[0].hz is the string \"1k\", expected a number")]
    [InlineData("{\"eq\":{\"bells\":[{},{},{}]}}", "eq.bells has 3 entries; the EQ has 2")]
    [InlineData("{\"eq\":{\"high_shelf\":{\"hz\":20000}}}", "eq.high_shelf.hz is 20000, outside 1500..16000")]
    [InlineData("{\"eq\":{\"low_pass_hz\":5000}}", "eq.low_pass_hz is 5000: use 0 (off) or 10000..20000")]
    [InlineData("{\"eq\":{\"tilt\":1}}", "unknown field eq.tilt (known in eq: after_compressor, high_pass_hz, high_pass_slope, low_shelf, bells, proportional_q, high_shelf, low_pass_hz)")]
    [InlineData("{\"de_esser\":{\"threshold_db\":-60}}", "de_esser.threshold_db is -60, outside -50..0")]
    [InlineData("{\"de_esser\":{\"release_ms\":10}}", "de_esser.release_ms is 10, outside 20..300")]
    [InlineData("{\"de_esser\":{\"on\":\"yes\"}}", "de_esser.on is the string \"yes\", expected true or false")]
    [InlineData("{\"stereo\":{\"width_percent\":250}}", "stereo.width_percent is 250, outside 0..200")]
    [InlineData("{\"stereo\":{\"mono_below_hz\":80}}", "stereo.mono_below_hz is 80: use 0 (off) or 60, 100, 150, 200")]
    public void EveryToolkitProblemIsOneLineWithItsJsonPath(string json, string message) => EverySceneProblemIsOneLineWithItsJsonPath(json, message);

    [Theory]
    [InlineData("{\"channels\":[null]}", "channels[0] is null, expected an object { ... }")]
    [InlineData("{\"channels\":[{\"fader_db\":\"loud\"}]}", "channels[0].fader_db is the string \"loud\", expected a number")]
    [InlineData("{\"channels\":[{},{\"pan\":3.5}]}", "channels[1].pan is 3.5, expected a whole number")]
    [InlineData("{\"channels\":[{\"trim_db\":25}]}", "channels[0].trim_db is 25, outside -20..20")]
    [InlineData("{\"channels\":[{\"mute\":true,\"mute\":false}]}", "channels[0].mute is given twice")]
    [InlineData("{\"channels\":[{},{},{},{},{},{},{},{},{}]}", "channels has 9 entries; the box has 8")]
    [InlineData("{\"compressor\":{\"in\":1}}", "compressor.in is 1, expected true or false")]
    [InlineData("{\"compressor\":{\"release_ms\":20}}", "compressor.release_ms is 20: use 0 (auto) or 50..2000")]
    [InlineData("{\"output\":{\"dither\":true,\"ditter\":true}}", "unknown field output.ditter (known in output: safety_clip, true_peak, ceiling_db, dither)")]
    [InlineData("{\"pairs\":[{\"linked\":true,\"balance\":120}]}", "pairs[0].balance is 120, outside -100..100")]
    [InlineData("{\"pairs\":[{},{},{},{},{}]}", "pairs has 5 entries; the box has 4 (inputs 1-2, 3-4, 5-6, 7-8)")]
    [InlineData("{\"channels\":[{\"input_gain_db\":43}]}", "channels[0].input_gain_db is 43, outside 0..42")]
    [InlineData("{\"target\":\"spotfy\"}", "target is \"spotfy\": use none, spotify, apple, youtube, aes, ebu, atsc, vinyl")]
    [InlineData("{\"target\":\"Spotify\"}", "target is \"Spotify\": use none, spotify, apple, youtube, aes, ebu, atsc, vinyl")]
    [InlineData("{\"target\":3}", "target is 3, expected a string: none, spotify, apple, youtube, aes, ebu, atsc, vinyl")]
    [InlineData("{\"target\":null}", "target is null, expected a string: none, spotify, apple, youtube, aes, ebu, atsc, vinyl")]
    [InlineData("{\"meter_mode\":\"vu\"}", "meter_mode must be \"peak\" or \"rms\" or \"loudness\", not the string \"vu\"")]
    [InlineData("{\"inputs\":[{\"stem\":3}]}", "inputs[0].stem is 3, but 1 stem(s) were given")]
    [InlineData("{\"inputs\":[{\"channel\":2}]}", "inputs[0] needs \"stem\" (1 = the first stem on the command line), or null for nothing plugged in")]
    [InlineData("{\"inputs\":[{\"stem\":1,\"channel\":2}]}", "inputs[0].channel is 2, but a.wav has 1 channel(s)")]
    [InlineData("[1, 2]", "the scene must be a JSON object { ... }, not an array")]
    [InlineData("{\"main\": {\"fader_db\": -3,}, }", "")]
    [InlineData("{\"main\": {\"fader_db\": -3 \"x\": 1}}", "malformed scene at line 1, column 26: '\"' is invalid after a value")]
    public void EverySceneProblemIsOneLineWithItsJsonPath(string json, string message)
    {
        string a = WavFiles.Sine(_dir, "a.wav", 220, 0.4, 0.2);
        File.WriteAllText(At("scene.json"), json);
        File.WriteAllText(At("mix.wav"), "yesterday");
        var (code, _, stderr) = Mixbox.Run("render", a, "--scene", At("scene.json"), "-o", At("mix.wav"));
        log.WriteLine(stderr);
        if (message.Length == 0)
        {
            Assert.True(code == 0, stderr); // trailing commas (and comments) are fine
            return;
        }
        Assert.Equal(1, code);
        Assert.Equal($"mixbox: {At("scene.json")}: {message}", stderr.TrimEnd('\n', '\r').Split(Environment.NewLine)[0].Split(". Expected")[0]);
        Assert.Single(stderr.TrimEnd('\n', '\r').Split('\n'));
        Assert.Equal("yesterday", File.ReadAllText(At("mix.wav")));
        Assert.Empty(Mixbox.Leftovers(_dir));
    }

    [Fact]
    public void InputsSplitAMultichannelFileIntoTheBoxsInputs()
    {
        string four = At("four.wav"), pair = At("pair.wav");
        Peers.Run("sox", "-n", "-r", "48000", "-b", "24", "-c", "4", four, "synth", "0.5", "sine", "100", "sine", "200", "sine", "300", "sine", "400", "vol", "0.4");
        Peers.Run("sox", four, pair, "remix", "3", "4");
        File.WriteAllText(At("split.json"), """
            { "inputs": [ { "stem": 1, "channel": 3 }, null, { "stem": 1, "channel": 4 } ],
              "channels": [ { "pan": -100 }, {}, { "pan": 100 } ] }
            """);
        var (code, stdout, stderr) = Mixbox.Run("render", four, "--scene", At("split.json"), "-o", At("split.wav"));
        Assert.True(code == 0, stderr);
        Assert.Contains("into 2 of the box's 8 inputs", stdout);
        Assert.Equal(0, Mixbox.Run("render", pair, "-o", At("pair-mix.wav")).Code);
        Assert.Equal(WavReaderTests.ReadAll(At("pair-mix.wav")).Samples, WavReaderTests.ReadAll(At("split.wav")).Samples);
    }

    [Fact]
    public void TheAnalogueInputSettingsAreNotedAndLeftOut()
    {
        string a = WavFiles.Sine(_dir, "a.wav", 220, 0.4, 0.3);
        File.WriteAllText(At("gain.json"), """{ "channels": [ { "input_gain_db": 20, "instrument": true } ] }""");
        var (code, stdout, stderr) = Mixbox.Run("render", a, "--scene", At("gain.json"), "-o", At("gain.wav"));
        Assert.True(code == 0, stderr);
        Assert.Contains("note: input_gain_db and instrument are the box's analogue input settings", stdout);
        Assert.Equal(0, Mixbox.Run("render", a, "-o", At("plain.wav")).Code);
        Assert.Equal(File.ReadAllBytes(At("plain.wav")), File.ReadAllBytes(At("gain.wav")));
    }

    [Fact]
    public void MoreChannelsThanTheBoxHasAreRefused()
    {
        var stems = Enumerable.Range(0, 5).Select(i => WavFiles.Sine(_dir, $"s{i}.wav", 100 + i, 0.1, 0.1, channels: 2)).ToArray();
        var (code, _, stderr) = Mixbox.Run(["render", .. stems, "-o", At("mix.wav")]);
        Assert.Equal(1, code);
        Assert.Equal("mixbox: 10 channels in 5 stems: the box has 8 inputs (choose 8 with the scene's \"inputs\")", stderr.Trim());
    }

    [Fact]
    public void ExportProblemsAreOneLine()
    {
        Directory.CreateDirectory(At("empty"));
        File.WriteAllText(At("garbage.bin"), "not a scene");
        foreach (var (path, message) in new[]
                 {
                     (At("nowhere"), "not found (give the twin's settings directory or one of its settings-N.bin files)"),
                     (At("empty"), "no scene stored here (no settings-0.bin or settings-1.bin)"),
                     (At("garbage.bin"), "not a scene this firmware can read (damaged, not a settings slot, or from a newer firmware)"),
                 })
        {
            var (code, stdout, stderr) = Mixbox.Run("scene", "export", path);
            Assert.Equal(1, code);
            Assert.Equal("", stdout);
            Assert.Equal($"mixbox: {path}: {message}", stderr.Trim());
        }
        // One slot file works as well as the directory.
        var store = new SettingsStore(new FileSettingsStorage(At("box")));
        store.Load();
        store.Save(RichScene());
        Assert.Equal(Mixbox.Run("scene", "export", At("box")).Out, Mixbox.Run("scene", "export", Path.Combine(At("box"), "settings-0.bin")).Out);
    }

    [Fact]
    public void HelpAndTheDocsStateEveryDefault()
    {
        var (code, help, _) = Mixbox.Run("render", "--help");
        Assert.Equal(0, code);
        string flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(flat(SceneDefaults.Text()), flat(help));
        Assert.Contains("[default: pcm24]", help);
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "FIRMWARE.md"));
        Assert.Contains(flat(SceneDefaults.Text()), flat(docs));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MixBox.sln"))) return dir.FullName;
        throw new InvalidOperationException("MixBox.sln not found above the test's directory");
    }
}
