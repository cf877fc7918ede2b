namespace MixBox.Firmware
{
    /// <summary>
    /// Where scenes live: two independent slots of bytes (NVS keys on the device, files in
    /// the twin). A write may be cut by power loss at any byte: the store above never
    /// overwrites the only good copy, so at most the write in flight is lost.
    /// </summary>
    public interface ISettingsStorage
    {
        /// <summary>The slot's bytes; false (data null) when the slot is empty or unreadable.</summary>
        bool TryRead(int slot, out byte[] data);

        /// <summary>Replaces the slot's bytes; false if the write failed.</summary>
        bool Write(int slot, byte[] data);
    }
}
