using System.Diagnostics;

namespace MixBox.Cli.Tests;

/// <summary>Runs `mixbox` as the tests need it: in this process (CliApp.Run), or as a child process like a user's shell does.</summary>
internal static class Mixbox
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts `dotnet mixbox.dll ARGS` through bash, after <paramref name="shellSetup"/> (ulimit, trap …).</summary>
    public static Process Start(string shellSetup, params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "mixbox.dll");
        string command = $"{shellSetup} exec dotnet {Quote(dll)} {string.Join(' ', args.Select(Quote))}";
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        return Process.Start(start)!;
    }

    /// <summary>Runs a child to the end (at most 5 minutes).</summary>
    public static (int Code, string Out, string Err) RunChild(string shellSetup, params string[] args)
    {
        using var process = Start(shellSetup, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "mixbox did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    /// <summary>Files a failed run might leave beside its outputs (temporary and backup files start with a dot).</summary>
    public static string[] Leftovers(string dir) => Directory.GetFileSystemEntries(dir, ".*");
}
