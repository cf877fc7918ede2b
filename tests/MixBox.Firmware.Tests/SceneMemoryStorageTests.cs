using MixBox.Twin;

namespace MixBox.Firmware.Tests;

/// <summary>
/// The 16 scene memories in storage: each its own record (two copies, own CRC) next to the
/// current scene; names; a damaged memory skipped with a line naming it while the others
/// load; version 2 settings (no memories) migrating; power cuts at every byte of a memory
/// store; and what all the records take of the device's settings partition.
/// </summary>
public class SceneMemoryStorageTests
{
    private static Scene Named(string name, int fader)
    {
        var s = new Scene { Name = name, MainFaderCentiDb = -fader };
        for (int c = 0; c < Scene.Channels; c++) s.FaderCentiDb[c] = -fader - 10 * c;
        s.CompressorIn = fader % 2 == 0;
        s.InputGainDb[3] = fader % 43;
        return s;
    }

    private static void AssertSame(Scene expected, Scene? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(SceneCodec.Encode(expected, 0), SceneCodec.Encode(actual!, 0));
    }

    private static SceneMemories Loaded(ISettingsStorage storage)
    {
        var memories = new SceneMemories(storage);
        memories.Load();
        return memories;
    }

    [Fact]
    public void SixteenNamedMemoriesSurviveAReloadBesideTheCurrentScene()
    {
        var storage = new MemorySettingsStorage();
        var memories = Loaded(storage);
        new SettingsStore(storage).Save(Named("current", 1));
        for (int m = 0; m < SceneMemories.Count; m++) Assert.True(memories.Store(m, Named($"Song {m + 1}", 100 + m)));

        var reboot = Loaded(storage);
        for (int m = 0; m < SceneMemories.Count; m++)
        {
            Assert.True(reboot.Occupied(m));
            Assert.Equal($"Song {m + 1}", reboot.Name(m));
            AssertSame(Named($"Song {m + 1}", 100 + m), reboot.Get(m));
            Assert.Equal(SettingsOutcome.Loaded, reboot.Outcome(m));
        }
        Assert.Equal("", reboot.Describe());
        AssertSame(Named("current", 1), new SettingsStore(storage).Load());
    }

    [Fact]
    public void AnEmptyMemoryIsNotOccupiedAndNotAWarning()
    {
        var memories = Loaded(new MemorySettingsStorage());
        Assert.False(memories.Occupied(4));
        Assert.Null(memories.Get(4));
        Assert.Equal(SettingsOutcome.Empty, memories.Outcome(4));
        Assert.False(memories.AnyWarning);
    }

    [Fact]
    public void ADamagedMemoryIsSkippedWithALineNamingItAndTheOthersLoad()
    {
        var storage = new MemorySettingsStorage();
        var memories = Loaded(storage);
        for (int m = 0; m < SceneMemories.Count; m++) memories.Store(m, Named($"M{m + 1}", m));
        memories.Store(4, Named("M5 again", 50)); // both copies of memory 5 now hold a scene
        memories.Store(9, Named("M10 again", 60));
        for (int copy = 0; copy < 2; copy++)
        {
            var bytes = storage.Peek(SettingsLayout.MemorySlot(4) + copy)!;
            bytes[bytes.Length / 2] ^= 0x10; // one bit, in the middle of the scene
        }
        var newest = storage.Peek(SettingsLayout.MemorySlot(9) + 1)!; // memory 10's newer copy
        newest[20] ^= 1;

        var reboot = Loaded(storage);
        Assert.False(reboot.Occupied(4));
        Assert.Equal(SettingsOutcome.CorruptUsingDefaults, reboot.Outcome(4));
        AssertSame(Named("M10", 9), reboot.Get(9)); // the older copy
        Assert.Equal(SettingsOutcome.RecoveredFromBackup, reboot.Outcome(9));
        for (int m = 0; m < SceneMemories.Count; m++)
            if (m != 4 && m != 9) AssertSame(Named($"M{m + 1}", m), reboot.Get(m));
        Assert.Equal(
            "scene memory 5: damaged, skipped (the other memories loaded)\n" +
            "scene memory 10: one copy was damaged, the other was loaded", reboot.Describe());
        Assert.True(reboot.AnyWarning);

        // Storing into the damaged memory makes it whole again.
        Assert.True(reboot.Store(4, Named("fresh", 7)));
        AssertSame(Named("fresh", 7), Loaded(storage).Get(4));
    }

    [Fact]
    public void AMemoryOutOfRangeIsSkippedNotLoadedHalfWay()
    {
        var storage = new MemorySettingsStorage();
        var bad = Named("bad", 3);
        bad.FaderCentiDb[2] = 5000; // beyond +12 dB: the CRC is right, the scene is not
        storage.Poke(SettingsLayout.MemorySlot(2), SceneCodec.Encode(bad, 1));
        var memories = Loaded(storage);
        Assert.False(memories.Occupied(2));
        Assert.Contains("scene memory 3: damaged", memories.Describe());
    }

    [Fact]
    public void VersionTwoSettingsMigrateWithNoMemories()
    {
        var storage = new MemorySettingsStorage();
        // A version 2 record as the previous firmware wrote it: only slots 0 and 1 exist.
        var v2 = SettingsV3Tests.Blob(2, SettingsV3Tests.VersionTwoPayload(), 5);
        storage.Poke(0, v2);
        var store = new SettingsStore(storage);
        var scene = store.Load();
        Assert.Equal(SettingsOutcome.Migrated, store.Outcome);
        SettingsV3Tests.AssertTheVersionTwoScene(scene);
        Assert.Equal("", scene.Name);
        var memories = Loaded(storage);
        for (int m = 0; m < SceneMemories.Count; m++) Assert.False(memories.Occupied(m));
        Assert.Equal("", memories.Describe());

        Assert.True(memories.Store(0, scene));
        Assert.True(store.Save(scene));
        SettingsV3Tests.AssertTheVersionTwoScene(Loaded(storage).Get(0)!);
        Assert.Equal(v2, storage.Peek(0)); // the save went to the other slot
    }

    /// <summary>
    /// A power cut at every byte of a memory store: afterwards that memory holds its old scene
    /// or the new one (never neither, never a mix), and nothing else changed.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void APowerCutAtAnyByteOfAMemoryStoreLosesOnlyThatStore(bool memoryHeldAScene)
    {
        var next = Named("Chorus, take 2", 444);
        int length = SceneCodec.Encode(next, 0).Length;
        for (int cut = 0; cut <= length; cut++)
        {
            var storage = new MemorySettingsStorage();
            var store = new SettingsStore(storage);
            store.Load();
            store.Save(Named("current", 2));
            var memories = Loaded(storage);
            memories.Store(6, Named("neighbour", 5));
            if (memoryHeldAScene)
            {
                memories.Store(7, Named("Chorus", 11));
                memories.Store(7, Named("Chorus", 12)); // both copies written: the cut hits an older one
            }

            storage.CutPowerAfterBytes = cut;
            bool completed = memories.Store(7, next);
            Assert.Equal(cut == length, completed);
            Assert.Equal(SettingsLayout.MemorySlot(7), storage.LastWrittenSlot & ~1);

            var reboot = Loaded(storage);
            if (completed) AssertSame(next, reboot.Get(7));
            else if (memoryHeldAScene) AssertSame(Named("Chorus", 12), reboot.Get(7));
            else Assert.False(reboot.Occupied(7));
            AssertSame(Named("neighbour", 5), reboot.Get(6));
            AssertSame(Named("current", 2), new SettingsStore(storage).Load());
            // Only the first store into an empty memory can leave a damaged copy and no other.
            if (memoryHeldAScene || completed) Assert.NotEqual(SettingsOutcome.CorruptUsingDefaults, reboot.Outcome(7));
        }
    }

    [Fact]
    public void NamesRoundTripAndBadNamesAreRefused()
    {
        var memories = Loaded(new MemorySettingsStorage());
        memories.Store(0, Named("", 1));
        Assert.True(memories.Rename(0, "Intro ~ 1/2 (A)"));
        Assert.Equal("Intro ~ 1/2 (A)", memories.Name(0));
        Assert.False(memories.Rename(0, new string('x', SceneRules.NameMaxChars + 1)));
        Assert.False(memories.Rename(0, "Café"));
        Assert.False(memories.Rename(0, "tab\there"));
        Assert.False(memories.Rename(1, "empty")); // nothing stored there
        Assert.Equal("Intro ~ 1/2 (A)", memories.Name(0));

        // A stored name with a control character fails the scene's rules: refused whole.
        var stored = SceneCodec.Encode(Named("ok", 1), 1);
        Assert.NotNull(SceneCodec.Decode(stored, out _, out _));
        var bad = Named("o\u0001", 1);
        Assert.Null(SceneCodec.Decode(SceneCodec.Encode(bad, 1), out _, out _));
    }

    [Fact]
    public void TheNameIsSectionNineBesideTheToolkitsEight()
    {
        var named = new byte[] { 9, 3, (byte)'A', (byte)'B', (byte)'C' };
        Assert.Equal("ABC", SceneCodec.Decode(SettingsV3Tests.Blob(3, named, 1), out _, out _)!.Name);
        var scene = new Scene { Name = "Verse", StereoWidthPercent = 150 };
        var decoded = SceneCodec.Decode(SceneCodec.Encode(scene, 1), out _, out _)!;
        Assert.Equal("Verse", decoded.Name);
        Assert.Equal(150, decoded.StereoWidthPercent);
    }

    /// <summary>
    /// The device keeps every record as an NVS blob in a 24 KB partition (docs/DEVICE.md): 6 pages
    /// of 4096 bytes, each a 32-byte header, a 32-byte entry-state bitmap and 126 entries of 32
    /// bytes; a blob takes an index entry, a header entry per chunk and its bytes in whole entries;
    /// one page is kept free for garbage collection; NVS writes a blob's new value before it erases
    /// the old (ESP-IDF v5.5 "Non-Volatile Storage Library", entry and blob layout). All 34 records
    /// at their largest (every section, the longest name) must fit with room for a rewrite, and take
    /// no more than half of it (the CLR's own "nanoF" namespace shares the partition); each blob
    /// stays under the 4000 bytes a slot accepts (MIXBOX_SETTINGS_MAX_BYTES).
    /// </summary>
    [Fact]
    public void EveryRecordAtItsLargestFitsTheSettingsPartition()
    {
        var largest = Named(new string('W', SceneRules.NameMaxChars), 1);
        int bytes = SceneCodec.Encode(largest, uint.MaxValue).Length;
        Assert.True(bytes < 4000, $"{bytes} bytes");
        int entriesPerBlob = 1 + 1 + (bytes + 31) / 32;
        const int usableEntries = (6 - 1) * 126;
        int all = SettingsLayout.Slots * entriesPerBlob + 1 /* the namespace's entry */ + entriesPerBlob /* a rewrite in flight */;
        Assert.True(all <= usableEntries / 2, $"{all} of {usableEntries} entries ({bytes} bytes a record)");
    }

    /// <summary>The device's NVS code has a key for every slot the layout uses.</summary>
    [Fact]
    public void TheDeviceHasAKeyForEverySlot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "MixBox.sln"))) dir = dir.Parent;
        string header = File.ReadAllText(Path.Combine(dir.FullName, "firmware", "native", "mixbox_device.h"));
        Assert.Contains($"#define MIXBOX_SETTINGS_SLOTS {SettingsLayout.Slots}\n", header);
        string nvs = File.ReadAllText(Path.Combine(dir.FullName, "firmware", "native", "mixbox_settings_nvs.c"));
        for (int slot = 0; slot < SettingsLayout.Slots; slot++) Assert.Contains($"\"slot{slot}\"", nvs);
        Assert.DoesNotContain($"\"slot{SettingsLayout.Slots}\"", nvs);
    }
}
