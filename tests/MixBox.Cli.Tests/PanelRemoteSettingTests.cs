using System.Net;
using MixBox.Cli.FrontPanel;
using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Cli.Tests;

/// <summary>
/// `mixbox panel` serves the OSC remote by the stored remote settings: on (and writable) when none
/// are stored, off when they say off, read-only when they say so — applied when the twin boots.
/// </summary>
public sealed class PanelRemoteSettingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixbox-panel-remote-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private PanelServer Server()
    {
        var server = new PanelServer(new int[BoxTwin.TickFrames * BoxTwin.Channels], Enumerable.Range(1, 8).Select(c => $"in {c}").ToArray(),
            null, IPAddress.Loopback, 0, 0, _dir);
        server.Start();
        return server;
    }

    [Fact]
    public void TheStoredRemoteSettingsDecideWhetherThePanelServesOne()
    {
        using (var server = Server())
        {
            Assert.True(server.OscPort > 0);
            Assert.NotNull(server.Twin.App.Remote);
            Assert.False(server.Twin.App.Remote!.ReadOnly);
        }

        Assert.True(new RemoteSettingsStore(new FileSettingsStorage(_dir)).Save(new RemoteSettings(enabled: true, readOnly: true)));
        using (var server = Server())
            Assert.True(server.Twin.App.Remote!.ReadOnly);

        var store = new RemoteSettingsStore(new FileSettingsStorage(_dir));
        store.Load(RemoteSettings.DeviceDefaults()); // continue the slot sequence
        Assert.True(store.Save(new RemoteSettings(enabled: false, readOnly: false)));
        using (var server = Server())
        {
            Assert.Equal(0, server.OscPort);
            Assert.Null(server.Twin.App.Remote);
        }
        Assert.True(File.Exists(Path.Combine(_dir, "remote-0.bin")) && File.Exists(Path.Combine(_dir, "remote-1.bin")));
    }
}
