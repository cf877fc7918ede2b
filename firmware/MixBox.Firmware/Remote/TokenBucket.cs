namespace MixBox.Firmware
{
    /// <summary>
    /// A token bucket: <see cref="RefillPerTick"/> tokens a control tick, at most
    /// <see cref="Capacity"/> saved up. The remote spends one per message, so a flood costs
    /// the control loop a bounded amount of work per tick and the knobs keep their time.
    /// </summary>
    public sealed class TokenBucket
    {
        private int _tokens;

        public TokenBucket(int capacity, int refillPerTick)
        {
            Capacity = capacity;
            RefillPerTick = refillPerTick;
            _tokens = capacity;
        }

        public int Capacity { get; private set; }
        public int RefillPerTick { get; private set; }
        public int Tokens { get { return _tokens; } }

        public void Tick()
        {
            _tokens += RefillPerTick;
            if (_tokens > Capacity) _tokens = Capacity;
        }

        /// <summary>Takes <paramref name="cost"/> tokens if there are that many.</summary>
        public bool TryTake(int cost)
        {
            if (cost > _tokens) return false;
            _tokens -= cost;
            return true;
        }
    }
}
