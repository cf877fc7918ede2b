using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MixBox.Cli.Tests;

/// <summary>
/// `mixbox panel` given bad input, run as a user runs it: one clear line on stderr naming what
/// is wrong, no stack trace, a non-zero exit (2 for a command line that cannot be, 1 for
/// files and sockets), and nothing started. Each run is bounded, so a panel that wrongly
/// starts fails the test instead of hanging it.
/// </summary>
public class PanelCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixbox-panel-args-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    /// <summary>In this process (the checks that come before any socket), at most 60 s.</summary>
    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var run = Task.Run(() => Mixbox.Run(["panel", .. args, "--out", _dir]));
        Assert.True(run.Wait(TimeSpan.FromSeconds(60)), "mixbox panel started instead of refusing: " + string.Join(' ', args));
        return run.Result;
    }

    /// <summary>As a child process, as a shell runs it, at most 120 s.</summary>
    private (int Code, string Out, string Err) RunChild(params string[] args)
    {
        using Process p = Mixbox.Start("", ["panel", .. args, "--out", _dir]);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            p.Kill(true);
            Assert.Fail("mixbox panel started instead of refusing: " + string.Join(' ', args));
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static void OneLine((int Code, string Out, string Err) r, int code, params string[] naming)
    {
        string err = r.Err.TrimEnd('\n');
        Assert.True(r.Code == code, $"exit {r.Code}, expected {code}: {r.Err}");
        Assert.False(err.Contains('\n'), "more than one line: " + r.Err);
        Assert.StartsWith("mixbox: ", err);
        Assert.DoesNotContain("   at ", err);
        Assert.DoesNotContain("Exception", err);
        foreach (string n in naming) Assert.Contains(n, err);
        Assert.DoesNotContain("front panel:", r.Out); // never started
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--port", "0")]
    [InlineData("--port", "-5")]
    [InlineData("--osc-port", "65536")]
    public void APortOutOfRange_IsAUsageError(string option, string value) =>
        OneLine(Run(option, value), 2, option, value);

    [Theory]
    [InlineData("--port", "eighty")]
    [InlineData("--osc-port", "10023x")]
    public void APortThatIsNotANumber_IsAUsageError(string option, string value) =>
        OneLine(Run(option, value), 2, option, value);

    [Theory]
    [InlineData("mixbox.lan")]
    [InlineData("300.1.2.3")]
    [InlineData("")]
    public void ListenOnSomethingThatIsNotAnAddress_IsAUsageError(string address) =>
        OneLine(Run("--listen", address), 2, "--listen", $"'{address}'");

    [Fact]
    public void AMissingStem_NamesIt()
    {
        string missing = Path.Combine(_dir, "missing.wav");
        OneLine(Run(missing), 1, "missing.wav");
    }

    [Fact]
    public void AStemThatCannotBeRead_NamesIt()
    {
        // A directory where a file should be, and a file that is not audio (as root, as the CI
        // runs, a permission bit would not stop a read).
        string folder = Directory.CreateDirectory(Path.Combine(_dir, "drums.wav")).FullName;
        OneLine(Run(folder), 1, "drums.wav");
        string text = Path.Combine(_dir, "notes.wav");
        File.WriteAllText(text, "not audio at all, just some words");
        OneLine(Run(text), 1, "notes.wav");
    }

    [Fact]
    public void ABadSceneJson_NamesTheFile()
    {
        string scene = Path.Combine(_dir, "broken.json");
        File.WriteAllText(scene, "{ \"faders\": [0, -3, ");
        OneLine(Run("--scene", scene), 1, "broken.json");
        OneLine(Run("--scene", Path.Combine(_dir, "absent.json")), 1, "absent.json");
    }

    [Fact]
    public void APortInUse_NamesThePort_ExitsNonZero()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        int port = ((IPEndPoint)holder.LocalEndpoint).Port;
        OneLine(RunChild("--port", port.ToString(), "--osc-port", FreeUdpPort().ToString()), 1, $"127.0.0.1:{port}", "in use", "--port");
    }

    [Fact]
    public void AnOscPortInUse_NamesThePort_ExitsNonZero()
    {
        using var holder = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int oscPort = ((IPEndPoint)holder.Client.LocalEndPoint!).Port;
        using var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        int port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        OneLine(RunChild("--port", port.ToString(), "--osc-port", oscPort.ToString()), 1, $"udp 127.0.0.1:{oscPort}", "in use", "--osc-port");
    }

    [Fact]
    public void ListenOnAnAddressThisComputerDoesNotHave_SaysSo()
    {
        // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never a local address.
        OneLine(RunChild("--listen", "192.0.2.77", "--port", "18021", "--osc-port", FreeUdpPort().ToString()), 1, "192.0.2.77:18021", "no such address");
    }

    private static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }
}
