namespace MixBox.Firmware
{
    /// <summary>
    /// Datagrams from the network thread to the control tick: a ring of preallocated slots.
    /// The receiver fills <see cref="ReceiveBuffer"/> in place and commits it; the tick peeks
    /// the oldest and releases it. A full ring drops the new datagram (counted): the control
    /// loop never waits on the network, and the network thread never on the control loop
    /// beyond a short lock.
    /// </summary>
    public sealed class OscPacketQueue
    {
        public const int DefaultSlots = 32;
        /// <summary>The largest datagram the box takes (its own answers are far smaller).</summary>
        public const int DefaultSlotBytes = 512;

        private readonly byte[][] _slots;
        private readonly int[] _lengths;
        private readonly int[] _peers;
        private readonly object _lock = new object();
        private int _head; // oldest committed
        private int _count;
        private int _dropped;

        public OscPacketQueue() : this(DefaultSlots, DefaultSlotBytes) { }

        public OscPacketQueue(int slots, int slotBytes)
        {
            _slots = new byte[slots][];
            for (int i = 0; i < slots; i++) _slots[i] = new byte[slotBytes];
            _lengths = new int[slots];
            _peers = new int[slots];
        }

        public int SlotBytes { get { return _slots[0].Length; } }

        /// <summary>Datagrams dropped because the ring was full or they were too long.</summary>
        public int Dropped { get { lock (_lock) return _dropped; } }

        public int Count { get { lock (_lock) return _count; } }

        /// <summary>
        /// The slot the next datagram is received into (network thread). While the ring is full
        /// it is a spare that <see cref="Commit"/> then drops.
        /// </summary>
        public byte[] ReceiveBuffer
        {
            get
            {
                lock (_lock) return _count < _slots.Length ? _slots[(_head + _count) % _slots.Length] : _spare;
            }
        }

        private readonly byte[] _spare = new byte[DefaultSlotBytes];

        /// <summary>A datagram was received into <paramref name="buffer"/> (the <see cref="ReceiveBuffer"/> taken before) from <paramref name="peer"/>.</summary>
        public void Commit(byte[] buffer, int peer, int length)
        {
            lock (_lock)
            {
                if (buffer == _spare || length > SlotBytes || length <= 0)
                {
                    _dropped++;
                    return;
                }
                int slot = (_head + _count) % _slots.Length;
                _lengths[slot] = length;
                _peers[slot] = peer;
                _count++;
            }
        }

        /// <summary>A datagram the receiver could not take at all (too long for a slot).</summary>
        public void CountDropped()
        {
            lock (_lock) _dropped++;
        }

        /// <summary>The oldest datagram (control tick), if any; it stays until <see cref="Release"/>.</summary>
        public bool Peek(out byte[] buffer, out int length, out int peer)
        {
            lock (_lock)
            {
                if (_count == 0)
                {
                    buffer = null;
                    length = 0;
                    peer = 0;
                    return false;
                }
                buffer = _slots[_head];
                length = _lengths[_head];
                peer = _peers[_head];
                return true;
            }
        }

        public void Release()
        {
            lock (_lock)
            {
                if (_count == 0) return;
                _head = (_head + 1) % _slots.Length;
                _count--;
            }
        }
    }
}
