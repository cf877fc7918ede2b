namespace MixBox.Firmware
{
    /// <summary>
    /// The remote's address tree (docs/FIRMWARE.md, "OSC remote"), after digital-console
    /// conventions: which value an address names. <see cref="Find"/> reads the address of a
    /// message into a node and its channel or bus index.
    /// </summary>
    public static class OscNode
    {
        public const int None = 0;
        public const int ChannelFader = 1;     // /ch/NN/mix/fader        f 0..1 on the box's taper
        public const int ChannelFaderDb = 2;   // /ch/NN/mix/fader/db     f dB (-144 = off)
        public const int ChannelOn = 3;        // /ch/NN/mix/on           i 1 = sounding, 0 = muted
        public const int ChannelPan = 4;       // /ch/NN/mix/pan          f 0 left .. 0.5 .. 1 right
        public const int ChannelSub = 5;       // /ch/NN/grp/sub          i 0 = main, 1 or 2 = that sub-bus
        public const int SubFader = 6;         // /sub/N/mix/fader        f 0..1
        public const int SubFaderDb = 7;       // /sub/N/mix/fader/db     f dB
        public const int SubOn = 8;            // /sub/N/mix/on           i
        public const int MainFader = 9;        // /main/st/mix/fader      f 0..1
        public const int MainFaderDb = 10;     // /main/st/mix/fader/db   f dB
        public const int CompThreshold = 11;   // /bus/comp/threshold     f dB, -40..0
        public const int CompRatio = 12;       // /bus/comp/ratio         f 1..20 (:1)
        public const int CompAmount = 13;      // /bus/comp/amount        f 0..1, the amount knob's travel
        public const int CompMix = 14;         // /bus/comp/mix           f 0..100 % (parallel)
        public const int CompIn = 15;          // /bus/comp/in            i
        public const int SceneRecall = 16;     // /scene/recall           i memory 1..16 (through the recall safes)
        public const int Info = 17;            // /info                   discovery
        public const int Subscribe = 18;       // /subscribe              s "/meters/ch" | "/meters/main"
        public const int Unsubscribe = 19;     // /unsubscribe            s
        public const int SceneStore = 20;      // /scene/store            i memory 1..16
        public const int SceneAb = 21;         // /scene/ab               switch between the A and B mixes
        public const int SceneUndo = 22;       // /scene/undo             undo (again: redo) the last recall
        public const int MetersChannels = 23;  // /meters/ch              query: 8 x f pre-fader input levels, dBFS
        public const int MetersMain = 24;      // /meters/main            query: f L, f R (the bus meters' mode), f gain reduction dB
        public const int MetersLoudness = 25;  // /meters/loudness        query: f momentary, short-term, integrated LUFS, f true peak dBTP
        public const int SceneTarget = 26;     // /scene/target           s delivery target key ("none", "spotify", ...)

        /// <summary>The node of <paramref name="m"/>'s address; <paramref name="index"/> is 0-based.</summary>
        public static int Find(OscMessage m, out int index)
        {
            index = 0;
            int parts = m.PartCount;
            if (parts == 1)
            {
                if (m.PartIs(0, "info")) return Info;
                if (m.PartIs(0, "subscribe")) return Subscribe;
                if (m.PartIs(0, "unsubscribe")) return Unsubscribe;
                return None;
            }
            if (m.PartIs(0, "ch") && parts >= 4)
            {
                index = m.PartNumber(1) - 1;
                if (index < 0 || index >= Scene.Channels) return None;
                if (m.PartIs(2, "mix")) return Fader(m, 3, ChannelFader, ChannelFaderDb, ChannelOn, ChannelPan);
                if (parts == 4 && m.PartIs(2, "grp") && m.PartIs(3, "sub")) return ChannelSub;
                return None;
            }
            if (m.PartIs(0, "sub") && parts >= 4 && m.PartIs(2, "mix"))
            {
                index = m.PartNumber(1) - 1;
                if (index < 0 || index >= MixBox.Dsp.EngineLimits.SubBuses) return None;
                return Fader(m, 3, SubFader, SubFaderDb, SubOn, None);
            }
            if (m.PartIs(0, "main") && parts >= 4 && m.PartIs(1, "st") && m.PartIs(2, "mix"))
            {
                return Fader(m, 3, MainFader, MainFaderDb, None, None);
            }
            if (parts == 3 && m.PartIs(0, "bus") && m.PartIs(1, "comp"))
            {
                if (m.PartIs(2, "threshold")) return CompThreshold;
                if (m.PartIs(2, "ratio")) return CompRatio;
                if (m.PartIs(2, "amount")) return CompAmount;
                if (m.PartIs(2, "mix")) return CompMix;
                if (m.PartIs(2, "in")) return CompIn;
                return None;
            }
            if (parts == 2 && m.PartIs(0, "meters"))
            {
                if (m.PartIs(1, "ch")) return MetersChannels;
                if (m.PartIs(1, "main")) return MetersMain;
                if (m.PartIs(1, "loudness")) return MetersLoudness;
                return None;
            }
            if (parts == 2 && m.PartIs(0, "scene"))
            {
                if (m.PartIs(1, "recall")) return SceneRecall;
                if (m.PartIs(1, "store")) return SceneStore;
                if (m.PartIs(1, "ab")) return SceneAb;
                if (m.PartIs(1, "undo")) return SceneUndo;
                if (m.PartIs(1, "target")) return SceneTarget;
            }
            return None;
        }

        /// <summary>"…/fader", "…/fader/db", "…/on", "…/pan" from part <paramref name="at"/> on.</summary>
        private static int Fader(OscMessage m, int at, int fader, int faderDb, int on, int pan)
        {
            int parts = m.PartCount;
            if (m.PartIs(at, "fader"))
            {
                if (parts == at + 1) return fader;
                if (parts == at + 2 && m.PartIs(at + 1, "db")) return faderDb;
                return None;
            }
            if (parts != at + 1) return None;
            if (m.PartIs(at, "on")) return on;
            if (m.PartIs(at, "pan")) return pan;
            return None;
        }

        /// <summary>Nodes that only act (no value to query or set).</summary>
        public static bool IsCommand(int node)
        {
            return node == Info || node == Subscribe || node == Unsubscribe || IsSceneCommand(node);
        }

        /// <summary>Meters: queried (no argument) or subscribed to, never written.</summary>
        public static bool IsMeter(int node)
        {
            return node == MetersChannels || node == MetersMain || node == MetersLoudness;
        }

        /// <summary>Nodes that change the whole mix: refused in read-only mode like any write.</summary>
        public static bool IsSceneCommand(int node)
        {
            return node == SceneRecall || node == SceneStore || node == SceneAb || node == SceneUndo;
        }
    }
}
