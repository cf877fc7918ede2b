namespace MixBox.Firmware
{
    /// <summary>
    /// The stored form of one kind of record kept in a <see cref="SlotPair"/>: a scene
    /// (<see cref="SceneCodec"/>) or the remote settings (<see cref="RemoteSettingsCodec"/>). Each
    /// carries its own version, save sequence and CRC.
    /// </summary>
    public interface IRecordCodec
    {
        /// <summary>The version this firmware writes; a record read at a lower one was migrated.</summary>
        int CurrentVersion { get; }

        byte[] Encode(object record, uint sequence);

        /// <summary>The record, or null when the data is not one this firmware can trust.</summary>
        object Decode(byte[] data, out int version, out uint sequence);
    }
}
