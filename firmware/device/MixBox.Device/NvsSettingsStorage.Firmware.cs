using MixBox.Firmware;

namespace MixBox.Device
{
    // The firmware app's storage interface (firmware/MixBox.Firmware/Settings/ISettingsStorage.cs):
    // TryRead/Write are implemented in NvsSettingsStorage.cs.
    public sealed partial class NvsSettingsStorage : ISettingsStorage
    {
    }
}
