using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Firmware;
using MixBox.Twin;

namespace MixBox.Firmware.Tests.Remote;

/// <summary>The remote's address tree on the twin: writes go where the panel's go, queries answer, limits hold.</summary>
public class OscRemoteTests
{
    private sealed class Rig : IDisposable
    {
        public readonly BoxTwin Twin = new(new MemorySettingsStorage());
        public readonly OscPacketQueue Queue = new();
        public readonly Recorder Sent = new();
        public readonly OscRemote Remote;

        public Rig()
        {
            Remote = new OscRemote(Twin.App, Queue, Sent);
            Twin.App.Remote = Remote;
        }

        public void Deliver(byte[] packet, int peer = 0)
        {
            byte[] slot = Queue.ReceiveBuffer;
            packet.CopyTo(slot, 0);
            Queue.Commit(slot, peer, packet.Length);
        }

        public void Send(string address, Action<OscWriter> args, int peer = 0) => Deliver(OscFuzzTests.Message(address, args), peer);

        public void Tick(int ticks = 1) => Twin.RunSilence(ticks);

        public void Dispose() => Twin.Dispose();
    }

    public sealed class Recorder : IOscSender
    {
        public readonly List<(int Peer, byte[] Packet)> Packets = new();
        public bool Keep = true;
        public int Count;

        public void Send(int peer, byte[] buffer, int length)
        {
            Count++;
            if (Keep) Packets.Add((peer, buffer.AsSpan(0, length).ToArray()));
        }

        public OscMessage Last()
        {
            OscMessage? got = null;
            var p = Packets[^1].Packet;
            Assert.True(new OscReader().Read(p, 0, p.Length, new Take(m => got = m)));
            return got!;
        }
    }

    private sealed class Take(Action<OscMessage> a) : IOscMessageHandler
    {
        public void Handle(OscMessage m) => a(m);
    }

    private static string Address(OscMessage m) => System.Text.Encoding.ASCII.GetString(m.Buffer, m.AddressStart, m.AddressLength);

    [Fact]
    public void FaderSet_ReachesSceneAndEngine_QueryAnswers_KnobMustPickItUp()
    {
        using var rig = new Rig();
        rig.Send("/ch/03/mix/fader", w => w.Float(0.5f)); // 50 % travel: -10 dB on the box's taper
        rig.Tick(3);
        int expected = FaderLaw.CentiDbFromTravel(2048);
        Assert.Equal(expected, rig.Twin.App.Scene.FaderCentiDb[2]);
        Assert.Equal(expected, rig.Twin.Engine.Get(EngineParam.ChannelFaderCentiDb, 2));

        rig.Send("/ch/03/mix/fader", _ => { });
        rig.Send("/ch/03/mix/fader/db", _ => { });
        rig.Tick();
        Assert.Equal(2, rig.Sent.Packets.Count);
        var answer = new OscReader();
        var first = rig.Sent.Packets[0].Packet;
        OscMessage? m = null;
        answer.Read(first, 0, first.Length, new Take(x => m = x));
        Assert.Equal("/ch/03/mix/fader", Address(m!));
        Assert.Equal(2048 / 4095f, m!.Float(0), 3);
        Assert.Equal(expected / 100f, rig.Sent.Last().Float(0), 2);

        // The physical knob still rests at 0 dB: it changes nothing until it reaches the new value.
        rig.Twin.SetKnob(2, FaderLaw.TravelFromCentiDb(0) + 60);
        rig.Tick(20);
        Assert.Equal(expected, rig.Twin.Engine.Get(EngineParam.ChannelFaderCentiDb, 2));
        rig.Twin.SetKnob(2, 1500); // crosses 50 %: takes over
        rig.Tick(20);
        rig.Twin.SetKnob(2, 1000);
        rig.Tick(30);
        Assert.True(rig.Twin.Engine.Get(EngineParam.ChannelFaderCentiDb, 2) < expected - 1000);
    }

    [Fact]
    public void DbForm_OnPanRouting_SubMainAndCompressor()
    {
        using var rig = new Rig();
        rig.Send("/ch/01/mix/fader/db", w => w.Float(-6.5f));
        rig.Send("/ch/02/mix/on", w => w.Int(0));
        rig.Send("/ch/04/mix/pan", w => w.Float(0f));
        rig.Send("/ch/05/grp/sub", w => w.Int(2));
        rig.Send("/sub/2/mix/fader/db", w => w.Float(-3f));
        rig.Send("/sub/1/mix/on", w => w.Bool(false));
        rig.Send("/main/st/mix/fader/db", w => w.Float(-100f)); // below the taper: off
        rig.Send("/bus/comp/threshold", w => w.Float(-20f));
        rig.Send("/bus/comp/ratio", w => w.Float(8f));
        rig.Send("/bus/comp/mix", w => w.Int(50));
        rig.Send("/bus/comp/in", w => w.Int(1));
        rig.Tick(2);
        var s = rig.Twin.App.Scene;
        var e = rig.Twin.Engine;
        Assert.Equal(-650, e.Get(EngineParam.ChannelFaderCentiDb, 0));
        Assert.True(s.Mute[1]);
        Assert.Equal(-100, e.Get(EngineParam.ChannelPan, 3));
        Assert.Equal(1, s.SubBus[4]);
        Assert.Equal(-300, e.Get(EngineParam.SubFaderCentiDb, 1));
        Assert.Equal(1, e.Get(EngineParam.SubMute, 0));
        Assert.Equal(EngineLimits.FaderOffCentiDb, e.Get(EngineParam.MainFaderCentiDb, 0));
        Assert.Equal(-2000, e.Get(EngineParam.CompThresholdCentiDb, 0));
        Assert.Equal(800, e.Get(EngineParam.CompRatioX100, 0));
        Assert.Equal(50, e.Get(EngineParam.CompMixPercent, 0));
        Assert.Equal(0, e.Get(EngineParam.CompBypass, 0));
        rig.Tick(2);
        Assert.True(rig.Twin.Led(MixBoxS3Board.LedCompressorIn)); // the panel's LED follows
        Assert.Equal(0, rig.Remote.Unknown);
        Assert.Equal(11, rig.Remote.Messages);
    }

    [Fact]
    public void ReadOnly_RefusesWrites_StillAnswers()
    {
        using var rig = new Rig();
        rig.Remote.ReadOnly = true;
        rig.Send("/ch/01/mix/fader", w => w.Float(0.1f));
        rig.Send("/ch/01/mix/fader", _ => { });
        rig.Tick();
        Assert.Equal(0, rig.Twin.App.Scene.FaderCentiDb[0]);
        Assert.Equal(1, rig.Remote.Refused);
        Assert.Single(rig.Sent.Packets);
    }

    [Fact]
    public void InfoSceneRecallAndUnknown()
    {
        using var rig = new Rig();
        rig.Send("/info", _ => { });
        rig.Tick();
        var info = rig.Sent.Last();
        Assert.True(info.StringIs(0, BoxIdentity.Name) && info.StringIs(2, BoxIdentity.FirmwareVersion));
        rig.Send("/scene/recall", w => w.Int(3));
        rig.Tick();
        Assert.True(rig.Sent.Last().StringIs(0, "empty")); // nothing stored in memory 3 yet
        rig.Send("/ch/09/mix/fader", w => w.Float(1f));
        rig.Send("/ch/01/mix/fader", w => w.String("loud"));
        rig.Deliver(new byte[] { (byte)'/', 1, 2 });
        rig.Tick();
        Assert.Equal(2, rig.Remote.Unknown);
        Assert.Equal(1, rig.Remote.Malformed);
    }

    [Fact]
    public void SceneMemoriesABAndUndoFromTheRemote()
    {
        using var rig = new Rig();
        var app = rig.Twin.App;
        rig.Send("/ch/01/mix/fader/db", w => w.Float(-6f));
        rig.Tick();
        rig.Send("/scene/store", w => w.Int(5));
        rig.Tick();
        Assert.Equal(5, rig.Sent.Last().Int(0));
        rig.Send("/ch/01/mix/fader/db", w => w.Float(-20f));
        rig.Tick();
        Assert.Equal(-2000, app.Scene.FaderCentiDb[0]);

        rig.Send("/scene/recall", w => w.Int(5));
        rig.Tick();
        Assert.Equal(5, rig.Sent.Last().Int(0));
        Assert.Equal(-600, app.Scene.FaderCentiDb[0]);
        rig.Send("/scene/undo", _ => { });
        rig.Tick();
        Assert.Equal(-2000, app.Scene.FaderCentiDb[0]);

        rig.Send("/scene/ab", _ => { }); // B starts as a copy of A
        rig.Tick();
        rig.Send("/ch/01/mix/fader/db", w => w.Float(-3f));
        rig.Tick();
        rig.Send("/scene/ab", _ => { });
        rig.Tick();
        Assert.Equal(-2000, app.Scene.FaderCentiDb[0]);
        rig.Send("/scene/ab", _ => { });
        rig.Tick();
        Assert.Equal(-300, app.Scene.FaderCentiDb[0]);

        rig.Send("/scene/recall", w => w.Int(17)); // no such memory
        rig.Send("/scene/store", w => w.Float(2f));
        rig.Tick();
        Assert.Equal(2, rig.Remote.Unknown);

        rig.Remote.ReadOnly = true;
        rig.Send("/scene/recall", w => w.Int(5));
        rig.Tick();
        Assert.Equal(-300, app.Scene.FaderCentiDb[0]);
        Assert.Equal(1, rig.Remote.Refused);
    }

    [Fact]
    public void TheDeliveryTargetIsSetAndQueriedByItsKey_RefusedReadOnly()
    {
        using var rig = new Rig();
        var app = rig.Twin.App;
        rig.Send("/scene/target", _ => { });
        rig.Tick();
        Assert.True(rig.Sent.Last().StringIs(0, "none"));
        rig.Send("/scene/target", w => w.String("ebu"));
        rig.Tick();
        Assert.Equal("ebu", TargetPresets.KeyOf(app.Scene.Target));
        rig.Send("/scene/target", _ => { });
        rig.Tick();
        Assert.True(rig.Sent.Last().StringIs(0, "ebu"));

        rig.Send("/scene/target", w => w.String("spotif")); // no such target
        rig.Send("/scene/target", w => w.Int(1));            // not a key
        rig.Tick();
        Assert.Equal(2, rig.Remote.Unknown);
        Assert.Equal("ebu", TargetPresets.KeyOf(app.Scene.Target));

        rig.Remote.ReadOnly = true;
        rig.Send("/scene/target", w => w.String("none"));
        rig.Tick();
        Assert.Equal("ebu", TargetPresets.KeyOf(app.Scene.Target));
        Assert.Equal(1, rig.Remote.Refused);
    }

    [Fact]
    public void MeterSubscription_PushedAt20Hz_EndsAfter10s_UnlessRenewed()
    {
        using var rig = new Rig();
        rig.Sent.Keep = false;
        rig.Send("/subscribe", w => w.String("/meters/ch"), peer: 1);
        rig.Send("/subscribe", w => w.String("/meters/main"), peer: 2);
        rig.Tick(100);
        Assert.InRange(rig.Remote.MeterPushes, 2 * 19, 2 * 20);
        rig.Send("/subscribe", w => w.String("/meters/ch"), peer: 1); // renewed at tick 101: lasts to 1101
        rig.Tick(910); // tick 1011: peer 2's (from tick 1) ended at 1001
        int before = rig.Remote.MeterPushes;
        rig.Tick(80);
        Assert.Equal(16, rig.Remote.MeterPushes - before); // peer 1 alone, 20 a second
        rig.Tick(100);
        Assert.Equal(18, rig.Remote.MeterPushes - before); // and it ended at 1101
    }

    [Fact]
    public void Flood_BoundedWorkPerTick_KnobsStillAct_NothingAllocatedPerMessage()
    {
        using var rig = new Rig();
        rig.Sent.Keep = false;
        byte[] set = OscFuzzTests.Message("/ch/02/mix/fader", w => w.Float(0.6f));
        byte[] query = OscFuzzTests.Message("/ch/02/mix/fader", _ => { });
        rig.Send("/subscribe", w => w.String("/meters/main"));
        rig.Tick(10); // warm up every path once

        long allocated = 0;
        int handledBefore = rig.Remote.Messages;
        for (int tick = 0; tick < 100; tick++)
        {
            while (rig.Queue.Count < OscPacketQueue.DefaultSlots) rig.Deliver(tick % 2 == 0 ? set : query);
            long start = GC.GetAllocatedBytesForCurrentThread();
            rig.Twin.App.Tick();
            allocated += GC.GetAllocatedBytesForCurrentThread() - start;
            Assert.True(rig.Remote.Messages - handledBefore <= OscRemote.BucketCapacity + tick * OscRemote.RefillPerTick);
        }
        Assert.True(rig.Remote.Messages - handledBefore >= 100 * OscRemote.RefillPerTick);
        Assert.Equal(0, allocated);

        // Meanwhile the master knob acts within the knob filter's usual time.
        rig.Twin.SetKnob(MixBoxS3Board.KnobMaster, FaderLaw.TravelFromCentiDb(-2000));
        for (int tick = 0; tick < 30; tick++)
        {
            while (rig.Queue.Count < OscPacketQueue.DefaultSlots) rig.Deliver(set);
            rig.Tick();
        }
        Assert.InRange(rig.Twin.Engine.Get(EngineParam.MainFaderCentiDb, 0), -2100, -1900);
    }

    /// <summary>A sine on inputs 1 and 2 (panned apart, so both sides play it) at -20 dBFS.</summary>
    private static void PlaySine(Rig rig, int seconds)
    {
        int frames = BoxTwin.TickFrames * MixBoxApp.TicksPerSecond * seconds;
        var input = new int[frames * BoxTwin.Channels];
        double a = Math.Pow(10, -20 / 20.0) * int.MaxValue;
        for (int i = 0; i < frames; i++)
        {
            int s = (int)(a * Math.Sin(2 * Math.PI * 997 * i / BoxTwin.SampleRate));
            input[i * BoxTwin.Channels] = s;
            input[i * BoxTwin.Channels + 1] = s;
        }
        rig.Twin.Run(input);
    }

    [Fact]
    public void LoudnessMeter_Query_AnswersTheViewsReading_ByteLayoutAsGolden()
    {
        using var rig = new Rig();
        PlaySine(rig, 4);
        rig.Send("/meters/loudness", _ => { });
        // The remote answers before the meters of its own tick are read: the last tick's reading.
        LoudnessReading l = rig.Twin.App.View.Loudness;
        rig.Tick();
        byte[] p = rig.Sent.Packets.Single().Packet;
        // "/meters/loudness" + 4 NULs, ",ffff" + 3 NULs, then four big-endian floats: 44 bytes.
        Assert.Equal(Convert.FromHexString("2f6d6574657273 2f6c6f7564 6e657373 00000000 2c66666666000000".Replace(" ", "")), p.AsSpan(0, 28).ToArray());
        Assert.Equal(44, p.Length);
        OscMessage m = rig.Sent.Last();
        Assert.Equal("/meters/loudness", Address(m));
        Assert.Equal(new[] { l.MomentaryCentiLufs / 100f, l.ShortTermCentiLufs / 100f, l.IntegratedCentiLufs / 100f, l.TruePeakMaxCentiDb / 100f },
            new[] { m.Float(0), m.Float(1), m.Float(2), m.Float(3) });
        // A steady tone: momentary, short-term and integrated agree; the true peak is above the
        // loudness of a sine (its crest factor) and the reading is not the silence value.
        Assert.InRange(m.Float(0), -60f, -5f);
        Assert.Equal(m.Float(0), m.Float(1), 0.2f);
        Assert.Equal(m.Float(0), m.Float(2), 0.2f);
        Assert.InRange(m.Float(3), m.Float(0) - 3f, 0f);
    }

    [Fact]
    public void LoudnessMeter_Subscribed_PushedAt20Hz_MeterQueriesAnswer_WritesToMetersRefused()
    {
        using var rig = new Rig();
        rig.Send("/subscribe", w => w.String("/meters/loudness"), peer: 3);
        rig.Tick(100);
        var pushes = rig.Sent.Packets.Where(x => x.Peer == 3).ToList();
        Assert.InRange(pushes.Count, 19, 20);
        Assert.Equal(rig.Remote.MeterPushes, pushes.Count);
        rig.Sent.Packets.Clear();

        rig.Send("/meters/ch", _ => { });
        rig.Send("/meters/main", _ => { });
        rig.Send("/meters/loudness", w => w.Float(-14f)); // a meter is not a setting
        rig.Remote.ReadOnly = true;
        rig.Tick();
        Assert.Equal(2, rig.Sent.Packets.Count - rig.Sent.Packets.Count(x => x.Peer == 3));
        Assert.Equal(1, rig.Remote.Unknown);
        Assert.Equal(0, rig.Remote.Refused);

        rig.Send("/meters/main", _ => { });
        rig.Send("/unsubscribe", w => w.String("/meters/loudness"), peer: 3);
        rig.Tick(20);
        Assert.Equal(3, rig.Sent.Packets.Count(x => x.Peer == 0)); // queries still answered in read-only mode
        Assert.Equal(0, rig.Remote.Malformed);
    }
}
