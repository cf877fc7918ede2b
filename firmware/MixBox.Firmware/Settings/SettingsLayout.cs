namespace MixBox.Firmware
{
    /// <summary>
    /// Which storage slot holds what. Every record is a scene in the stored form of
    /// <see cref="SceneCodec"/> (its own CRC), kept twice (<see cref="SlotPair"/>): the current
    /// scene in slots 0-1, memory m (0-based) in slots 2 + 2m and 3 + 2m, the remote settings in 34-35. Separate records, not
    /// one big one, so that storing a memory writes ~160 bytes instead of all 17 scenes, a power
    /// cut during it can cost only that store, and a damaged memory costs only itself.
    /// </summary>
    public static class SettingsLayout
    {
        public const int CurrentSceneSlot = 0;
        public const int Memories = 16;
        /// <summary>The remote settings (<see cref="RemoteSettingsStore"/>): slots 34-35, after the memories.</summary>
        public const int RemoteSlot = 2 + 2 * Memories;
        /// <summary>Every slot there is: NVS keys slot0..slot35 on the device, files in the twin.</summary>
        public const int Slots = RemoteSlot + 2;

        /// <summary>The first of memory <paramref name="memory"/>'s two slots (0-based memory).</summary>
        public static int MemorySlot(int memory) { return 2 + 2 * memory; }
    }
}
