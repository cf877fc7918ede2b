using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>What boot found: the hardware, and how the settings loaded.</summary>
    public sealed class BootReport
    {
        /// <param name="memories">One line per scene memory that did not load cleanly ("" when none).</param>
        public BootReport(BringUpReport hardware, SettingsOutcome settings, string memories) : this(hardware, settings, memories, "")
        {
        }

        /// <param name="remote">A line when the remote settings did not load cleanly ("" when they did).</param>
        public BootReport(BringUpReport hardware, SettingsOutcome settings, string memories, string remote)
        {
            Hardware = hardware;
            Settings = settings;
            Memories = memories;
            Remote = remote;
        }

        /// <summary>The remote settings' line when their copies were damaged; "" when they loaded (or were never stored).</summary>
        public string Remote { get; private set; }

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
            if (Remote.Length > 0) text += "\n" + Remote;
            return text;
        }
    }
}
