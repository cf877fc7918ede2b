using MixBox.Twin;

namespace MixBox.Firmware.Tests;

/// <summary>
/// The scene's delivery target in the stored settings (bits 4-7 of section 4's panel byte, beside the
/// meter mode): it round-trips, settings from before it (version 2, and version 3 whose panel byte is
/// the bare meter mode) load with no target, and whatever a damaged or newer panel section holds is
/// refused whole or read as a valid scene, never half-applied.
/// </summary>
public class DeliveryTargetSettingsTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private static Scene WithTarget(string key)
    {
        var s = new Scene { Name = "Master" };
        s.FaderCentiDb[2] = -450;
        s.Target = TargetPresets.IdOf(key);
        return s;
    }

    [Fact]
    public void ThePowerOnSceneHasNoTarget() => Assert.Equal(TargetPresets.NoTarget, new Scene().Target);

    [Theory]
    [InlineData("none")]
    [InlineData("spotify")]
    [InlineData("ebu")]
    [InlineData("vinyl")]
    public void TheTargetSurvivesASaveAndAReboot(string key)
    {
        var storage = new MemorySettingsStorage();
        Assert.True(new SettingsStore(storage).Save(WithTarget(key)));
        var reboot = new SettingsStore(storage);
        var back = reboot.Load();
        Assert.Equal(SettingsOutcome.Loaded, reboot.Outcome);
        Assert.Equal(key, TargetPresets.KeyOf(back.Target));
        Assert.Equal(-450, back.FaderCentiDb[2]);
    }

    [Fact]
    public void VersionTwoSettingsLoadWithNoTarget()
    {
        var storage = new MemorySettingsStorage();
        storage.Poke(0, SettingsV3Tests.Blob(2, SettingsV3Tests.VersionTwoPayload(), 7));
        var store = new SettingsStore(storage);
        var scene = store.Load();
        Assert.Equal(SettingsOutcome.Migrated, store.Outcome);
        Assert.Equal(TargetPresets.NoTarget, scene.Target);
        SettingsV3Tests.AssertTheVersionTwoScene(scene);
    }

    /// <summary>Section 4 as the firmware before the target wrote it: the meter mode byte, output flags, ceiling.</summary>
    private static byte[] PanelSection(int panelByte) => new byte[] { (byte)panelByte, 1, unchecked((byte)-30), 0xFF };

    private static Scene? WithPanelSection(Scene scene, byte[] fields) =>
        SceneCodec.Decode(SettingsV3Tests.Blob(3, SettingsV3Tests.Payload(
            SettingsV3Tests.Sections(SceneCodec.Encode(scene, 1)).Select(s => s.Id == SceneSections.PanelAndOutput ? (s.Id, fields) : s)), 1), out _, out _);

    [Fact]
    public void AVersionThreeSceneFromBeforeTheTargetLoadsWithNoTarget()
    {
        var scene = WithPanelSection(WithTarget("apple"), PanelSection(MeterMode.Loudness));
        Assert.NotNull(scene);
        Assert.Equal(TargetPresets.NoTarget, scene!.Target);
        Assert.Equal(MeterMode.Loudness, scene.MeterMode);
        Assert.Equal(-450, scene.FaderCentiDb[2]);
        Assert.Equal("Master", scene.Name);
        // And the target costs no byte: the stored scene is as long as before it.
        Assert.Equal(SceneCodec.Encode(new Scene { Name = "Master" }, 1).Length, SceneCodec.Encode(WithTarget("apple"), 1).Length);
    }

    /// <summary>Every value the panel byte can hold, each with a good CRC: a known mode and target load as such, anything else refuses the scene.</summary>
    [Fact]
    public void EveryValueOfThePanelByteIsAModeAndTargetOrRefused()
    {
        int loaded = 0;
        for (int value = 0; value < 256; value++)
        {
            var scene = WithPanelSection(WithTarget("spotify"), PanelSection(value));
            int mode = value & 0x0F, target = value >> 4;
            if (mode < MeterMode.Count && target <= TargetPresets.All.Length)
            {
                Assert.Equal((mode, target), (scene!.MeterMode, scene.Target));
                loaded++;
            }
            else Assert.Null(scene);
        }
        Assert.Equal(MeterMode.Count * (TargetPresets.All.Length + 1), loaded);
    }

    /// <summary>
    /// Random mutations of the panel section (its bytes, bytes inserted and cut, its length byte), each
    /// sealed with a good CRC: decoding never throws, and what it accepts passes every scene rule. A
    /// refused newer slot falls back to the other: nothing stored earlier is lost.
    /// </summary>
    [Fact]
    public void MutatedPanelSectionsAreRefusedOrValidNeverHalfApplied()
    {
        var random = new Random(19);
        var good = WithTarget("ebu");
        var sections = SettingsV3Tests.Sections(SceneCodec.Encode(good, 1));
        byte[] original = sections.Single(s => s.Id == SceneSections.PanelAndOutput).Fields;
        int accepted = 0, refused = 0;
        for (int round = 0; round < 5000; round++)
        {
            var fields = new List<byte>(original);
            int edits = random.Next(1, 4);
            for (int e = 0; e < edits; e++)
            {
                switch (random.Next(3))
                {
                    case 0: if (fields.Count > 0) fields[random.Next(fields.Count)] = (byte)random.Next(256); break;
                    case 1: fields.Insert(random.Next(fields.Count + 1), (byte)random.Next(256)); break;
                    case 2: if (fields.Count > 0) fields.RemoveAt(random.Next(fields.Count)); break;
                }
            }
            var mutated = sections.Select(s => s.Id == SceneSections.PanelAndOutput ? (s.Id, Fields: fields.ToArray()) : s).ToList();
            byte[] payload = SettingsV3Tests.Payload(mutated);
            if (random.Next(4) == 0)
            {
                // The section's own length byte damaged too: it follows its id, after the sections before it.
                int at = mutated.TakeWhile(s => s.Id != SceneSections.PanelAndOutput).Sum(s => 2 + s.Fields.Length) + 1;
                payload[at] = (byte)random.Next(256);
            }
            var scene = SceneCodec.Decode(SettingsV3Tests.Blob(3, payload, 2), out _, out _);
            if (scene is null) { refused++; continue; }
            accepted++;
            Assert.True(SceneRules.IsValid(scene));
            Assert.True(TargetPresets.IsValidId(scene.Target));
        }
        log.WriteLine($"accepted {accepted}, refused {refused}");
        Assert.True(accepted > 0 && refused > 0, $"accepted {accepted}, refused {refused}");
    }

    [Fact]
    public void ARefusedNewerSlotFallsBackToTheEarlierTarget()
    {
        var storage = new MemorySettingsStorage();
        var store = new SettingsStore(storage);
        Assert.True(store.Save(WithTarget("atsc")));
        var sections = SettingsV3Tests.Sections(SceneCodec.Encode(WithTarget("spotify"), 2))
            .Select(s => s.Id == SceneSections.PanelAndOutput ? (s.Id, PanelSection(9 << 4)) : s); // target 9: a newer firmware's
        storage.Poke(1, SettingsV3Tests.Blob(3, SettingsV3Tests.Payload(sections), 2));
        var reboot = new SettingsStore(storage);
        var back = reboot.Load();
        Assert.Equal(SettingsOutcome.RecoveredFromBackup, reboot.Outcome);
        Assert.Equal("atsc", TargetPresets.KeyOf(back.Target));
    }
}
