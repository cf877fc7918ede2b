using MixBox.Twin;

namespace MixBox.Firmware.Tests;

/// <summary>
/// The OSC remote's enable and read-only as stored settings (their own record, slots 34-35): the
/// platform's defaults when nothing is stored (device off, the twin's panel on), applied at boot,
/// kept across power cycles, never touched by a recall; damaged copies cost only themselves; every
/// mutation of the record is refused or read as valid settings.
/// </summary>
public class RemoteSettingsTests
{
    private static readonly RemoteSettings PanelDefaults = new(enabled: true, readOnly: false);

    [Fact]
    public void ANewDeviceHasNoRemoteAndTheTwinsPanelHasAWritableOne()
    {
        using (var device = new BoxTwin(new MemorySettingsStorage()))
            Assert.Equal((false, false), (device.App.RemoteSettings.Enabled, device.App.RemoteSettings.ReadOnly));
        using var panel = new BoxTwin(new MemorySettingsStorage(), remoteDefaults: PanelDefaults);
        Assert.Equal((true, false), (panel.App.RemoteSettings.Enabled, panel.App.RemoteSettings.ReadOnly));
    }

    [Fact]
    public void StoredSettingsAreAppliedAtBoot()
    {
        var storage = new MemorySettingsStorage();
        using (var first = new BoxTwin(storage))
            Assert.True(first.App.SetRemoteSettings(new RemoteSettings(enabled: true, readOnly: true)));

        using var reboot = new BoxTwin(storage);
        Assert.Equal((true, true), (reboot.App.RemoteSettings.Enabled, reboot.App.RemoteSettings.ReadOnly));
        // The remote attached at boot takes the stored read-only setting: a write is refused.
        var queue = new OscPacketQueue();
        var remote = new OscRemote(reboot.App, queue, new Remote.OscRemoteTests.Recorder());
        reboot.App.Remote = remote;
        Assert.True(remote.ReadOnly);
        byte[] packet = Remote.OscFuzzTests.Message("/ch/01/mix/fader/db", w => w.Float(-20f));
        byte[] slot = queue.ReceiveBuffer;
        packet.CopyTo(slot, 0);
        queue.Commit(slot, 0, packet.Length);
        reboot.RunSilence(1);
        Assert.Equal(1, remote.Refused);
        Assert.Equal(0, reboot.App.Scene.FaderCentiDb[0]);

        // Stored "off" wins over the panel's default "on"; read-only off applies at once to the attached remote.
        Assert.True(reboot.App.SetRemoteSettings(new RemoteSettings(enabled: false, readOnly: false)));
        Assert.False(remote.ReadOnly);
        using var panel = new BoxTwin(storage, remoteDefaults: PanelDefaults);
        Assert.False(panel.App.RemoteSettings.Enabled);
    }

    [Fact]
    public void ARecallOrASceneStoreNeverChangesTheRemote()
    {
        var storage = new MemorySettingsStorage();
        using var twin = new BoxTwin(storage);
        Assert.True(twin.App.StoreMemory(0));
        Assert.True(twin.App.SetRemoteSettings(new RemoteSettings(enabled: true, readOnly: true)));
        Assert.True(twin.App.RecallMemory(0));
        twin.App.ToggleAb();
        Assert.Equal((true, true), (twin.App.RemoteSettings.Enabled, twin.App.RemoteSettings.ReadOnly));
        using var reboot = new BoxTwin(storage);
        Assert.True(reboot.App.RemoteSettings.ReadOnly);
    }

    /// <summary>Both copies damaged: the defaults (off on the device), one line at boot; the scene and memories load as stored.</summary>
    [Fact]
    public void DamagedRemoteSettingsCostOnlyThemselves()
    {
        var storage = new MemorySettingsStorage();
        using (var first = new BoxTwin(storage))
        {
            first.App.Editor.SetLevel(2, -700);
            Assert.True(new SettingsStore(storage).Save(first.App.Scene));
            Assert.True(first.App.SetRemoteSettings(new RemoteSettings(true, false)));
        }
        byte[] good = storage.Peek(SettingsLayout.RemoteSlot)!;
        var damaged = (byte[])good.Clone();
        damaged[12] ^= 0x40; // the flags byte: the CRC no longer matches
        storage.Poke(SettingsLayout.RemoteSlot, damaged);
        storage.Poke(SettingsLayout.RemoteSlot + 1, new byte[] { 1, 2, 3 });

        using var reboot = new BoxTwin(storage);
        Assert.False(reboot.App.RemoteSettings.Enabled);
        Assert.Equal(-700, reboot.App.Scene.FaderCentiDb[2]);
        Assert.False(reboot.BootReport.SettingsWarning);
        string[] lines = reboot.BootReport.Describe().Split('\n');
        Assert.Single(lines, l => l.Contains("remote"));
        Assert.Contains("remote settings unreadable: defaults in use", lines);
    }

    [Fact]
    public void EverySingleBitFlipOfTheRecordIsRefused()
    {
        byte[] data = RemoteSettingsCodec.Instance.Encode(new RemoteSettings(true, true), 9);
        Assert.Equal(17, data.Length);
        var back = (RemoteSettings)RemoteSettingsCodec.Instance.Decode(data, out int version, out uint sequence);
        Assert.Equal((true, true, 1, 9u), (back.Enabled, back.ReadOnly, version, sequence));
        for (int bit = 0; bit < data.Length * 8; bit++)
        {
            var flipped = (byte[])data.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Null(RemoteSettingsCodec.Instance.Decode(flipped, out _, out _));
        }
    }

    /// <summary>
    /// Mutations sealed with a good CRC (flags, version, payload length, bytes inserted or cut): what a
    /// newer firmware could have written (an unknown flag, a longer payload, a newer version) is refused;
    /// a valid record reads as exactly its flags; nothing throws.
    /// </summary>
    [Fact]
    public void MutatedRecordsAreRefusedOrReadAsTheirFlags()
    {
        var random = new Random(21);
        int accepted = 0, refused = 0;
        for (int round = 0; round < 20000; round++)
        {
            var payload = new List<byte> { (byte)random.Next(4) };
            int version = 1, length = -1;
            switch (random.Next(5))
            {
                case 0: payload[0] = (byte)random.Next(256); break;
                case 1: payload.Add((byte)random.Next(256)); break;
                case 2: payload.Clear(); break;
                case 3: version = random.Next(0, 4); break;
                case 4: length = random.Next(0, 5); break;
            }
            byte[] blob = SettingsV3Tests.Blob(version, payload.ToArray(), 3);
            "MXRM"u8.CopyTo(blob);
            if (length >= 0) BitConverter.GetBytes((ushort)length).CopyTo(blob, 6);
            byte[] body = blob[..^4];
            BitConverter.GetBytes(Crc32.Compute(body, 0, body.Length)).CopyTo(blob, blob.Length - 4);

            var settings = (RemoteSettings?)RemoteSettingsCodec.Instance.Decode(blob, out _, out _);
            bool valid = version == 1 && (length < 0 || length == payload.Count) && payload.Count <= 1 && (payload.Count == 0 || payload[0] < 4);
            Assert.Equal(valid, settings is not null);
            if (settings is null) { refused++; continue; }
            accepted++;
            int flags = payload.Count == 0 ? 0 : payload[0];
            Assert.Equal(((flags & 1) != 0, (flags & 2) != 0), (settings.Enabled, settings.ReadOnly));
        }
        Assert.True(accepted > 0 && refused > 0);
    }
}
