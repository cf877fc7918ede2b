using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>
    /// Everything the box remembers: the mix as the user left it (user units), and the one
    /// description of a mix: <see cref="SceneApplier"/> is its only way into the engine, and
    /// `mixbox render` reads and writes it as JSON. The field initialisers are the box's
    /// power-on scene.
    /// </summary>
    public sealed class Scene
    {
        public const int Channels = 8;
        /// <summary>Odd/even channel pairs (1-2, 3-4, 5-6, 7-8) that can be stereo-linked.</summary>
        public const int Pairs = Channels / 2;
        /// <summary>The bus EQ's bells.</summary>
        public const int Bells = 2;

        public int[] FaderCentiDb = new int[Channels];
        /// <summary>Digital gain ahead of the fader, -20..+20 dB (shared by a linked pair).</summary>
        public int[] TrimCentiDb = new int[Channels];
        /// <summary>Ignored while the channel's pair is linked: its sides go hard left and right.</summary>
        public int[] Pan = new int[Channels];
        public bool[] Mute = new bool[Channels];
        public bool[] Solo = new bool[Channels];
        /// <summary>Polarity invert.</summary>
        public bool[] Invert = new bool[Channels];
        /// <summary>-1: straight to the main bus; 0 or 1: through that sub-bus instead.</summary>
        public int[] SubBus = new int[Channels];

        /// <summary>The ADC's analogue gain of each input, 0..42 dB (see Inputs/InputGain).</summary>
        public int[] InputGainDb = new int[Channels];
        /// <summary>Instrument input (high impedance) instead of line.</summary>
        public bool[] Instrument = new bool[Channels];
        /// <summary>
        /// Pair p (channels 2p and 2p+1) is stereo-linked: the odd channel's level, mute, solo,
        /// polarity, routing and input settings hold for both (Link/StereoLink).
        /// </summary>
        public bool[] Linked = new bool[Pairs];
        /// <summary>A linked pair's balance, -100 (left) .. +100 (right) (Link/BalanceLaw).</summary>
        public int[] Balance = new int[Pairs];
        public int[] SubFaderCentiDb = new int[EngineLimits.SubBuses];
        public bool[] SubMute = new bool[EngineLimits.SubBuses];
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
        /// <summary>The detector follows the average of |L| and |R| instead of the larger.</summary>
        public bool CompLinkAverage;

        /// <summary>Saturation drive after the compressor; 0 = off.</summary>
        public int DriveCentiDb;

        /// <summary>What the bus meters show (see <see cref="MeterMode"/>).</summary>
        public int MeterMode;
        /// <summary>Soft clip to the ceiling before the DAC.</summary>
        public bool OutputSafety = true;
        public int OutputCeilingCentiDb = -30;
        /// <summary>TPDF dither to 24 bits.</summary>
        public bool OutputDither;
        /// <summary>
        /// The safety stage is the look-ahead true-peak limiter (ceiling in dBTP, 0.5 ms of latency)
        /// instead of the zero-latency soft clip (ceiling in dBFS).
        /// </summary>
        public bool OutputTruePeak;

        // The mix-bus toolkit (docs/ENGINE.md "Mix-bus chain"); the power-on values are the
        // engine's defaults, so a box that never touched them is flat and out, bit for bit.

        /// <summary>The bus EQ after the compressor instead of before it.</summary>
        public bool EqAfterComp;
        /// <summary>0 (off) or one of <see cref="SceneRules.HighPassChoicesHz"/>.</summary>
        public int EqHighPassHz;
        /// <summary>12 or 18 dB/oct.</summary>
        public int EqHighPassSlope = 12;
        public int EqLowShelfHz = 100;
        public int EqLowShelfCentiDb;
        /// <summary>The gentle (Pultec-like) shelf slope.</summary>
        public bool EqLowShelfGentle;
        /// <summary>The two bells' centre, gain and Q x100 (index 0: bell 1).</summary>
        public int[] EqBellHz = { 300, 3000 };
        public int[] EqBellCentiDb = new int[Bells];
        public int[] EqBellQX100 = { 100, 100 };
        /// <summary>The bells' Q rises with their gain.</summary>
        public bool EqProportionalQ;
        public int EqHighShelfHz = 8000;
        public int EqHighShelfCentiDb;
        /// <summary>Low-pass ("air"): 0 (off) or 10000..20000 Hz.</summary>
        public int EqLowpassHz;

        public bool DeessOn;
        public int DeessHz = 6500;
        public int DeessThresholdCentiDb = -2000;
        public int DeessRangeCentiDb = 600;
        public int DeessReleaseMilliseconds = 60;
        /// <summary>Hear only what the de-esser's detector hears.</summary>
        public bool DeessListen;

        /// <summary>Side gain, 0..200 % (100: untouched).</summary>
        public int StereoWidthPercent = 100;
        /// <summary>0 (off) or one of <see cref="SceneRules.MonoBelowChoicesHz"/>.</summary>
        public int StereoMonoBelowHz;
        /// <summary>
        /// What the user calls this mix (a scene memory's name): up to <see cref="SceneRules.NameMaxChars"/>
        /// printable ASCII characters; empty when unnamed.
        /// </summary>
        public string Name = "";
        /// <summary>
        /// Where the mix is going (<see cref="TargetPresets"/>' id; <see cref="TargetPresets.NoTarget"/>: none):
        /// the LUFS meter mode shows loudness against it and watches its true-peak ceiling.
        /// </summary>
        public int Target = TargetPresets.NoTarget;

        public Scene()
        {
            for (int c = 0; c < Channels; c++)
            {
                SubBus[c] = EngineLimits.NoSubBus;
            }
        }

        /// <summary>
        /// Copies channel <paramref name="from"/>'s strip in <paramref name="source"/> onto channel
        /// <paramref name="to"/> here: every per-channel field, pan only when <paramref name="withPan"/>
        /// (a linked pair shares all but its pans). The one list of a channel's fields besides <see cref="Clone"/>.
        /// </summary>
        public void CopyChannel(Scene source, int from, int to, bool withPan)
        {
            FaderCentiDb[to] = source.FaderCentiDb[from];
            TrimCentiDb[to] = source.TrimCentiDb[from];
            if (withPan) Pan[to] = source.Pan[from];
            Mute[to] = source.Mute[from];
            Solo[to] = source.Solo[from];
            Invert[to] = source.Invert[from];
            SubBus[to] = source.SubBus[from];
            InputGainDb[to] = source.InputGainDb[from];
            Instrument[to] = source.Instrument[from];
        }

        public Scene Clone()
        {
            Scene copy = (Scene)MemberwiseClone();
            copy.FaderCentiDb = (int[])FaderCentiDb.Clone();
            copy.TrimCentiDb = (int[])TrimCentiDb.Clone();
            copy.Pan = (int[])Pan.Clone();
            copy.Mute = (bool[])Mute.Clone();
            copy.Solo = (bool[])Solo.Clone();
            copy.Invert = (bool[])Invert.Clone();
            copy.SubBus = (int[])SubBus.Clone();
            copy.InputGainDb = (int[])InputGainDb.Clone();
            copy.Instrument = (bool[])Instrument.Clone();
            copy.Linked = (bool[])Linked.Clone();
            copy.Balance = (int[])Balance.Clone();
            copy.SubFaderCentiDb = (int[])SubFaderCentiDb.Clone();
            copy.SubMute = (bool[])SubMute.Clone();
            copy.EqBellHz = (int[])EqBellHz.Clone();
            copy.EqBellCentiDb = (int[])EqBellCentiDb.Clone();
            copy.EqBellQX100 = (int[])EqBellQX100.Clone();
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
