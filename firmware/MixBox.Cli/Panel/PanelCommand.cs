using System.Net;
using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli.FrontPanel;

/// <summary>`mixbox panel [STEMS...] [--scene FILE] [--port N] [--listen ADDRESS] [--osc-port N]`.</summary>
public static class PanelCommand
{
    public static int Run(string[] stems, string? scenePath, int port, string listen, int oscPort, string outDir, TextWriter output, CancellationToken cancel)
    {
        // Everything the command line says is checked before anything is read or bound.
        CheckPort("--port", port);
        CheckPort("--osc-port", oscPort);
        if (listen == "localhost") listen = "127.0.0.1";
        if (!IPAddress.TryParse(listen, out IPAddress? address))
            throw new UsageError($"--listen: '{listen}' is not an IP address (127.0.0.1: this computer only; 0.0.0.0: every network it is on)");
        int[] material;
        string[] names;
        Scene scene;
        if (stems.Length == 0)
        {
            scene = scenePath is null ? DemoPerformance.FactoryScene() : SceneJsonReader.Load(scenePath).Scene;
            material = DemoMultitrack.Render(BoxTwin.SampleRate, DemoPerformance.Seconds);
            names = DemoMultitrack.ChannelNames;
        }
        else
        {
            (material, names, scene) = PanelMaterial.Load(stems, scenePath);
        }
        using var server = PanelBinding.Open(() => new PanelServer(material, names, scene, address, port, oscPort, Path.Combine(outDir, "panel-settings")), listen, port, oscPort);
        PanelBinding.Start(server, listen, port);
        string remote = server.OscPort > 0 ? $"OSC remote: udp 127.0.0.1:{server.OscPort}" : "OSC remote off (stored setting)";
        output.WriteLine($"MixBox front panel: {server.Url}  ({remote}; Ctrl+C stops)");
        cancel.WaitHandle.WaitOne();
        output.WriteLine($"stopped after {server.Player.Ticks / 100.0:F1} s; {server.Player.MissedDeadlines} missed audio deadlines");
        return 0;
    }

    private static void CheckPort(string option, int port)
    {
        if (port < 1 || port > 65535) throw new UsageError($"{option}: {port} is not a port number (1-65535)");
    }
}
