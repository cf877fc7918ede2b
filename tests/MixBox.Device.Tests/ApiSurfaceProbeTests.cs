namespace MixBox.Device.Tests;

/// <summary>
/// The nano compile check has teeth: rename one member in a copy of a declaration file, build
/// the compile check of the device project that uses it (dotnet build with
/// -p:ApiProbe=...; outputs under obj/probe and bin/probe, so the normal build is untouched),
/// and the build must fail, every error being the compiler's "no such member" about that
/// member in the device files that call it (so the failure comes from the rename, not from
/// the probe's plumbing). The probes share one output folder and one restore: after the first,
/// each rebuilds only what changed.
/// </summary>
public class ApiSurfaceProbeTests
{
    private const string Probe = "api-probe";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly Lazy<string> Restore = new(() =>
    {
        // NFUnitTest's compile check depends on every declaration project and MixBox.Hal's.
        var (exitCode, output) = DotnetCli.Run(["restore", Project("NFUnitTest/NFUnitTest.Nano.csproj"), "-p:ApiProbe=" + Probe], Timeout);
        Assert.True(exitCode == 0, output);
        return output;
    });

    private static string Project(string relative) => RepoPaths.File("tests/MixBox.DeviceCompat/" + relative);

    [Theory]
    [InlineData("System.Device.I2c", "I2cDevice.cs", "public I2cTransferResult WriteRead(", "WriteRead",
        "MixBox.Hal/MixBox.Hal.Nano.csproj", "CS1061", "hal/MixBox.Hal.Device/NanoI2cDevice.cs")]
    [InlineData("nanoFramework.Hardware.Esp32", "Configuration.cs", "public static void SetPinFunction(", "SetPinFunction",
        "MixBox.Hal/MixBox.Hal.Nano.csproj", "CS0117", "hal/MixBox.Hal.Device/NanoI2cBus.cs")]
    [InlineData("nanoFramework.TestFramework", "OutputHelper.cs", "public static void WriteLine(", "WriteLine",
        "NFUnitTest/NFUnitTest.Nano.csproj", "CS0117", "tests/NFUnitTest/CodecProbeTests.cs")]
    public void RenamingADeclaredMemberBreaksTheBuildOfTheDeviceCodeThatUsesIt(
        string assembly, string file, string declaration, string member, string project, string error, string user)
    {
        string declarations = Project($"ApiSurface/{assembly}/");
        string text = File.ReadAllText(Path.Combine(declarations, file));
        int at = text.IndexOf(declaration, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(declaration, at + 1, StringComparison.Ordinal) < 0, $"'{declaration}' must occur once in {file}");
        string copy = Path.Combine(declarations, "obj", "probe", Probe, "replaced", file);
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.WriteAllText(copy, text.Replace(declaration, declaration.Replace(member + "(", member + "Renamed(")));

        _ = Restore.Value;
        var (exitCode, output) = DotnetCli.Run(
        [
            "build", Project(project), "--no-restore", "-nologo", "-nodeReuse:false", "-v:q",
            "-p:ApiProbe=" + Probe, "-p:ApiProbeAssembly=" + assembly, "-p:ApiProbeReplace=" + file, "-p:ApiProbeWith=" + copy,
        ], Timeout);

        Assert.True(exitCode != 0, $"the build succeeded with {member} renamed:\n{output}");
        string[] errors = output.Split('\n').Where(line => line.Contains(": error ")).ToArray();
        Assert.NotEmpty(errors);
        Assert.All(errors, line => Assert.True(line.Contains(": error " + error + ":") && line.Contains("'" + member + "'"), $"unexpected error:\n{line}\n{output}"));
        Assert.Contains(errors, line => line.Contains(RepoPaths.File(user)));
    }
}
