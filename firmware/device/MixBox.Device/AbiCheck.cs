using MixBox.Dsp;

namespace MixBox.Device
{
    /// <summary>
    /// Boot check: the engine in the firmware image (MIXBOX_ABI_VERSION) must be the one
    /// this app was built against (<see cref="EngineLimits.AbiVersion"/>). A mismatch
    /// means the image and the app come from different releases: flash both.
    /// </summary>
    public static class AbiCheck
    {
        public static bool Matches(int nativeAbiVersion)
        {
            return nativeAbiVersion == EngineLimits.AbiVersion;
        }

        public static string Describe(int nativeAbiVersion)
        {
            return "engine ABI in the image " + nativeAbiVersion.ToString("X8") + ", app expects "
                + EngineLimits.AbiVersion.ToString("X8")
                + (Matches(nativeAbiVersion) ? ": ok" : ": MISMATCH, flash the image and the app of one release");
        }
    }
}
