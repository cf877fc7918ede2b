using System.Text.RegularExpressions;

namespace MixBox.Device.Tests;

/// <summary>
/// The README's test command is the one CI runs, and it brings its own peers: .ci/run calls
/// exactly the command in README's "Run all tests" block, which runs a script of the
/// repository that installs what the tests need, then dotnet test.
/// </summary>
public class ReadmeCommandTests
{
    private static string CommandAfter(string readme, string heading)
    {
        var match = Regex.Match(readme, Regex.Escape(heading) + @"[^\n]*(?:\n(?!```)[^\n]*)*\n```\n([^\n]+)\n```");
        Assert.True(match.Success, "README has no code block after \"" + heading + "\"");
        return match.Groups[1].Value.Trim();
    }

    [Fact]
    public void CiRunsTheReadmeTestCommandVerbatim()
    {
        string command = CommandAfter(File.ReadAllText(RepoPaths.File("README.md")), "Run all tests");
        var ciLines = File.ReadAllLines(RepoPaths.File(".ci/run")).Select(line => line.Trim());
        Assert.Contains(command, ciLines);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // CI and the README are for Linux
    public void TheTestCommandInstallsThePeersThenRunsTheTests()
    {
        string command = CommandAfter(File.ReadAllText(RepoPaths.File("README.md")), "Run all tests");
        string[] steps = command.Split(" && ");
        Assert.Equal(2, steps.Length);
        Assert.Equal("dotnet test MixBox.sln", steps[1]);
        Assert.StartsWith("./", steps[0]);
        string installer = RepoPaths.File(steps[0][2..]);
        string script = File.ReadAllText(installer);
        Assert.Contains("apt-get install", script);
        foreach (string peer in new[] { "faust", "clang", "libclang-rt-14-dev", "libebur128-1", "sox", "ffmpeg" }) Assert.Contains(peer, script);
        Assert.True((File.GetUnixFileMode(installer) & UnixFileMode.UserExecute) != 0, "the installer must be executable");
    }
}
