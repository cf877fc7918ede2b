using MixBox.Firmware;

namespace MixBox.Device
{
    /// <summary>
    /// The OSC remote on the device: off unless enabled here (a box on a network answers
    /// anyone on it). The network itself (Wi-Fi credentials, address) is nanoFramework's own
    /// configuration of the ESP32-S3, set with its tools, not MixBox's.
    /// </summary>
    public static class RemoteSettings
    {
        public static readonly bool Enabled = false;
        /// <summary>Queries and meters only: nothing a remote sends changes the mix.</summary>
        public static readonly bool ReadOnly = false;
        public const int Port = OscRemote.DefaultPort;
    }
}
