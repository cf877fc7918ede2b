using System.Text.RegularExpressions;

namespace MixBox.Device.Tests;

/// <summary>
/// The README's test command is the one CI runs, and it brings its own peers: .ci/run calls
/// exactly the command in README's "Run all tests" block, and that command is a script in
/// the repository that installs what the tests need before running them.
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
    public void TheTestCommandInstallsThePeersBeforeRunningTheTests()
    {
        string command = CommandAfter(File.ReadAllText(RepoPaths.File("README.md")), "Run all tests");
        Assert.StartsWith("./", command);
        string script = File.ReadAllText(RepoPaths.File(command[2..].Split(' ')[0]));
        int install = script.IndexOf("apt-get install", StringComparison.Ordinal);
        int run = script.IndexOf("dotnet test MixBox.sln", StringComparison.Ordinal);
        Assert.True(install >= 0 && run > install, "the test script must install its peers, then run dotnet test MixBox.sln");
        foreach (string peer in new[] { "faust", "clang", "libebur128-1" }) Assert.Contains(peer, script);
        Assert.True((File.GetUnixFileMode(RepoPaths.File(command[2..].Split(' ')[0])) & UnixFileMode.UserExecute) != 0,
            "the test script must be executable");
    }
}
