namespace MixBox.Firmware
{
    /// <summary>
    /// The OSC remote's stored settings (docs/FIRMWARE.md, "OSC remote"): whether the box serves a
    /// remote at all (a box on a network answers anyone on it, so the device ships with it off) and
    /// whether a remote may change the mix. Box settings, not part of a scene: a recall, an A/B
    /// switch or a remote can never turn the remote on or make it writable.
    /// </summary>
    public sealed class RemoteSettings
    {
        public RemoteSettings(bool enabled, bool readOnly)
        {
            Enabled = enabled;
            ReadOnly = readOnly;
        }

        /// <summary>The remote is served (on the device: its UDP socket opened at boot).</summary>
        public bool Enabled { get; private set; }

        /// <summary>Queries and meters only: nothing a remote sends changes the mix.</summary>
        public bool ReadOnly { get; private set; }

        /// <summary>The device's power-on settings: no remote until the user enables one.</summary>
        public static RemoteSettings DeviceDefaults() { return new RemoteSettings(false, false); }
    }
}
