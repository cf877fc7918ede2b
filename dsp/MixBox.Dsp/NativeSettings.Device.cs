using System.Runtime.CompilerServices;

namespace MixBox.Dsp
{
    /// <summary>
    /// Device only: slots of bytes in the ESP32's NVS partition (namespace "mixbox", keys
    /// "slot0" .. "slot33": the current scene and the 16 scene memories, two copies each, as
    /// the firmware's SettingsLayout places them; firmware/native/mixbox_settings_nvs.c). NVS is outside
    /// the areas nanoff writes with --update and --deploy, so slots survive updates.
    /// </summary>
    public static class NativeSettings
    {
        public const int Slots = 34;

        /// <summary>Largest blob a slot takes (bytes).</summary>
        public const int MaxBytes = 4000;

        /// <summary>The slot's length in bytes, or a negative <see cref="DeviceStatus"/> (NotFound when empty).</summary>
        public static int Length(int slot) { return NativeLength(slot); }

        /// <summary>Reads the slot into <paramref name="buffer"/> (at least <see cref="Length"/> bytes); bytes read or negative.</summary>
        public static int Read(int slot, byte[] buffer) { return NativeRead(slot, buffer); }

        /// <summary>Replaces the slot with all of <paramref name="data"/> and commits; 0 or negative.</summary>
        public static int Write(int slot, byte[] data) { return NativeWrite(slot, data); }

        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeLength(int slot);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeRead(int slot, byte[] buffer);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeWrite(int slot, byte[] data);
    }
}
