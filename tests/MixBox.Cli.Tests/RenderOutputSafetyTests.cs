using System.Diagnostics;
using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace MixBox.Cli.Tests;

/// <summary>
/// A render never writes over one of its inputs, whatever path reaches it (the same name, another
/// spelling, a symbolic link, a hard link), and its outputs change all together or not at all:
/// after any failure every pre-existing output is byte-identical and no temporary file is left.
/// Bad output paths are one line naming the path the user typed.
/// </summary>
public sealed class RenderOutputSafetyTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixbox-safe-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string At(string name) => Path.Combine(_dir, name);

    private static void AssertOneLine(string stderr, string? contains = null)
    {
        string text = stderr.TrimEnd('\n', '\r');
        Assert.StartsWith("mixbox: ", text);
        Assert.DoesNotContain('\n', text);
        Assert.DoesNotContain(".partial", text);
        Assert.DoesNotContain("Exception", text);
        if (contains is not null) Assert.Contains(contains, text);
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int HardLink(string existing, string created);

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);

    public static TheoryData<string> SameFileCases() => new() { "same name", "another spelling", "symbolic link", "hard link", "png is the stem", "png is the output", "output is the scene" };

    [Theory]
    [MemberData(nameof(SameFileCases))]
    public void AnOutputThatIsAnInputIsRefusedAndNothingIsWritten(string how)
    {
        string a = WavFiles.Sine(_dir, "a.wav", 220, 0.4, 0.5);
        byte[] stem = File.ReadAllBytes(a);
        File.WriteAllText(At("scene.json"), "{}");
        string[] args = how switch
        {
            "same name" => ["render", a, "-o", a],
            "another spelling" => ["render", a, "-o", Path.Combine(_dir, ".", "..", Path.GetFileName(_dir), "a.wav")],
            "symbolic link" => ["render", a, "-o", Link(a, "link.wav", (l, t) => File.CreateSymbolicLink(l, t))],
            "hard link" => ["render", a, "-o", Link(a, "hard.wav", (l, t) => Assert.Equal(0, HardLink(t, l)))],
            "png is the stem" => ["render", a, "-o", At("mix.wav"), "--png", a],
            "png is the output" => ["render", a, "-o", At("mix.wav"), "--png", At("mix.wav")],
            _ => ["render", a, "--scene", At("scene.json"), "-o", At("scene.json")],
        };
        var (code, stdout, stderr) = Mixbox.Run(args);
        log.WriteLine(stderr);
        Assert.Equal(2, code); // a usage error: nothing was read or rendered
        AssertOneLine(stderr, how == "png is the output" ? "given twice as an output" : "an input of this render");
        Assert.Equal("", stdout);
        Assert.Equal(stem, File.ReadAllBytes(a));
        Assert.Equal("{}", File.ReadAllText(At("scene.json")));
        Assert.False(File.Exists(At("mix.wav")));
        Assert.Empty(Mixbox.Leftovers(_dir));
    }

    private string Link(string target, string name, Action<string, string> make)
    {
        make(At(name), target);
        return At(name);
    }

    public static TheoryData<string, string> BadPaths() => new()
    {
        { "no-such-dir/mix.wav", "directory" },
        { "a-directory", "is a directory" },
        { "a-file.txt/mix.wav", "is a file, not a directory" },
        { "/proc/mix.wav", "cannot be written (no file can be created in that directory)" },
        { "a-fifo", "not a regular file" },
    };

    [Theory]
    [MemberData(nameof(BadPaths))]
    public void ABadOutputPathIsOneLineNamingIt(string output, string problem)
    {
        string a = WavFiles.Sine(_dir, "a.wav", 220, 0.4, 0.5);
        Directory.CreateDirectory(At("a-directory"));
        File.WriteAllText(At("a-file.txt"), "text");
        Assert.Equal(0, MakeFifo(At("a-fifo"), 0x1B6));
        string path = output.StartsWith('/') ? output : At(output);
        var (code, _, stderr) = Mixbox.Run("render", a, "-o", At("mix.wav"), "--png", path);
        log.WriteLine(stderr);
        Assert.Equal(1, code);
        AssertOneLine(stderr, problem);
        Assert.StartsWith($"mixbox: {path}: ", stderr);
        Assert.False(File.Exists(At("mix.wav")), "no output when one of them cannot be written");
        Assert.Empty(Mixbox.Leftovers(_dir));
    }

    /// <summary>Yesterday's outputs, to be left byte-identical by a failed render.</summary>
    private (byte[] Wav, byte[] Png) Yesterday()
    {
        byte[] wav = [.. "RIFF yesterday's mix"u8, 0, 1, 2, 0xFF], png = [.. "\u0089PNG yesterday"u8, 7];
        File.WriteAllBytes(At("mix.wav"), wav);
        File.WriteAllBytes(At("mix.png"), png);
        return (wav, png);
    }

    /// <summary>Runs a render in this process and does <paramref name="sabotage"/> once its WAV output has passed 1 MB.</summary>
    private (int Code, string Err) RenderWhile(Action sabotage, params string[] args)
    {
        var render = Task.Run(() => Mixbox.Run(args));
        var clock = Stopwatch.StartNew();
        while (!render.IsCompleted && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            var partial = Directory.GetFiles(_dir, ".mix.wav.*.partial").FirstOrDefault();
            if (partial is not null && new FileInfo(partial).Length > 1_000_000)
            {
                sabotage();
                break;
            }
            Thread.Sleep(2);
        }
        Assert.False(render.IsCompleted && clock.Elapsed < TimeSpan.FromMilliseconds(1), "the sabotage came too late");
        var (code, _, stderr) = render.Result;
        log.WriteLine(stderr);
        return (code, stderr);
    }

    private string LongStem() => WavFiles.Sine(_dir, "long.wav", 110, 0.3, 120.0, bits: 16, channels: 2);

    [Fact]
    public void AStemThatBreaksMidRenderLeavesEveryOutputAsItWas()
    {
        string stem = LongStem();
        var (wav, png) = Yesterday();
        var (code, stderr) = RenderWhile(() =>
        {
            using var file = new FileStream(stem, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            file.SetLength(file.Length / 2); // cut while it is being read
        }, "render", stem, "-o", At("mix.wav"), "--png", At("mix.png"));
        Assert.Equal(1, code);
        AssertOneLine(stderr, $"{stem}: truncated: the header claims 5760000 frames, the file ended after");
        Assert.Equal(wav, File.ReadAllBytes(At("mix.wav")));
        Assert.Equal(png, File.ReadAllBytes(At("mix.png")));
        Assert.Empty(Mixbox.Leftovers(_dir));
    }

    [Fact]
    public void APngThatCannotBeCommittedRollsTheWavBack()
    {
        string stem = LongStem();
        var (wav, _) = Yesterday();
        var (code, stderr) = RenderWhile(() =>
        {
            File.Delete(At("mix.png"));
            Directory.CreateDirectory(At("mix.png")); // the PNG's target is now a directory: its replacement fails at the commit
        }, "render", stem, "-o", At("mix.wav"), "--png", At("mix.png"));
        Assert.Equal(1, code);
        AssertOneLine(stderr, $"{At("mix.png")}: cannot be replaced (a directory or another file is in the way); no output was changed");
        Assert.Equal(wav, File.ReadAllBytes(At("mix.wav"))); // already replaced, then put back
        Assert.Empty(Mixbox.Leftovers(_dir));
    }

    [Fact]
    public void ADiskLimitMidWriteLeavesEveryOutputAsItWas()
    {
        // A child with a 2 MB file-size limit (RLIMIT_FSIZE, the shell's ulimit -f, in KiB; SIGXFSZ ignored so the
        // write fails instead of killing the process; W^X off because the runtime's double mapping uses a file too).
        string stem = LongStem();
        var (wav, png) = Yesterday();
        var (code, stdout, stderr) = Mixbox.RunChild("trap '' XFSZ; ulimit -f 2000; export DOTNET_EnableWriteXorExecute=0;",
            "render", stem, "-o", At("mix.wav"), "--png", At("mix.png"));
        log.WriteLine(stdout + stderr);
        Assert.Equal(1, code);
        Assert.Equal($"mixbox: {At("mix.wav")}: cannot be written (larger than the system's file-size limit); no output was changed", stderr.Trim());
        Assert.Equal(wav, File.ReadAllBytes(At("mix.wav")));
        Assert.Equal(png, File.ReadAllBytes(At("mix.png")));
        Assert.Empty(Mixbox.Leftovers(_dir));
    }

    [Fact]
    public async Task CtrlCStopsTheRenderAndLeavesEveryOutputAsItWas()
    {
        string stem = LongStem();
        var (wav, png) = Yesterday();
        using var child = Mixbox.Start("", "render", stem, "-o", At("mix.wav"), "--png", At("mix.png"));
        var stderr = child.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!Directory.GetFiles(_dir, ".mix.wav.*.partial").Any(f => new FileInfo(f).Length > 1_000_000))
        {
            Assert.False(child.HasExited, "the render ended before it could be interrupted");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2));
            Thread.Sleep(2);
        }
        using (var kill = Process.Start("kill", ["-INT", child.Id.ToString()])!) await kill.WaitForExitAsync();
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        string errors = await stderr;
        log.WriteLine(errors);
        Assert.Equal(130, child.ExitCode);
        Assert.Equal("mixbox: interrupted: no output was changed", errors.Trim());
        Assert.Equal(wav, File.ReadAllBytes(At("mix.wav")));
        Assert.Equal(png, File.ReadAllBytes(At("mix.png")));
        Assert.Empty(Mixbox.Leftovers(_dir));
    }

    [Fact]
    public void ASuccessfulRenderReplacesBothOutputsAndFollowsAnOutputLink()
    {
        string a = WavFiles.Sine(_dir, "a.wav", 220, 0.4, 0.5);
        Directory.CreateDirectory(At("mixes"));
        File.WriteAllText(At("mixes/take1.wav"), "old");
        File.CreateSymbolicLink(At("latest.wav"), At("mixes/take1.wav"));
        Yesterday();
        var (code, _, stderr) = Mixbox.Run("render", a, "-o", At("latest.wav"), "--png", At("mix.png"));
        Assert.True(code == 0, stderr);
        Assert.NotNull(new FileInfo(At("latest.wav")).LinkTarget);               // the link stays a link...
        Assert.Equal(48000 * 0.5 * 6 + 44, new FileInfo(At("mixes/take1.wav")).Length); // ...to the new mix
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(At("mix.png"))[..4]);
        Assert.Empty(Mixbox.Leftovers(_dir));
        Assert.Empty(Mixbox.Leftovers(At("mixes")));
    }
}
