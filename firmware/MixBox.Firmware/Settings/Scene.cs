using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>Everything the box remembers: the mix as the user left it (user units).</summary>
    public sealed class Scene
    {
        public const int Channels = 8;

        public int[] FaderCentiDb = new int[Channels];
        public int[] Pan = new int[Channels];
        public bool[] Mute = new bool[Channels];
        public bool[] Solo = new bool[Channels];
        /// <summary>-1: straight to the main bus; 0 or 1: through that sub-bus instead.</summary>
        public int[] SubBus = new int[Channels];
        public int[] SubFaderCentiDb = new int[EngineLimits.SubBuses];
        public int MainFaderCentiDb;

        public bool CompressorIn;
        public int CompThresholdCentiDb = -1000;
        public int CompRatioX100 = 400;
        public int CompAttackMicroseconds = 10000;
        /// <summary>0 = Auto.</summary>
        public int CompReleaseMilliseconds;
        public int CompKneeCentiDb = 600;
        public int CompMakeupCentiDb;
        public int CompMixPercent = 100;
        public int CompSidechainHighPassHz;

        /// <summary>What the bus meters show (see <see cref="MeterMode"/>).</summary>
        public int MeterMode;
        /// <summary>Soft clip to -0.3 dBFS before the DAC.</summary>
        public bool OutputSafety = true;
        public bool OutputDither;

        public Scene()
        {
            for (int c = 0; c < Channels; c++)
            {
                SubBus[c] = EngineLimits.NoSubBus;
            }
        }

        public Scene Clone()
        {
            Scene copy = (Scene)MemberwiseClone();
            copy.FaderCentiDb = (int[])FaderCentiDb.Clone();
            copy.Pan = (int[])Pan.Clone();
            copy.Mute = (bool[])Mute.Clone();
            copy.Solo = (bool[])Solo.Clone();
            copy.SubBus = (int[])SubBus.Clone();
            copy.SubFaderCentiDb = (int[])SubFaderCentiDb.Clone();
            return copy;
        }
    }

    /// <summary>The bus meters' display modes, cycled by the meter-mode key.</summary>
    public static class MeterMode
    {
        public const int Peak = 0;
        public const int Rms = 1;
        /// <summary>Momentary loudness (LUFS) on both ladders.</summary>
        public const int Loudness = 2;
        public const int Count = 3;
    }
}
