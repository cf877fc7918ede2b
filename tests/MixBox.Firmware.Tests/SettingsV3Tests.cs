using System.Text;
using MixBox.Twin;

namespace MixBox.Firmware.Tests;

/// <summary>
/// Schema 3: migration from version 2 (bytes laid out here from the v2 format, not by the
/// firmware's reader), the section rules that let it grow, and power cuts during the writes
/// that are new with it (the first save after a migration, and scenes with input gains and links).
/// </summary>
public class SettingsV3Tests
{
    /// <summary>A whole stored scene around a payload, as the header format says.</summary>
    internal static byte[] Blob(int version, byte[] payload, uint sequence)
    {
        var blob = new List<byte>(Encoding.ASCII.GetBytes("MXSC"));
        blob.AddRange(BitConverter.GetBytes((ushort)version));
        blob.AddRange(BitConverter.GetBytes((ushort)payload.Length));
        blob.AddRange(BitConverter.GetBytes(sequence));
        blob.AddRange(payload);
        var bytes = blob.ToArray();
        return bytes.Concat(BitConverter.GetBytes(Crc32.Compute(bytes, 0, bytes.Length))).ToArray();
    }

    private static void Int16(List<byte> to, int value) => to.AddRange(BitConverter.GetBytes((short)value));

    /// <summary>
    /// A version 2 payload: per channel fader i16, pan i8, flags (mute 1, solo 2), sub-bus i8;
    /// sub faders, master; compressor in, threshold, ratio, attack, release, knee, makeup,
    /// mix (u8), side-chain HPF; meter mode; output flags (safety 1, dither 2).
    /// </summary>
    internal static byte[] VersionTwoPayload()
    {
        var p = new List<byte>();
        for (int c = 0; c < 8; c++)
        {
            Int16(p, -100 * c);
            p.Add((byte)(sbyte)(c * 10 - 40));
            p.Add((byte)((c == 2 ? 1 : 0) | (c == 5 ? 2 : 0)));
            p.Add((byte)(sbyte)(c % 3 - 1));
        }
        Int16(p, -300); Int16(p, -600); Int16(p, 250);
        p.Add(1);
        Int16(p, -1800); Int16(p, 1000); Int16(p, 3000); Int16(p, 1200); Int16(p, 600); Int16(p, 200);
        p.Add(70);
        Int16(p, 90);
        p.Add((byte)MeterMode.Rms);
        p.Add(2);
        return p.ToArray();
    }

    internal static void AssertTheVersionTwoScene(Scene s)
    {
        for (int c = 0; c < 8; c++)
        {
            Assert.Equal(-100 * c, s.FaderCentiDb[c]);
            Assert.Equal(c * 10 - 40, s.Pan[c]);
            Assert.Equal(c == 2, s.Mute[c]);
            Assert.Equal(c == 5, s.Solo[c]);
            Assert.Equal(c % 3 - 1, s.SubBus[c]);
        }
        Assert.Equal(new[] { -300, -600 }, s.SubFaderCentiDb);
        Assert.Equal(250, s.MainFaderCentiDb);
        Assert.True(s.CompressorIn);
        Assert.Equal((-1800, 1000, 3000, 1200, 600, 200, 70, 90),
            (s.CompThresholdCentiDb, s.CompRatioX100, s.CompAttackMicroseconds, s.CompReleaseMilliseconds,
             s.CompKneeCentiDb, s.CompMakeupCentiDb, s.CompMixPercent, s.CompSidechainHighPassHz));
        Assert.Equal(MeterMode.Rms, s.MeterMode);
        Assert.False(s.OutputSafety);
        Assert.True(s.OutputDither);
        // What version 3 added: the defaults (0 dB line inputs, nothing inverted, no links).
        Assert.All(s.InputGainDb, g => Assert.Equal(0, g));
        Assert.All(s.Instrument, Assert.False);
        Assert.All(s.Invert, Assert.False);
        Assert.All(s.Linked, Assert.False);
        Assert.All(s.Balance, b => Assert.Equal(0, b));
        AssertToolkitDefaults(s);
    }

    /// <summary>The mix-bus toolkit at the box's (the engine's) defaults: flat, off, width 100 %.</summary>
    private static void AssertToolkitDefaults(Scene s)
    {
        Assert.Equal((false, 0, 12, 100, 0, false), (s.EqAfterComp, s.EqHighPassHz, s.EqHighPassSlope, s.EqLowShelfHz, s.EqLowShelfCentiDb, s.EqLowShelfGentle));
        Assert.Equal(new[] { 300, 3000 }, s.EqBellHz);
        Assert.Equal(new[] { 0, 0 }, s.EqBellCentiDb);
        Assert.Equal(new[] { 100, 100 }, s.EqBellQX100);
        Assert.Equal((false, 8000, 0, 0), (s.EqProportionalQ, s.EqHighShelfHz, s.EqHighShelfCentiDb, s.EqLowpassHz));
        Assert.Equal((false, 6500, -2000, 600, 60, false), (s.DeessOn, s.DeessHz, s.DeessThresholdCentiDb, s.DeessRangeCentiDb, s.DeessReleaseMilliseconds, s.DeessListen));
        Assert.Equal((100, 0), (s.StereoWidthPercent, s.StereoMonoBelowHz));
    }

    /// <summary>A version 3 scene from the firmware before the toolkit (no section 8) reads the toolkit's defaults, the rest as stored.</summary>
    [Fact]
    public void AVersionThreeSceneWithoutTheToolkitReadsItsDefaults()
    {
        var stored = BusToolkitTests.Toolkit();
        stored.DriveCentiDb = 300;
        var sections = Sections(SceneCodec.Encode(stored, 1)).Where(s => s.Id != SceneSections.BusToolkit);
        var scene = SceneCodec.Decode(Blob(3, Payload(sections), 1), out _, out _);
        Assert.NotNull(scene);
        AssertToolkitDefaults(scene!);
        Assert.Equal(300, scene!.DriveCentiDb);
    }

    /// <summary>The first save with the toolkit cut at every byte: the earlier scene (no toolkit section) or the new one, never defaults.</summary>
    [Fact]
    public void APowerCutDuringTheFirstSaveWithTheToolkitKeepsTheEarlierScene()
    {
        var earlier = new Scene();
        earlier.DriveCentiDb = 450;
        var oldSections = Sections(SceneCodec.Encode(earlier, 3)).Where(s => s.Id != SceneSections.BusToolkit);
        var withToolkit = BusToolkitTests.Toolkit();
        int length = SceneCodec.Encode(withToolkit, 4).Length;
        for (int cut = 0; cut <= length; cut++)
        {
            var storage = new MemorySettingsStorage();
            storage.Poke(0, Blob(3, Payload(oldSections), 3));
            var store = new SettingsStore(storage);
            Assert.Equal(450, store.Load().DriveCentiDb);
            storage.CutPowerAfterBytes = cut;
            bool completed = store.Save(withToolkit);
            var after = new SettingsStore(storage).Load();
            Assert.Equal(cut == length, completed);
            if (completed) Assert.Equal((18000, 135), (after.EqLowpassHz, after.StereoWidthPercent));
            else
            {
                Assert.Equal(450, after.DriveCentiDb);
                AssertToolkitDefaults(after);
            }
        }
    }

    [Fact]
    public void VersionTwoSettingsMigrateToVersionThree()
    {
        var storage = new MemorySettingsStorage();
        storage.Poke(1, Blob(2, VersionTwoPayload(), 41));
        var store = new SettingsStore(storage);
        var scene = store.Load();
        Assert.Equal(SettingsOutcome.Migrated, store.Outcome);
        AssertTheVersionTwoScene(scene);

        scene.InputGainDb[3] = 27;
        Assert.True(store.Save(scene));
        Assert.Equal(3, storage.Peek(0)![4]); // the other slot, now in version 3
        var reboot = new SettingsStore(storage);
        var back = reboot.Load();
        Assert.Equal(SettingsOutcome.Loaded, reboot.Outcome);
        Assert.Equal(27, back.InputGainDb[3]);
        Assert.Equal(-1800, back.CompThresholdCentiDb);
    }

    [Fact]
    public void AVersionTwoPayloadOfTheWrongLengthIsRefused()
    {
        var payload = VersionTwoPayload();
        Assert.NotNull(SceneCodec.Decode(Blob(2, payload, 1), out _, out _));
        Assert.Null(SceneCodec.Decode(Blob(2, payload[..^1], 1), out _, out _));
    }

    /// <summary>
    /// The first save after a migration writes a version 3 scene next to the version 2 one:
    /// a power cut at any byte of it leaves the migrated version 2 scene or the new one.
    /// </summary>
    [Fact]
    public void APowerCutDuringTheFirstVersionThreeSaveKeepsTheVersionTwoScene()
    {
        var changed = new Scene();
        int length = SceneCodec.Encode(changed, 0).Length;
        for (int cut = 0; cut <= length; cut++)
        {
            var storage = new MemorySettingsStorage();
            storage.Poke(0, Blob(2, VersionTwoPayload(), 7));
            var store = new SettingsStore(storage);
            var scene = store.Load();
            scene.InputGainDb[0] = 30;
            scene.Instrument[0] = true;
            scene.Linked[2] = true;
            scene.Balance[2] = -40;
            storage.CutPowerAfterBytes = cut;
            bool completed = store.Save(scene);

            var reboot = new SettingsStore(storage);
            var after = reboot.Load();
            Assert.Equal(cut == length, completed);
            if (completed)
            {
                Assert.Equal(SettingsOutcome.Loaded, reboot.Outcome);
                Assert.Equal((30, true, true, -40), (after.InputGainDb[0], after.Instrument[0], after.Linked[2], after.Balance[2]));
            }
            else
            {
                Assert.NotEqual(SettingsOutcome.CorruptUsingDefaults, reboot.Outcome);
                AssertTheVersionTwoScene(after);
            }
        }
    }

    /// <summary>Version 3 payload: (id, length, fields)*; the encoder's own output, taken apart.</summary>
    internal static List<(int Id, byte[] Fields)> Sections(byte[] blob)
    {
        int payload = BitConverter.ToUInt16(blob, 6);
        var sections = new List<(int, byte[])>();
        for (int at = 12; at < 12 + payload;)
        {
            int id = blob[at], length = blob[at + 1];
            sections.Add((id, blob[(at + 2)..(at + 2 + length)]));
            at += 2 + length;
        }
        return sections;
    }

    internal static byte[] Payload(IEnumerable<(int Id, byte[] Fields)> sections) =>
        sections.SelectMany(s => new[] { (byte)s.Id, (byte)s.Fields.Length }.Concat(s.Fields)).ToArray();

    private static Scene Linked()
    {
        var s = new Scene();
        s.Linked[1] = true;
        s.Balance[1] = 35;
        s.InputGainDb[6] = 18;
        s.Instrument[6] = true;
        s.Invert[4] = true;
        return s;
    }

    [Fact]
    public void EachConceptIsOneSection()
    {
        var ids = Sections(SceneCodec.Encode(Linked(), 1)).Select(s => s.Id).ToArray();
        // Id 8 is the mix-bus toolkit's, written on its own branch.
        Assert.Equal(Enumerable.Range(1, SceneSections.Last), ids);
    }

    [Fact]
    public void AnAbsentSectionLeavesItsDefaults()
    {
        var sections = Sections(SceneCodec.Encode(Linked(), 1)).Where(s => s.Id != SceneSections.Inputs);
        var scene = SceneCodec.Decode(Blob(3, Payload(sections), 1), out _, out _);
        Assert.NotNull(scene);
        Assert.Equal(0, scene!.InputGainDb[6]);
        Assert.False(scene.Instrument[6]);
        Assert.True(scene.Linked[1]);
        Assert.True(scene.Invert[4]);
    }

    /// <summary>How a section grows: a shorter one (written before the last fields were appended) reads those fields as defaults.</summary>
    [Fact]
    public void AShorterSectionLeavesItsMissingFieldsAtTheirDefaults()
    {
        var sections = Sections(SceneCodec.Encode(Linked(), 1))
            .Select(s => s.Id == SceneSections.Links ? (s.Id, s.Fields[..1]) : s); // the link mask, no balances
        var scene = SceneCodec.Decode(Blob(3, Payload(sections), 1), out _, out _);
        Assert.NotNull(scene);
        Assert.True(scene!.Linked[1]);
        Assert.Equal(0, scene.Balance[1]);
    }

    [Fact]
    public void WhatANewerFirmwareWroteIsRefused()
    {
        var sections = Sections(SceneCodec.Encode(Linked(), 1));
        var unknown = sections.Append((SceneSections.Last + 1, new byte[] { 1, 2, 3 }));
        var longer = sections.Select(s => s.Id == SceneSections.Buses ? (s.Id, s.Fields.Append((byte)9).ToArray()) : s);
        var twice = sections.Append(sections[0]);
        var cutShort = Payload(sections)[..^1];
        Assert.NotNull(SceneCodec.Decode(Blob(3, Payload(sections), 1), out _, out _));
        Assert.Null(SceneCodec.Decode(Blob(3, Payload(unknown), 1), out _, out _));
        Assert.Null(SceneCodec.Decode(Blob(3, Payload(longer), 1), out _, out _));
        Assert.Null(SceneCodec.Decode(Blob(3, Payload(twice), 1), out _, out _));
        Assert.Null(SceneCodec.Decode(Blob(3, cutShort, 1), out _, out _));
    }

    /// <summary>Trims, sub-bus mutes, the compressor's link, the output ceiling (appended to their sections) and drive (a section of its own).</summary>
    private static Scene MixBus()
    {
        var s = Linked();
        s.TrimCentiDb[5] = -650;
        s.SubMute[0] = true;
        s.CompLinkAverage = true;
        s.OutputCeilingCentiDb = -120;
        s.DriveCentiDb = 900;
        return s;
    }

    [Fact]
    public void TheMixBusFieldsRoundTripAndAFirmwareBeforeThemReadsTheirDefaults()
    {
        var back = SceneCodec.Decode(SceneCodec.Encode(MixBus(), 1), out _, out _);
        Assert.NotNull(back);
        Assert.Equal((-650, true, true, -120, 900), (back!.TrimCentiDb[5], back.SubMute[0], back.CompLinkAverage, back.OutputCeilingCentiDb, back.DriveCentiDb));

        // The sections as the firmware before these fields wrote them: shorter by what was appended, no drive section.
        var sections = Sections(SceneCodec.Encode(MixBus(), 1))
            .Where(s => s.Id != SceneSections.Drive)
            .Select(s => s.Id switch
            {
                SceneSections.Channels => (s.Id, s.Fields[..^16]),      // 8 trims
                SceneSections.Buses => (s.Id, s.Fields[..^1]),          // sub-bus mutes
                SceneSections.Compressor => (s.Id, s.Fields[..^1]),     // link
                SceneSections.PanelAndOutput => (s.Id, s.Fields[..^2]), // ceiling
                _ => s,
            });
        var older = SceneCodec.Decode(Blob(3, Payload(sections), 1), out _, out _);
        Assert.NotNull(older);
        var defaults = new Scene();
        Assert.Equal(defaults.TrimCentiDb, older!.TrimCentiDb);
        Assert.Equal(defaults.SubMute, older.SubMute);
        Assert.Equal((false, -30, 0), (older.CompLinkAverage, older.OutputCeilingCentiDb, older.DriveCentiDb));
        Assert.True(older.Linked[1]);              // and the rest as it was
        Assert.Equal(18, older.InputGainDb[6]);
    }

    [Fact]
    public void OutOfRangeMixBusFieldsAreRefused()
    {
        var trim = MixBus();
        trim.TrimCentiDb[0] = 2100;
        var drive = MixBus();
        drive.DriveCentiDb = 1900;
        var ceiling = MixBus();
        ceiling.OutputCeilingCentiDb = 10;
        foreach (var scene in new[] { trim, drive, ceiling })
            Assert.Null(SceneCodec.Decode(SceneCodec.Encode(scene, 1), out _, out _));
    }

    [Fact]
    public void OutOfRangeInputGainOrBalanceIsRefused()
    {
        var gain = Linked();
        gain.InputGainDb[2] = 43; // CHn_GAIN codes above 42 are reserved
        Assert.Null(SceneCodec.Decode(SceneCodec.Encode(gain, 1), out _, out _));
        var balance = Linked();
        balance.Balance[0] = 101;
        Assert.Null(SceneCodec.Decode(SceneCodec.Encode(balance, 1), out _, out _));
    }
}
