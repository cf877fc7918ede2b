using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace MixBox.Device.Tests;

/// <summary>Runs the dotnet CLI (the one running these tests) in a child process, bounded in time.</summary>
internal static class DotnetCli
{
    public static string Executable =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static (int ExitCode, string Output) Run(IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        // The test host's MSBuild settings are not the child build's.
        foreach (string name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(name);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var output = new StringBuilder();
        using var outputClosed = new ManualResetEventSlim();
        using var errorClosed = new ManualResetEventSlim();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is null) outputClosed.Set(); else lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is null) errorClosed.Set(); else lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
            lock (output) throw new TimeoutException("dotnet " + string.Join(' ', arguments) + " took over " + timeout + "\n" + output);
        }
        // Not WaitForExit(): a compiler server the build started may hold the pipes open.
        outputClosed.Wait(TimeSpan.FromSeconds(10));
        errorClosed.Wait(TimeSpan.FromSeconds(10));
        lock (output) return (process.ExitCode, output.ToString());
    }

    /// <summary>A project's evaluated items and properties (dotnet msbuild -getItem/-getProperty): no build.</summary>
    public static JsonElement Evaluate(string project, string[] items, string[] properties)
    {
        var arguments = new List<string> { "msbuild", project, "-nologo" };
        arguments.AddRange(items.Select(i => "-getItem:" + i));
        arguments.AddRange(properties.Select(p => "-getProperty:" + p));
        var (exitCode, output) = Run(arguments, TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, output);
        int json = output.IndexOf('{');
        Assert.True(json >= 0, output);
        return JsonDocument.Parse(output[json..]).RootElement.Clone();
    }
}
