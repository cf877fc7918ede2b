using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>What boot found: the hardware, and how the settings loaded.</summary>
    public sealed class BootReport
    {
        /// <param name="memories">One line per scene memory that did not load cleanly ("" when none).</param>
        public BootReport(BringUpReport hardware, SettingsOutcome settings, string memories)
        {
            Hardware = hardware;
            Settings = settings;
            Memories = memories;
        }

        /// <summary>The scene memories that did not load cleanly, a line each; "" when all did.</summary>
        public string Memories { get; private set; }

        public BringUpReport Hardware { get; private set; }

        public SettingsOutcome Settings { get; private set; }

        public bool SettingsWarning
        {
            get { return Settings == SettingsOutcome.CorruptUsingDefaults || Settings == SettingsOutcome.RecoveredFromBackup; }
        }

        public string Describe()
        {
            string text = Hardware.Describe();
            if (Settings == SettingsOutcome.CorruptUsingDefaults) text += "\nsettings unreadable: defaults in use (store to keep the current mix)";
            else if (Settings == SettingsOutcome.RecoveredFromBackup) text += "\nsettings: one copy was damaged, the other was loaded";
            else if (Settings == SettingsOutcome.Migrated) text += "\nsettings: converted from an older firmware";
            if (Memories.Length > 0) text += "\n" + Memories;
            return text;
        }
    }
}
