namespace MixBox.Firmware
{
    /// <summary>
    /// One record (a scene, or the remote settings: <see cref="IRecordCodec"/>) kept atomically in two storage slots: each save goes to the slot that does NOT
    /// hold the newest good copy, with a sequence number one higher; loading takes the valid
    /// copy with the highest sequence. A power cut during a save therefore leaves the previous
    /// copy intact, and a damaged slot falls back to the other. Used for the current scene
    /// (<see cref="SettingsStore"/>) and for each scene memory (<see cref="SceneMemories"/>).
    /// </summary>
    public sealed class SlotPair
    {
        private readonly ISettingsStorage _storage;
        private readonly int _firstSlot;
        private readonly IRecordCodec _codec;
        private int _newest = -1;
        private uint _sequence;

        /// <param name="firstSlot">The pair is storage slots <paramref name="firstSlot"/> and the next one.</param>
        public SlotPair(ISettingsStorage storage, int firstSlot) : this(storage, firstSlot, SceneRecordCodec.Instance)
        {
        }

        /// <param name="codec">The kind of record the pair holds.</param>
        public SlotPair(ISettingsStorage storage, int firstSlot, IRecordCodec codec)
        {
            _storage = storage;
            _firstSlot = firstSlot;
            _codec = codec;
        }

        /// <summary>How the last <see cref="Load"/> went (Empty, Loaded, Migrated, RecoveredFromBackup, CorruptUsingDefaults).</summary>
        public SettingsOutcome Outcome { get; private set; }

        /// <summary>The newest valid scene, or null (Outcome says whether none was stored or all were damaged).</summary>
        public Scene Load() { return (Scene)LoadRecord(); }

        /// <summary>Saves a scene into the other slot; the previous copy stays until this one is complete.</summary>
        public bool Save(Scene scene) { return SaveRecord(scene); }

        /// <summary>The newest valid copy, or null (Outcome says whether none was stored or all were damaged).</summary>
        public object LoadRecord()
        {
            object best = null;
            int bestVersion = 0;
            int damaged = 0;
            for (int copy = 0; copy < 2; copy++)
            {
                byte[] data;
                if (!_storage.TryRead(_firstSlot + copy, out data) || data == null || data.Length == 0) continue;
                int version;
                uint sequence;
                object record = _codec.Decode(data, out version, out sequence);
                if (record == null)
                {
                    damaged++;
                    continue;
                }
                if (best == null || IsNewer(sequence, _sequence))
                {
                    best = record;
                    bestVersion = version;
                    _sequence = sequence;
                    _newest = copy;
                }
            }

            if (best == null) Outcome = damaged > 0 ? SettingsOutcome.CorruptUsingDefaults : SettingsOutcome.Empty;
            else if (damaged > 0) Outcome = SettingsOutcome.RecoveredFromBackup;
            else Outcome = bestVersion < _codec.CurrentVersion ? SettingsOutcome.Migrated : SettingsOutcome.Loaded;
            return best;
        }

        /// <summary>
        /// Serial-number order (RFC 1982) on 32 bits: <paramref name="a"/> is newer when it
        /// is less than 2^31 saves ahead of <paramref name="b"/>, so 0 follows 0xFFFFFFFF.
        /// The two copies are always one save apart.
        /// </summary>
        private static bool IsNewer(uint a, uint b)
        {
            return unchecked((int)(a - b)) > 0;
        }

        /// <summary>Saves into the other slot; the previous copy stays until this one is complete.</summary>
        public bool SaveRecord(object record)
        {
            int copy = _newest == 0 ? 1 : 0;
            uint sequence = unchecked(_sequence + 1);
            if (!_storage.Write(_firstSlot + copy, _codec.Encode(record, sequence))) return false;
            _newest = copy;
            _sequence = sequence;
            return true;
        }
    }
}
