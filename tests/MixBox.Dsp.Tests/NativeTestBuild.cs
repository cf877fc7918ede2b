using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace MixBox.Dsp.Tests;

/// <summary>
/// Builds the engine's native test programs (dsp/native/test, dsp/native/fuzz) with
/// CMake from a test, incrementally, in a folder beside the test assembly, and runs
/// them. A missing tool fails the test with the command that failed.
/// </summary>
internal static class NativeTestBuild
{
    public static string RepositoryRoot
    {
        get
        {
            foreach (var attribute in typeof(NativeTestBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
            {
                if (attribute.Key == "RepositoryRoot" && attribute.Value is not null) return Path.GetFullPath(attribute.Value);
            }
            throw new InvalidOperationException("no RepositoryRoot assembly metadata");
        }
    }

    // Test classes run in parallel and some share a build folder; two CMake runs in one
    // folder race (a link reads objects the other is rewriting). One build per folder per
    // process, which every caller then shares.
    private static readonly ConcurrentDictionary<string, Lazy<string>> Builds = new();

    /// <summary>Configures and builds <paramref name="sourceFolder"/> (relative to the repository) into a build folder named <paramref name="name"/>, once per process.</summary>
    public static string Build(string sourceFolder, string name, IDictionary<string, string>? environment = null, params string[] cmakeArguments)
    {
        string key = sourceFolder + "\n" + string.Join("\n", cmakeArguments) + "\n"
            + string.Join("\n", (environment ?? new Dictionary<string, string>()).OrderBy(pair => pair.Key).Select(pair => pair.Key + "=" + pair.Value));
        var build = Builds.GetOrAdd(name, _ => new Lazy<string>(() => BuildNow(sourceFolder, name, environment, cmakeArguments, key)));
        string built = build.Value;
        if (built != key) throw new InvalidOperationException("native build folder " + name + " is asked for with two configurations");
        return Path.Combine(AppContext.BaseDirectory, "native-tests", name);
    }

    private static string BuildNow(string sourceFolder, string name, IDictionary<string, string>? environment, string[] cmakeArguments, string key)
    {
        string source = Path.Combine(RepositoryRoot, sourceFolder);
        string build = Path.Combine(AppContext.BaseDirectory, "native-tests", name);
        var configure = new List<string> { "-S", source, "-B", build };
        configure.AddRange(cmakeArguments);
        Check(Run("cmake", configure, environment, TimeSpan.FromMinutes(5)), "cmake configure of " + sourceFolder);
        Check(Run("cmake", ["--build", build, "-j", "2"], environment, TimeSpan.FromMinutes(10)), "cmake build of " + sourceFolder);
        return key;
    }

    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments,
        IDictionary<string, string>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null)
        {
            foreach (var (key, value) in environment) start.Environment[key] = value;
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, program + " could not be started (" + e.Message + "): run ./install-test-peers, which installs the tools the tests use");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, program + " did not finish in " + timeout + "\n" + stdout.Result + stderr.Result);
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }

    private static void Check((int ExitCode, string Output) result, string what)
    {
        if (result.ExitCode != 0) throw new InvalidOperationException(what + " failed (exit " + result.ExitCode + "):\n" + result.Output);
    }
}
