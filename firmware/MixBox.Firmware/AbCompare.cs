namespace MixBox.Firmware
{
    /// <summary>
    /// The A/B compare slot: two whole mixes, one sounding, the other held. The first toggle
    /// makes B a copy of A (nothing changes audibly; edits then go to B); every toggle after
    /// swaps the two, so each comes back exactly as it was left.
    /// </summary>
    public sealed class AbCompare
    {
        private Scene _held;

        /// <summary>B is the one sounding.</summary>
        public bool OnB { get; private set; }

        /// <summary>The mix to sound next; <paramref name="current"/> is held until the next toggle.</summary>
        public Scene Toggle(Scene current)
        {
            Scene next = _held != null ? _held : current.Clone();
            _held = current.Clone();
            OnB = !OnB;
            return next;
        }
    }
}
