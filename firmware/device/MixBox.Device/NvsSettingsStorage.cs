using MixBox.Dsp;

namespace MixBox.Device
{
    /// <summary>
    /// The settings' two slots in NVS (through <see cref="NativeSettings"/>). Partial: the
    /// firmware's storage interface is attached in NvsSettingsStorage.Firmware.cs, so this
    /// file needs only CoreLibrary and stays in the nano compile check.
    /// </summary>
    public sealed partial class NvsSettingsStorage
    {
        /// <summary>The slot's bytes; false (data null) when the slot is empty, too large or unreadable.</summary>
        public bool TryRead(int slot, out byte[] data)
        {
            data = null;
            int length = NativeSettings.Length(slot);
            if (length < 0 || length > NativeSettings.MaxBytes) return false;
            byte[] buffer = new byte[length];
            if (NativeSettings.Read(slot, buffer) != length) return false;
            data = buffer;
            return true;
        }

        /// <summary>Replaces the slot's bytes (NVS commit); false if the write failed.</summary>
        public bool Write(int slot, byte[] data)
        {
            if (data == null || data.Length > NativeSettings.MaxBytes) return false;
            return NativeSettings.Write(slot, data) == 0;
        }
    }
}
