namespace MixBox.Dsp.Tests;

/// <summary>
/// Test classes run in parallel, and several of them build the same native test folder
/// into the same build folder (the toolkit's release build serves its C tests and its
/// peer tests). Two CMake runs in one build folder race: one links while the other
/// rewrites the objects, and a link then fails with undefined references. This builds
/// one small project from several threads at once; every caller must get a whole build.
/// </summary>
public class NativeTestBuildTests
{
    [Fact]
    public async Task ConcurrentBuildsOfOneFolderAllSucceed()
    {
        string source = Path.Combine(Path.GetTempPath(), "mixbox-build-race-" + Environment.ProcessId);
        Directory.CreateDirectory(source);
        const int units = 24;
        var lines = new List<string>
        {
            "cmake_minimum_required(VERSION 3.16)",
            "project(build_race C)",
        };
        var files = new List<string>();
        for (int i = 0; i < units; i++)
        {
            File.WriteAllText(Path.Combine(source, "unit" + i + ".c"), "int unit" + i + "(int x) { return x + " + i + "; }\n");
            files.Add("unit" + i + ".c");
        }
        var calls = new System.Text.StringBuilder("#include <stdio.h>\n");
        for (int i = 0; i < units; i++) calls.Append("int unit" + i + "(int);\n");
        calls.Append("int main(void) { int s = 0;\n");
        for (int i = 0; i < units; i++) calls.Append("s = unit" + i + "(s);\n");
        calls.Append("printf(\"%d\\n\", s); return 0; }\n");
        File.WriteAllText(Path.Combine(source, "main.c"), calls.ToString());
        lines.Add("add_executable(race main.c " + string.Join(" ", files) + ")");
        File.WriteAllText(Path.Combine(source, "CMakeLists.txt"), string.Join("\n", lines) + "\n");

        string name = "build-race-" + Guid.NewGuid().ToString("N");
        var builds = Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => NativeTestBuild.Build(source, name, null, "-DCMAKE_BUILD_TYPE=Release")))
            .ToArray();
        try
        {
            foreach (string build in await Task.WhenAll(builds))
            {
                var (exitCode, output) = NativeTestBuild.Run(Path.Combine(build, "race"), [], null, TimeSpan.FromMinutes(1));
                Assert.Equal(0, exitCode);
                Assert.Equal((units * (units - 1) / 2).ToString(), output.Trim());
            }
        }
        finally
        {
            Directory.Delete(source, recursive: true);
            string folder = Path.Combine(AppContext.BaseDirectory, "native-tests", name);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
