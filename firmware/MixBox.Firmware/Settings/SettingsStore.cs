namespace MixBox.Firmware
{
    /// <summary>How loading the settings went; anything but Loaded/Migrated/Empty is a warning to show.</summary>
    public enum SettingsOutcome
    {
        /// <summary>Nothing stored yet (a new box): defaults, no warning.</summary>
        Empty,
        Loaded,
        /// <summary>An older schema was read and converted; saved in the new schema at the next store.</summary>
        Migrated,
        /// <summary>One slot was damaged; the other slot's scene was loaded.</summary>
        RecoveredFromBackup,
        /// <summary>No slot held a scene this firmware trusts: defaults are in use.</summary>
        CorruptUsingDefaults,
    }

    /// <summary>
    /// Atomic scene storage over two slots: each save goes to the slot that does NOT hold
    /// the newest good scene, with a sequence number one higher; loading takes the valid
    /// scene with the highest sequence. A power cut during a save therefore leaves the
    /// previous scene intact; a damaged slot falls back to the other; nothing valid means
    /// defaults plus a warning, never a box that fails to start.
    /// </summary>
    public sealed class SettingsStore
    {
        public const int Slots = 2;

        private readonly ISettingsStorage _storage;
        private int _newestSlot = -1;
        private uint _sequence;

        public SettingsStore(ISettingsStorage storage)
        {
            _storage = storage;
        }

        public SettingsOutcome Outcome { get; private set; }

        public Scene Load()
        {
            Scene best = null;
            int bestVersion = 0;
            int damaged = 0;
            for (int slot = 0; slot < Slots; slot++)
            {
                byte[] data;
                if (!_storage.TryRead(slot, out data) || data == null || data.Length == 0) continue;
                int version;
                uint sequence;
                Scene scene = SceneCodec.Decode(data, out version, out sequence);
                if (scene == null)
                {
                    damaged++;
                    continue;
                }
                if (best == null || IsNewer(sequence, _sequence))
                {
                    best = scene;
                    bestVersion = version;
                    _sequence = sequence;
                    _newestSlot = slot;
                }
            }

            if (best == null)
            {
                Outcome = damaged > 0 ? SettingsOutcome.CorruptUsingDefaults : SettingsOutcome.Empty;
                return new Scene();
            }
            if (damaged > 0) Outcome = SettingsOutcome.RecoveredFromBackup;
            else Outcome = bestVersion < SceneCodec.CurrentVersion ? SettingsOutcome.Migrated : SettingsOutcome.Loaded;
            return best;
        }

        /// <summary>
        /// Serial-number order (RFC 1982) on 32 bits: <paramref name="a"/> is newer when it
        /// is less than 2^31 saves ahead of <paramref name="b"/>, so 0 follows 0xFFFFFFFF.
        /// The two slots are always one save apart.
        /// </summary>
        private static bool IsNewer(uint a, uint b)
        {
            return unchecked((int)(a - b)) > 0;
        }

        /// <summary>Saves into the other slot; the previous scene stays until this one is complete.</summary>
        public bool Save(Scene scene)
        {
            int slot = _newestSlot == 0 ? 1 : 0;
            uint sequence = unchecked(_sequence + 1);
            if (!_storage.Write(slot, SceneCodec.Encode(scene, sequence))) return false;
            _newestSlot = slot;
            _sequence = sequence;
            return true;
        }
    }
}
