using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>What boot found: the hardware, and how the settings loaded.</summary>
    public sealed class BootReport
    {
        public BootReport(BringUpReport hardware, SettingsOutcome settings)
        {
            Hardware = hardware;
            Settings = settings;
        }

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
            return text;
        }
    }
}
