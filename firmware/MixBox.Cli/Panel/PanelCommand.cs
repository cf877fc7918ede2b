using System.Net;
using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli.FrontPanel;

/// <summary>`mixbox panel [STEMS...] [--scene FILE] [--port N] [--listen ADDRESS] [--osc-port N]`.</summary>
public static class PanelCommand
{
    public static int Run(string[] stems, string? scenePath, int port, string listen, int oscPort, string outDir, TextWriter output, CancellationToken cancel)
    {
        if (!IPAddress.TryParse(listen, out IPAddress? address)) throw new UsageError($"--listen: '{listen}' is not an IP address");
        int[] material;
        string[] names;
        Scene scene;
        if (stems.Length == 0)
        {
            material = DemoMultitrack.Render(BoxTwin.SampleRate, DemoPerformance.Seconds);
            names = DemoMultitrack.ChannelNames;
            scene = scenePath is null ? DemoPerformance.FactoryScene() : SceneJsonReader.Load(scenePath).Scene;
        }
        else
        {
            (material, names, scene) = PanelMaterial.Load(stems, scenePath);
        }
        using var server = new PanelServer(material, names, scene, address, port, oscPort, Path.Combine(outDir, "panel-settings"));
        server.Start();
        output.WriteLine($"MixBox front panel: {server.Url}  (OSC remote: udp 127.0.0.1:{server.OscPort}; Ctrl+C stops)");
        cancel.WaitHandle.WaitOne();
        output.WriteLine($"stopped after {server.Player.Ticks / 100.0:F1} s; {server.Player.MissedDeadlines} missed audio deadlines");
        return 0;
    }
}
