using MixBox.Boards;
using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>
    /// The OSC remote (OSC 1.0 over UDP, docs/FIRMWARE.md "OSC remote"), run in the control
    /// tick after the knobs: takes the datagrams the transport queued, at most a token bucket's
    /// worth of messages a tick, and acts on each through the panel's own path
    /// (<see cref="SceneEditor"/>), so LEDs, soft takeover and stores stay consistent. A message
    /// with no argument is a query, answered to its sender with the value. Malformed packets
    /// are ignored and counted. No allocation per message: one reader, one writer, fixed tables.
    /// </summary>
    public sealed class OscRemote : IOscMessageHandler
    {
        /// <summary>The UDP port the box listens on unless told otherwise.</summary>
        public const int DefaultPort = 10023;
        /// <summary>Meter pushes every 5 ticks: 20 a second.</summary>
        public const int MeterPushTicks = 5;
        /// <summary>Messages a tick on average (2000/s) …</summary>
        public const int RefillPerTick = 20;
        /// <summary>… and in a burst.</summary>
        public const int BucketCapacity = 200;
        /// <summary>Below this a dB value means off (the fader's bottom).</summary>
        private const int OffBelowCentiDb = -6000;

        private readonly MixBoxApp _app;
        private readonly OscPacketQueue _queue;
        private readonly IOscSender _sender;
        private readonly OscReader _reader = new OscReader();
        private readonly OscWriter _writer = new OscWriter(OscPacketQueue.DefaultSlotBytes);
        private readonly TokenBucket _bucket = new TokenBucket(BucketCapacity, RefillPerTick);
        private readonly OscSubscriptions _subscriptions = new OscSubscriptions();
        private int _peer;
        private int _tick;

        public OscRemote(MixBoxApp app, OscPacketQueue queue, IOscSender sender)
        {
            _app = app;
            _queue = queue;
            _sender = sender;
        }

        /// <summary>Answers queries and pushes meters, but changes nothing.</summary>
        public bool ReadOnly { get; set; }

        public int Packets { get; private set; }
        public int Messages { get; private set; }
        /// <summary>Packets ignored as not OSC 1.0 (or larger than the bucket can ever pay for).</summary>
        public int Malformed { get; private set; }
        /// <summary>Well-formed messages to an address the box does not have, or with arguments it cannot use.</summary>
        public int Unknown { get; private set; }
        /// <summary>Writes ignored in read-only mode.</summary>
        public int Refused { get; private set; }
        /// <summary>Datagrams the transport dropped (queue full, too long).</summary>
        public int Dropped { get { return _queue.Dropped; } }
        public int MeterPushes { get; private set; }

        public void Tick()
        {
            _tick++;
            _bucket.Tick();
            byte[] buffer;
            int length;
            int peer;
            while (_queue.Peek(out buffer, out length, out peer))
            {
                int messages = _reader.Count(buffer, 0, length);
                if (messages < 0 || messages > _bucket.Capacity)
                {
                    Malformed++;
                    _queue.Release();
                    continue;
                }
                if (!_bucket.TryTake(messages)) break; // the rest waits for the next tick
                Packets++;
                _peer = peer;
                _reader.Read(buffer, 0, length, this);
                _queue.Release();
            }
            _subscriptions.Expire(_tick);
            if (_tick % MeterPushTicks == 0) PushMeters();
        }

        public void Handle(OscMessage m)
        {
            Messages++;
            int index;
            int node = OscNode.Find(m, out index);
            if (node == OscNode.None)
            {
                Unknown++;
                return;
            }
            if (OscNode.IsCommand(node))
            {
                Command(node, m);
                return;
            }
            if (OscNode.IsMeter(node))
            {
                // A meter is read, never written: an argument is a mistake, not a write.
                if (m.ArgumentCount == 0) AnswerMeter(node);
                else Unknown++;
                return;
            }
            if (m.ArgumentCount == 0)
            {
                Answer(node, index, m);
                return;
            }
            if (ReadOnly)
            {
                Refused++;
                return;
            }
            if (!Write(node, index, m)) Unknown++;
        }

        /// <summary>
        /// Memories and A/B as the store page does them (<see cref="MixBoxApp"/>); each answers its
        /// address with the memory (or 1 for A/B and undo) when it acted, or a string saying why not.
        /// </summary>
        private void SceneCommand(int node, OscMessage m)
        {
            if (ReadOnly)
            {
                Refused++;
                return;
            }
            int memory = 0;
            bool needsMemory = node == OscNode.SceneRecall || node == OscNode.SceneStore;
            if (needsMemory)
            {
                if (m.ArgumentCount != 1 || m.Tag(0) != 'i' || m.Int(0) < 1 || m.Int(0) > SceneMemories.Count)
                {
                    Unknown++;
                    return;
                }
                memory = m.Int(0);
            }
            bool done;
            string address;
            if (node == OscNode.SceneRecall)
            {
                done = _app.RecallMemory(memory - 1);
                address = "/scene/recall";
            }
            else if (node == OscNode.SceneStore)
            {
                done = _app.StoreMemory(memory - 1);
                address = "/scene/store";
            }
            else if (node == OscNode.SceneAb)
            {
                _app.ToggleAb();
                done = true;
                address = "/scene/ab";
            }
            else
            {
                done = _app.UndoRecall();
                address = "/scene/undo";
            }
            _writer.BeginMessage(address);
            if (done) _writer.Int(needsMemory ? memory : 1);
            else _writer.String(node == OscNode.SceneRecall ? "empty" : node == OscNode.SceneStore ? "not stored" : "nothing to undo");
            _writer.EndMessage();
            Send();
        }

        private void Command(int node, OscMessage m)
        {
            if (node == OscNode.Info)
            {
                _writer.BeginMessage("/info");
                _writer.String(BoxIdentity.Name);
                _writer.String(BoxIdentity.Model);
                _writer.String(BoxIdentity.FirmwareVersion);
                _writer.EndMessage();
                Send();
                return;
            }
            if (OscNode.IsSceneCommand(node))
            {
                SceneCommand(node, m);
                return;
            }
            int group;
            if (m.StringIs(0, "/meters/ch")) group = OscSubscriptions.GroupChannels;
            else if (m.StringIs(0, "/meters/main")) group = OscSubscriptions.GroupMain;
            else if (m.StringIs(0, "/meters/loudness")) group = OscSubscriptions.GroupLoudness;
            else
            {
                Unknown++;
                return;
            }
            if (node == OscNode.Subscribe) _subscriptions.Renew(_peer, group, _tick);
            else _subscriptions.Cancel(_peer, group);
        }

        private bool Write(int node, int index, OscMessage m)
        {
            SceneEditor editor = _app.Editor;
            float f;
            bool on;
            switch (node)
            {
                case OscNode.ChannelFader:
                case OscNode.ChannelFaderDb:
                    if (!m.TryNumber(0, out f)) return false;
                    editor.SetLevel(index, node == OscNode.ChannelFader ? FromTravel(f) : FromDb(f));
                    ChannelKnobsChanged(index);
                    return true;
                case OscNode.ChannelOn:
                    if (!m.TryBool(0, out on)) return false;
                    editor.SetMuted(index, !on);
                    return true;
                case OscNode.ChannelPan:
                    if (!m.TryNumber(0, out f)) return false;
                    editor.SetPan(index, Clamp(Round(f * 200) - 100, EngineLimits.PanMin, EngineLimits.PanMax));
                    return true;
                case OscNode.ChannelSub:
                    if (!m.TryNumber(0, out f)) return false;
                    editor.SetSubBus(index, Clamp(Round(f), 0, EngineLimits.SubBuses) - 1);
                    return true;
                case OscNode.SubFader:
                case OscNode.SubFaderDb:
                    if (!m.TryNumber(0, out f)) return false;
                    editor.SetSubLevel(index, node == OscNode.SubFader ? FromTravel(f) : FromDb(f));
                    return true;
                case OscNode.SubOn:
                    if (!m.TryBool(0, out on)) return false;
                    editor.SetSubMute(index, !on);
                    return true;
                case OscNode.MainFader:
                case OscNode.MainFaderDb:
                    if (!m.TryNumber(0, out f)) return false;
                    editor.SetMainLevel(node == OscNode.MainFader ? FromTravel(f) : FromDb(f));
                    _app.KnobValueChangedElsewhere(MixBoxS3Board.KnobMaster);
                    return true;
                case OscNode.CompThreshold:
                case OscNode.CompAmount:
                    if (!m.TryNumber(0, out f)) return false;
                    int threshold = node == OscNode.CompThreshold
                        ? Clamp(Round(f * 100), SceneRules.ThresholdMinCentiDb, SceneRules.ThresholdMaxCentiDb)
                        : CompressorAmount.ThresholdFromTravel(Travel(f));
                    editor.SetCompThreshold(threshold);
                    _app.KnobValueChangedElsewhere(MixBoxS3Board.KnobCompressorAmount);
                    return true;
                case OscNode.CompRatio:
                    if (!m.TryNumber(0, out f)) return false;
                    editor.SetCompRatio(Clamp(Round(f * 100), SceneRules.RatioMinX100, SceneRules.RatioMaxX100));
                    return true;
                case OscNode.CompMix:
                    if (!m.TryNumber(0, out f)) return false;
                    editor.SetCompMix(Clamp(Round(f), 0, 100));
                    return true;
                case OscNode.CompIn:
                    if (!m.TryBool(0, out on)) return false;
                    editor.SetCompressorIn(on);
                    return true;
                case OscNode.SceneTarget:
                    int target = TargetNamed(m);
                    if (target < 0) return false;
                    editor.SetTarget(target);
                    return true;
            }
            return false;
        }

        /// <summary>A query: the value, under the address it was asked by.</summary>
        private void Answer(int node, int index, OscMessage m)
        {
            Scene s = _app.Scene;
            _writer.BeginMessage(m.Buffer, m.AddressStart, m.AddressLength);
            switch (node)
            {
                case OscNode.ChannelFader: _writer.Float(TravelOf(s.FaderCentiDb[index])); break;
                case OscNode.ChannelFaderDb: _writer.Float(s.FaderCentiDb[index] / 100f); break;
                case OscNode.ChannelOn: _writer.Int(s.Mute[index] ? 0 : 1); break;
                case OscNode.ChannelPan: _writer.Float((s.Pan[index] + 100) / 200f); break;
                case OscNode.ChannelSub: _writer.Int(s.SubBus[index] + 1); break;
                case OscNode.SubFader: _writer.Float(TravelOf(s.SubFaderCentiDb[index])); break;
                case OscNode.SubFaderDb: _writer.Float(s.SubFaderCentiDb[index] / 100f); break;
                case OscNode.SubOn: _writer.Int(s.SubMute[index] ? 0 : 1); break;
                case OscNode.MainFader: _writer.Float(TravelOf(s.MainFaderCentiDb)); break;
                case OscNode.MainFaderDb: _writer.Float(s.MainFaderCentiDb / 100f); break;
                case OscNode.CompThreshold: _writer.Float(s.CompThresholdCentiDb / 100f); break;
                case OscNode.CompRatio: _writer.Float(s.CompRatioX100 / 100f); break;
                case OscNode.CompAmount: _writer.Float(CompressorAmount.TravelFromThreshold(s.CompThresholdCentiDb) / (float)FaderLaw.FullTravel); break;
                case OscNode.CompMix: _writer.Float(s.CompMixPercent); break;
                case OscNode.CompIn: _writer.Int(s.CompressorIn ? 1 : 0); break;
                case OscNode.SceneTarget: _writer.String(TargetPresets.KeyOf(s.Target)); break;
            }
            _writer.EndMessage();
            Send();
        }

        /// <summary>The target id a message's string argument names; -1 when it names none this box knows (compared in place: nothing allocated).</summary>
        private static int TargetNamed(OscMessage m)
        {
            if (m.StringIs(0, TargetPresets.NoTargetKey)) return TargetPresets.NoTarget;
            for (int i = 0; i < TargetPresets.All.Length; i++)
            {
                if (m.StringIs(0, TargetPresets.All[i].Key)) return TargetPresets.All[i].Id;
            }
            return -1;
        }

        private void PushMeters()
        {
            for (int i = 0; i < OscSubscriptions.Capacity; i++)
            {
                if (!_subscriptions.IsLive(i)) continue;
                WriteMeter(_subscriptions.Group(i));
                _peer = _subscriptions.Peer(i);
                Send();
                MeterPushes++;
            }
        }

        /// <summary>A meter query: the same message a subscription pushes, to the sender.</summary>
        private void AnswerMeter(int node)
        {
            WriteMeter(node == OscNode.MetersChannels ? OscSubscriptions.GroupChannels
                : node == OscNode.MetersMain ? OscSubscriptions.GroupMain : OscSubscriptions.GroupLoudness);
            Send();
        }

        /// <summary>One meter group's message, from the panel's view of the meters (the LEDs' own readings).</summary>
        private void WriteMeter(int group)
        {
            PanelView view = _app.View;
            if (group == OscSubscriptions.GroupChannels)
            {
                // Pre-fader input levels in dBFS, with the panel's ballistics.
                _writer.BeginMessage("/meters/ch");
                for (int c = 0; c < Scene.Channels; c++) _writer.Float(view.InputMeter(c).LevelCentiDb / 100f);
            }
            else if (group == OscSubscriptions.GroupMain)
            {
                // Main left, right (dBFS, the bus meters' mode) and gain reduction (dB).
                _writer.BeginMessage("/meters/main");
                _writer.Float(view.BusMeter(0).LevelCentiDb / 100f);
                _writer.Float(view.BusMeter(1).LevelCentiDb / 100f);
                _writer.Float(view.GainReductionCentiDb / 100f);
            }
            else
            {
                // Momentary (400 ms), short-term (3 s), integrated (gated) loudness in LUFS and the
                // true-peak max-hold in dBTP (ITU-R BS.1770-4); -200 = nothing measured yet.
                LoudnessReading l = view.Loudness;
                _writer.BeginMessage("/meters/loudness");
                _writer.Float(l.MomentaryCentiLufs / 100f);
                _writer.Float(l.ShortTermCentiLufs / 100f);
                _writer.Float(l.IntegratedCentiLufs / 100f);
                _writer.Float(l.TruePeakMaxCentiDb / 100f);
            }
            _writer.EndMessage();
        }

        private void Send()
        {
            if (!_writer.Overflowed) _sender.Send(_peer, _writer.Buffer, _writer.Length);
        }

        /// <summary>A channel's level moved: its knob (and a linked partner's) must pick the new value up.</summary>
        private void ChannelKnobsChanged(int channel)
        {
            _app.KnobValueChangedElsewhere(channel);
            if (StereoLink.IsLinked(_app.Scene, channel)) _app.KnobValueChangedElsewhere(StereoLink.Partner(channel));
        }

        private static int Travel(float fraction) { return Clamp(Round(fraction * FaderLaw.FullTravel), 0, FaderLaw.FullTravel); }

        private static int FromTravel(float fraction) { return FaderLaw.CentiDbFromTravel(Travel(fraction)); }

        private static float TravelOf(int centiDb) { return FaderLaw.TravelFromCentiDb(centiDb) / (float)FaderLaw.FullTravel; }

        private static int FromDb(float db)
        {
            int centiDb = Round(db * 100);
            if (centiDb < OffBelowCentiDb) return EngineLimits.FaderOffCentiDb;
            return Clamp(centiDb, OffBelowCentiDb, EngineLimits.FaderMaxCentiDb);
        }

        private static int Round(float value)
        {
            if (value > 1e8f) return 100000000;
            if (value < -1e8f) return -100000000;
            return value >= 0 ? (int)(value + 0.5f) : -(int)(-value + 0.5f);
        }

        private static int Clamp(int value, int low, int high)
        {
            return value < low ? low : value > high ? high : value;
        }
    }
}
