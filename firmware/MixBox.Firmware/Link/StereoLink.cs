namespace MixBox.Firmware
{
    /// <summary>
    /// Stereo-linked channel pairs: inputs 1-2, 3-4, 5-6 and 7-8 (channels 2p and 2p+1, the
    /// left and right side of pair p). While linked, the left (odd-numbered) channel's level
    /// (fader and trim), mute, solo, polarity, routing and input settings (analogue gain, line/instrument) hold
    /// for both sides; the pans give way to the pair's balance (<see cref="BalanceLaw"/>) with
    /// the sides hard left and right. Meters stay per side. Unlinking leaves each side where
    /// it sounded, now under its own control.
    /// </summary>
    public static class StereoLink
    {
        public static int Pair(int channel) { return channel / 2; }

        /// <summary>0: the left (odd-numbered) side; 1: the right (even-numbered).</summary>
        public static int Side(int channel) { return channel & 1; }

        public static int Partner(int channel) { return channel ^ 1; }

        public static int LeftOf(int pair) { return 2 * pair; }

        public static bool IsLinked(Scene s, int channel) { return s.Linked[channel / 2]; }

        /// <summary>The pair's right side: its level knob is the balance, and it takes every shared setting from the left.</summary>
        public static bool IsLinkedRightSide(Scene s, int channel) { return IsLinked(s, channel) && Side(channel) == 1; }

        /// <summary>Links pair <paramref name="pair"/>: the right side takes the left's shared settings, balance centred.</summary>
        public static void Link(Scene s, int pair)
        {
            s.Linked[pair] = true;
            s.Balance[pair] = BalanceLaw.Centre;
            s.CopyChannel(s, LeftOf(pair), LeftOf(pair) + 1, false);
        }

        /// <summary>Unlinks pair <paramref name="pair"/>: each side keeps the level and place it had (the balance goes into its fader).</summary>
        public static void Unlink(Scene s, int pair)
        {
            int left = LeftOf(pair);
            int level = s.FaderCentiDb[left];
            s.FaderCentiDb[left] = BalanceLaw.SideFaderCentiDb(level, s.Balance[pair], 0);
            s.FaderCentiDb[left + 1] = BalanceLaw.SideFaderCentiDb(level, s.Balance[pair], 1);
            s.Pan[left] = -100;
            s.Pan[left + 1] = 100;
            s.Balance[pair] = BalanceLaw.Centre;
            s.Linked[pair] = false;
        }

        /// <summary>Makes every linked pair's right side agree with its left (a scene from storage or elsewhere).</summary>
        public static void Normalise(Scene s)
        {
            for (int pair = 0; pair < Scene.Pairs; pair++)
            {
                if (s.Linked[pair]) s.CopyChannel(s, LeftOf(pair), LeftOf(pair) + 1, false);
            }
        }

        /// <summary>The engine fader of a channel: its own, or its side of the pair's level and balance.</summary>
        public static int EngineFaderCentiDb(Scene s, int channel)
        {
            if (!IsLinked(s, channel)) return s.FaderCentiDb[channel];
            int pair = Pair(channel);
            return BalanceLaw.SideFaderCentiDb(s.FaderCentiDb[LeftOf(pair)], s.Balance[pair], Side(channel));
        }

        /// <summary>The engine pan of a channel: its own, or hard to its side of the pair.</summary>
        public static int EnginePan(Scene s, int channel)
        {
            if (!IsLinked(s, channel)) return s.Pan[channel];
            return Side(channel) == 0 ? -100 : 100;
        }
    }
}
