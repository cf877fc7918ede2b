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
    /// The current scene (what the box restores at power-on), kept atomically in storage slots
    /// 0 and 1 (<see cref="SlotPair"/>). Nothing valid means defaults plus a warning, never a
    /// box that fails to start. The scene memories live in slots of their own
    /// (<see cref="SettingsLayout"/>).
    /// </summary>
    public sealed class SettingsStore
    {
        public const int Slots = 2;

        private readonly SlotPair _slots;

        public SettingsStore(ISettingsStorage storage)
        {
            _slots = new SlotPair(storage, SettingsLayout.CurrentSceneSlot);
        }

        public SettingsOutcome Outcome { get { return _slots.Outcome; } }

        public Scene Load()
        {
            Scene scene = _slots.Load();
            return scene != null ? scene : new Scene();
        }

        /// <summary>Saves into the other slot; the previous scene stays until this one is complete.</summary>
        public bool Save(Scene scene)
        {
            return _slots.Save(scene);
        }
    }
}
