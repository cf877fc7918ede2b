namespace MixBox.Firmware
{
    /// <summary>
    /// The remote settings, kept atomically in their own two slots (<see cref="SettingsLayout.RemoteSlot"/>,
    /// <see cref="SlotPair"/>): nothing stored (a new box, or settings from a firmware before them) means
    /// the platform's defaults; damaged copies mean those defaults and a line in the boot report, and
    /// cost nothing else (the scene and the memories are records of their own).
    /// </summary>
    public sealed class RemoteSettingsStore
    {
        private readonly SlotPair _slots;

        public RemoteSettingsStore(ISettingsStorage storage)
        {
            _slots = new SlotPair(storage, SettingsLayout.RemoteSlot, RemoteSettingsCodec.Instance);
        }

        public SettingsOutcome Outcome { get { return _slots.Outcome; } }

        /// <param name="defaults">What applies when nothing valid is stored (device: off; the twin's panel: on).</param>
        public RemoteSettings Load(RemoteSettings defaults)
        {
            RemoteSettings stored = (RemoteSettings)_slots.LoadRecord();
            return stored != null ? stored : defaults;
        }

        public bool Save(RemoteSettings settings) { return _slots.SaveRecord(settings); }

        /// <summary>One line for the boot report when the stored copies were damaged; "" otherwise.</summary>
        public string Describe()
        {
            if (Outcome == SettingsOutcome.CorruptUsingDefaults) return "remote settings unreadable: defaults in use";
            if (Outcome == SettingsOutcome.RecoveredFromBackup) return "remote settings: one copy was damaged, the other was loaded";
            return "";
        }
    }
}
