using System.Text;
using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Firmware.Tests;

public class SettingsTests
{
    private static Scene Sample(int seed)
    {
        var random = new Random(seed);
        var s = new Scene();
        for (int c = 0; c < Scene.Channels; c++)
        {
            s.FaderCentiDb[c] = random.Next(-14400, 1201);
            s.Pan[c] = random.Next(-100, 101);
            s.Mute[c] = random.Next(2) == 0;
            s.Solo[c] = random.Next(4) == 0;
            s.SubBus[c] = random.Next(3) - 1;
            s.Invert[c] = random.Next(3) == 0;
            s.InputGainDb[c] = random.Next(0, 43);
            s.Instrument[c] = random.Next(2) == 0;
            s.TrimCentiDb[c] = random.Next(-2000, 2001);
        }
        for (int p = 0; p < Scene.Pairs; p++)
        {
            s.Linked[p] = random.Next(2) == 0;
            s.Balance[p] = random.Next(-100, 101);
        }
        s.SubFaderCentiDb[1] = -450;
        s.SubMute[1] = true;
        s.CompLinkAverage = true;
        s.DriveCentiDb = 650;
        s.OutputCeilingCentiDb = -150;
        s.MainFaderCentiDb = random.Next(-3000, 601);
        s.CompressorIn = true;
        s.CompThresholdCentiDb = -1750;
        s.CompRatioX100 = 1000;
        s.CompAttackMicroseconds = 30000;
        s.CompReleaseMilliseconds = 1200;
        s.CompMixPercent = 40;
        s.CompSidechainHighPassHz = 90;
        s.MeterMode = MeterMode.Loudness;
        s.OutputDither = true;
        return s;
    }

    private static void AssertSame(Scene expected, Scene actual) =>
        Assert.Equal(SceneCodec.Encode(expected, 0), SceneCodec.Encode(actual, 0));

    [Fact]
    public void Crc32MatchesTheStandardCheckValue()
    {
        var data = Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
    }

    [Fact]
    public void SceneRoundTripsThroughTheCodec()
    {
        var scene = Sample(3);
        var decoded = SceneCodec.Decode(SceneCodec.Encode(scene, 77), out int version, out uint sequence);
        Assert.NotNull(decoded);
        Assert.Equal(SceneCodec.CurrentVersion, version);
        Assert.Equal(77u, sequence);
        AssertSame(scene, decoded!);
    }

    [Fact]
    public void EverySingleBitFlipIsDetected()
    {
        var data = SceneCodec.Encode(Sample(4), 5);
        for (int bit = 0; bit < data.Length * 8; bit++)
        {
            var damaged = (byte[])data.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Null(SceneCodec.Decode(damaged, out _, out _));
        }
    }

    /// <summary>A version 1 scene as the first firmware wrote it (levels, pans, mutes, solos, master).</summary>
    private static byte[] VersionOne(int[] faders, int[] pans, bool[] mutes, int master, uint sequence)
    {
        var payload = new List<byte>();
        for (int c = 0; c < 8; c++)
        {
            payload.AddRange(BitConverter.GetBytes((short)faders[c]));
            payload.Add((byte)(sbyte)pans[c]);
            payload.Add((byte)(mutes[c] ? 1 : 0));
        }
        payload.AddRange(BitConverter.GetBytes((short)master));
        var blob = new List<byte>(Encoding.ASCII.GetBytes("MXSC"));
        blob.AddRange(BitConverter.GetBytes((ushort)1));
        blob.AddRange(BitConverter.GetBytes((ushort)payload.Count));
        blob.AddRange(BitConverter.GetBytes(sequence));
        blob.AddRange(payload);
        var bytes = blob.ToArray();
        return bytes.Concat(BitConverter.GetBytes(Crc32.Compute(bytes, 0, bytes.Length))).ToArray();
    }

    [Fact]
    public void VersionOneSettingsAreMigrated()
    {
        var storage = new MemorySettingsStorage();
        int[] faders = { -600, 0, 300, -14400, -2000, 1200, -100, 0 };
        int[] pans = { -100, 100, 0, 20, -20, 0, 50, -50 };
        var mutes = new bool[8];
        mutes[3] = true;
        storage.Poke(0, VersionOne(faders, pans, mutes, -450, 12));

        var store = new SettingsStore(storage);
        var scene = store.Load();
        Assert.Equal(SettingsOutcome.Migrated, store.Outcome);
        Assert.Equal(faders, scene.FaderCentiDb);
        Assert.Equal(pans, scene.Pan);
        Assert.True(scene.Mute[3]);
        Assert.Equal(-450, scene.MainFaderCentiDb);
        Assert.All(scene.SubBus, b => Assert.Equal(-1, b));        // what v2 added: defaults
        Assert.False(scene.CompressorIn);

        Assert.True(store.Save(scene));                            // re-stored in the current schema
        Assert.NotNull(storage.Peek(1));
        Assert.Equal(SceneCodec.CurrentVersion, storage.Peek(1)![4]);
        var again = new SettingsStore(storage);
        again.Load();
        Assert.Equal(SettingsOutcome.Loaded, again.Outcome);
    }

    [Fact]
    public void NewerSchemaIsRefusedNotMisread()
    {
        var data = SceneCodec.Encode(Sample(5), 1);
        data[4] = 4; // a future version
        var crc = BitConverter.GetBytes(Crc32.Compute(data, 0, data.Length - 4));
        Array.Copy(crc, 0, data, data.Length - 4, 4);
        Assert.Null(SceneCodec.Decode(data, out int version, out _));
        Assert.Equal(4, version);
    }

    [Fact]
    public void NewestValidSlotWinsAndSavesAlternate()
    {
        var storage = new MemorySettingsStorage();
        var store = new SettingsStore(storage);
        store.Load();
        Assert.Equal(SettingsOutcome.Empty, store.Outcome);
        for (int i = 1; i <= 5; i++) Assert.True(store.Save(Sample(i)));

        var reboot = new SettingsStore(storage);
        AssertSame(Sample(5), reboot.Load());
        Assert.Equal(SettingsOutcome.Loaded, reboot.Outcome);
        Assert.NotNull(storage.Peek(0));
        Assert.NotNull(storage.Peek(1));
    }

    /// <summary>
    /// The sequence number wraps after 2^32 saves: the slot holding 0 is newer than the one
    /// holding 0xFFFFFFFF (serial-number arithmetic, RFC 1982), whichever slot each is in,
    /// and saving goes on into the other slot.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void SequenceNumbersCompareAcrossTheWrap(int wrappedSlot)
    {
        var storage = new MemorySettingsStorage();
        storage.Poke(1 - wrappedSlot, SceneCodec.Encode(Sample(1), 0xFFFFFFFFu));
        storage.Poke(wrappedSlot, SceneCodec.Encode(Sample(2), 0u));
        var store = new SettingsStore(storage);
        AssertSame(Sample(2), store.Load());

        Assert.True(store.Save(Sample(3)));
        Assert.NotNull(SceneCodec.Decode(storage.Peek(1 - wrappedSlot)!, out _, out uint sequence));
        Assert.Equal(1u, sequence);
        AssertSame(Sample(3), new SettingsStore(storage).Load());
    }

    /// <summary>Power cut at every byte of a save: afterwards the box has the old scene or the new one, never neither.</summary>
    [Fact]
    public void APowerCutAtAnyByteLosesOnlyTheWriteInFlight()
    {
        int length = SceneCodec.Encode(new Scene(), 0).Length;
        for (int cut = 0; cut <= length; cut++)
        {
            var storage = new MemorySettingsStorage();
            var store = new SettingsStore(storage);
            store.Load();
            store.Save(Sample(1));
            store.Save(Sample(2)); // both slots hold scenes: the cut hits an older copy

            storage.CutPowerAfterBytes = cut;
            bool completed = store.Save(Sample(3));

            var reboot = new SettingsStore(storage);
            var scene = reboot.Load();
            AssertSame(completed ? Sample(3) : Sample(2), scene);
            Assert.Equal(cut == length, completed);
            Assert.NotEqual(SettingsOutcome.CorruptUsingDefaults, reboot.Outcome);
        }
    }

    [Fact]
    public void APowerCutDuringTheFirstSaveLeavesDefaultsWithAWarning()
    {
        var storage = new MemorySettingsStorage { CutPowerAfterBytes = 10 };
        var store = new SettingsStore(storage);
        store.Load();
        Assert.False(store.Save(Sample(1)));
        var reboot = new SettingsStore(storage);
        AssertSame(new Scene(), reboot.Load());
        Assert.Equal(SettingsOutcome.CorruptUsingDefaults, reboot.Outcome);
    }

    [Fact]
    public void ADamagedSlotFallsBackToTheOther()
    {
        var storage = new MemorySettingsStorage();
        var store = new SettingsStore(storage);
        store.Load();
        store.Save(Sample(1));
        store.Save(Sample(2));
        storage.Peek(1)![20] ^= 0x40; // the newest copy (slot 1) rots
        var reboot = new SettingsStore(storage);
        AssertSame(Sample(1), reboot.Load());
        Assert.Equal(SettingsOutcome.RecoveredFromBackup, reboot.Outcome);
    }

    [Fact]
    public void OutOfRangeValuesWithAGoodCrcAreRefused()
    {
        var scene = Sample(6);
        scene.Pan[2] = 120; // a bug elsewhere must not reach the engine
        Assert.Null(SceneCodec.Decode(SceneCodec.Encode(scene, 1), out _, out _));
    }
}
