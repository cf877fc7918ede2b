namespace MixBox.Firmware
{
    /// <summary>
    /// Meter subscriptions: a peer asks for a meter group with "/subscribe" and gets it pushed
    /// every <see cref="OscRemote.MeterPushTicks"/> ticks for <see cref="LifetimeTicks"/>
    /// (10 s) from its last request, so a client that goes away costs nothing for long.
    /// </summary>
    public sealed class OscSubscriptions
    {
        public const int Capacity = 8;
        public const int LifetimeTicks = 10 * MixBoxApp.TicksPerSecond;
        public const int GroupChannels = 0; // /meters/ch
        public const int GroupMain = 1;     // /meters/main
        public const int GroupLoudness = 2; // /meters/loudness

        private readonly int[] _peer = new int[Capacity];
        private readonly int[] _group = new int[Capacity];
        private readonly int[] _expires = new int[Capacity];
        private readonly bool[] _live = new bool[Capacity];

        /// <summary>Subscribes or renews; false when every place is taken by a live subscription.</summary>
        public bool Renew(int peer, int group, int now)
        {
            int free = -1;
            for (int i = 0; i < Capacity; i++)
            {
                if (_live[i] && _peer[i] == peer && _group[i] == group)
                {
                    _expires[i] = now + LifetimeTicks;
                    return true;
                }
                if (!_live[i] && free < 0) free = i;
            }
            if (free < 0) return false;
            _live[free] = true;
            _peer[free] = peer;
            _group[free] = group;
            _expires[free] = now + LifetimeTicks;
            return true;
        }

        public void Cancel(int peer, int group)
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (_live[i] && _peer[i] == peer && _group[i] == group) _live[i] = false;
            }
        }

        /// <summary>Ends the subscriptions whose time is up.</summary>
        public void Expire(int now)
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (_live[i] && now - _expires[i] >= 0) _live[i] = false;
            }
        }

        public bool IsLive(int i) { return _live[i]; }

        public int Peer(int i) { return _peer[i]; }

        public int Group(int i) { return _group[i]; }
    }
}
