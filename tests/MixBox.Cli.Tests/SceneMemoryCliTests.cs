using MixBox.Boards;
using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli.Tests;

/// <summary>
/// The twin's scene memories from the command line: `mixbox scene list` shows them with their
/// names, `mixbox scene rename` names one, `mixbox scene export --memory N` prints one as render
/// JSON (with its name) that reads back to the very scene; problems are one line.
/// </summary>
public sealed class SceneMemoryCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixbox-memories-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A box whose settings live in the directory: memories 2 and 12 stored on its panel.</summary>
    private string BoxWithMemories()
    {
        string settings = Path.Combine(_dir, "box");
        using var twin = new BoxTwin(new FileSettingsStorage(settings));
        var feed = new TwinFeed(twin);
        feed.Turn(0, FaderLaw.TravelFromCentiDb(-1200));
        feed.Hold(MixBoxS3Board.KeyStore, true);
        feed.Press(MixBoxS3Board.KeyMuteFirst + 1);
        feed.Press(MixBoxS3Board.KeyCompressorIn);
        feed.Press(MixBoxS3Board.KeyMuteFirst + 3);
        feed.Hold(MixBoxS3Board.KeyStore, false);
        Assert.True(twin.App.Memories.Rename(1, "Verse"));
        return settings;
    }

    [Fact]
    public void ListRenameAndExportAMemory()
    {
        string settings = BoxWithMemories();
        var (code, list, err) = Mixbox.Run("scene", "list", settings);
        Assert.Equal((0, ""), (code, err));
        var lines = list.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(16, lines.Length);
        Assert.Equal(" 2  Verse", lines[1]);
        Assert.Equal("12  (no name)", lines[11]);
        Assert.Equal(" 1  (empty)", lines[0]);

        string name = "Bridge \"B\" \\ 2";
        Assert.Equal(0, Mixbox.Run("scene", "rename", settings, "12", name).Code);
        var (exportCode, json, exportErr) = Mixbox.Run("scene", "export", settings, "--memory", "12");
        Assert.Equal((0, ""), (exportCode, exportErr));
        var read = SceneJsonReader.Parse(json, "export").Scene;
        var memories = new SceneMemories(new FileSettingsStorage(settings));
        memories.Load();
        Assert.Equal(name, read.Name);
        Assert.Equal(SceneCodec.Encode(memories.Get(11)!, 0), SceneCodec.Encode(read, 0));
        Assert.True(File.Exists(Path.Combine(settings, "memory-12-0.bin")));
    }

    [Fact]
    public void MemoryProblemsAreOneLine()
    {
        string settings = BoxWithMemories();
        foreach (string copy in new[] { "memory-02-0.bin", "memory-02-1.bin" }) // stored, then renamed: two copies
        {
            var bytes = File.ReadAllBytes(Path.Combine(settings, copy));
            bytes[30] ^= 4;
            File.WriteAllBytes(Path.Combine(settings, copy), bytes);
        }
        foreach (var (args, message) in new[]
                 {
                     (new[] { "scene", "export", settings, "--memory", "17" }, "mixbox: --memory 17: the box has memories 1..16"),
                     (new[] { "scene", "export", settings, "--memory", "5" }, $"mixbox: {settings}: scene memory 5 is empty"),
                     (new[] { "scene", "export", settings, "--memory", "2" }, $"mixbox: {settings}: scene memory 2 is damaged"),
                     (new[] { "scene", "rename", settings, "12", new string('x', 17) }, $"mixbox: name \"{new string('x', 17)}\": at most 16 printable ASCII characters"),
                     (new[] { "scene", "rename", settings, "3", "Intro" }, $"mixbox: {settings}: scene memory 3 is empty (store a scene into it first)"),
                 })
        {
            var (code, stdout, stderr) = Mixbox.Run(args);
            Assert.Equal(1, code);
            Assert.Equal("", stdout);
            Assert.Equal(message, stderr.Trim());
        }
        var (_, _, listErr) = Mixbox.Run("scene", "list", settings);
        Assert.Equal($"mixbox: note: {settings}: scene memory 2: damaged, skipped (the other memories loaded)", listErr.Trim());
    }

    /// <summary>A render of a memory straight from the settings is the render of its export, bit for bit.</summary>
    [Fact]
    public void ARenderPlaysAMemoryFromTheSettings()
    {
        string settings = BoxWithMemories();
        string stem = WavFiles.Sine(_dir, "tone.wav", 440, 0.5, 0.2, channels: 2);
        var (exportCode, json, _) = Mixbox.Run("scene", "export", settings, "--memory", "2");
        Assert.Equal(0, exportCode);
        File.WriteAllText(Path.Combine(_dir, "verse.json"), json);

        var (code, stdout, stderr) = Mixbox.Run("render", stem, "--scene", settings, "--memory", "2", "-o", Path.Combine(_dir, "a.wav"));
        Assert.True(code == 0, stderr);
        Assert.Contains($"scene: {settings} memory 2 \"Verse\"", stdout);
        Assert.Equal(0, Mixbox.Run("render", stem, "--scene", Path.Combine(_dir, "verse.json"), "-o", Path.Combine(_dir, "b.wav")).Code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "b.wav")), File.ReadAllBytes(Path.Combine(_dir, "a.wav")));
        // Channel 1's fader was at -12 dB in the memory: the render is not the power-on mix.
        Assert.Equal(0, Mixbox.Run("render", stem, "-o", Path.Combine(_dir, "c.wav")).Code);
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(_dir, "c.wav")), File.ReadAllBytes(Path.Combine(_dir, "a.wav")));

        // Problems: one line, nothing written.
        var (emptyCode, _, emptyErr) = Mixbox.Run("render", stem, "--scene", settings, "--memory", "7", "-o", Path.Combine(_dir, "d.wav"));
        Assert.Equal((1, $"mixbox: {settings}: scene memory 7 is empty"), (emptyCode, emptyErr.Trim()));
        var (usageCode, _, usageErr) = Mixbox.Run("render", stem, "--memory", "2", "-o", Path.Combine(_dir, "d.wav"));
        Assert.Equal((2, "mixbox: --memory needs --scene SETTINGS (the twin's settings directory)"), (usageCode, usageErr.Trim()));
        var (overCode, _, _) = Mixbox.Run("render", stem, "--scene", settings, "--memory", "2", "-o", Path.Combine(settings, "memory-02-0.bin"));
        Assert.Equal(2, overCode); // the memory's own file is an input
        Assert.False(File.Exists(Path.Combine(_dir, "d.wav")));
    }

    [Fact]
    public void ABadNameInASceneFileIsOneLine()
    {
        var e = Assert.Throws<UserError>(() => SceneJsonReader.Parse("{ \"name\": \"caf\u00e9\" }", "s.json"));
        Assert.Equal("s.json: name is \"caf\u00e9\": at most 16 printable ASCII characters", e.Message);
        Assert.Equal("Intro", SceneJsonReader.Parse("{ \"name\": \"Intro\" }", "s.json").Scene.Name);
    }
}
