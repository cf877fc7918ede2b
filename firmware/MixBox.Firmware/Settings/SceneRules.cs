using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>
    /// The ranges a scene's values must keep: those the engine accepts (mixbox_engine.h). The
    /// constants are the one statement of them on the C# side (the render's scene reader quotes
    /// them in its messages).
    /// </summary>
    public static class SceneRules
    {
        public const int ThresholdMinCentiDb = -4000;
        public const int ThresholdMaxCentiDb = 0;
        public const int RatioMinX100 = 100;
        public const int RatioMaxX100 = 2000;
        public const int AttackMinMicroseconds = 100;
        public const int AttackMaxMicroseconds = 30000;
        /// <summary>Release 0 means auto; otherwise within these.</summary>
        public const int ReleaseMinMilliseconds = 50;
        public const int ReleaseMaxMilliseconds = 2000;
        public const int KneeMaxCentiDb = 1200;
        public const int MakeupMaxCentiDb = 2000;
        /// <summary>Side-chain high-pass 0 means off; otherwise within these.</summary>
        public const int SidechainMinHz = 20;
        public const int SidechainMaxHz = 500;
        public const int DriveMaxCentiDb = 1800;
        public const int CeilingMinCentiDb = -600;
        public const int CeilingMaxCentiDb = 0;

        // The mix-bus toolkit (mixbox_engine.h, MIXBOX_PARAM_DEESS_* .. STEREO_*).
        /// <summary>Bus EQ high-pass corners (0 = off is allowed too).</summary>
        public static readonly int[] HighPassChoicesHz = { 20, 30, 40, 60, 80, 100, 150 };
        public const int HighPassSlopeGentle = 12;
        public const int HighPassSlopeSteep = 18;
        public const int EqGainMaxCentiDb = 1200;
        public const int LowShelfMinHz = 30;
        public const int LowShelfMaxHz = 300;
        public const int BellMinHz = 60;
        public const int BellMaxHz = 8000;
        public const int BellMinQX100 = 40;
        public const int BellMaxQX100 = 400;
        public const int HighShelfMinHz = 1500;
        public const int HighShelfMaxHz = 16000;
        /// <summary>Low-pass 0 means off; otherwise within these.</summary>
        public const int LowpassMinHz = 10000;
        public const int LowpassMaxHz = 20000;
        public const int DeessMinHz = 2000;
        public const int DeessMaxHz = 12000;
        public const int DeessThresholdMinCentiDb = -5000;
        public const int DeessThresholdMaxCentiDb = 0;
        public const int DeessRangeMaxCentiDb = 1200;
        public const int DeessReleaseMinMilliseconds = 20;
        public const int DeessReleaseMaxMilliseconds = 300;
        public const int WidthMaxPercent = 200;
        /// <summary>Mono-below corners (0 = off is allowed too).</summary>
        public static readonly int[] MonoBelowChoicesHz = { 60, 100, 150, 200 };
        /// <summary>A name fits a 16-character display line.</summary>
        public const int NameMaxChars = 16;

        public static bool IsValid(Scene s)
        {
            if (!IsValidName(s.Name)) return false;
            for (int c = 0; c < Scene.Channels; c++)
            {
                if (!Fader(s.FaderCentiDb[c]) || !In(s.Pan[c], EngineLimits.PanMin, EngineLimits.PanMax)) return false;
                if (!In(s.TrimCentiDb[c], EngineLimits.TrimMinCentiDb, EngineLimits.TrimMaxCentiDb)) return false;
                if (!In(s.SubBus[c], EngineLimits.NoSubBus, EngineLimits.SubBuses - 1)) return false;
                if (!In(s.InputGainDb[c], 0, InputGain.MaxDb)) return false;
            }
            for (int p = 0; p < Scene.Pairs; p++)
            {
                if (!In(s.Balance[p], BalanceLaw.Left, BalanceLaw.Right)) return false;
            }
            for (int b = 0; b < EngineLimits.SubBuses; b++)
            {
                if (!Fader(s.SubFaderCentiDb[b])) return false;
            }
            return Fader(s.MainFaderCentiDb)
                && In(s.CompThresholdCentiDb, ThresholdMinCentiDb, ThresholdMaxCentiDb)
                && In(s.CompRatioX100, RatioMinX100, RatioMaxX100)
                && In(s.CompAttackMicroseconds, AttackMinMicroseconds, AttackMaxMicroseconds)
                && (s.CompReleaseMilliseconds == 0 || In(s.CompReleaseMilliseconds, ReleaseMinMilliseconds, ReleaseMaxMilliseconds))
                && In(s.CompKneeCentiDb, 0, KneeMaxCentiDb)
                && In(s.CompMakeupCentiDb, 0, MakeupMaxCentiDb)
                && In(s.CompMixPercent, 0, 100)
                && (s.CompSidechainHighPassHz == 0 || In(s.CompSidechainHighPassHz, SidechainMinHz, SidechainMaxHz))
                && In(s.DriveCentiDb, 0, DriveMaxCentiDb)
                && In(s.OutputCeilingCentiDb, CeilingMinCentiDb, CeilingMaxCentiDb)
                && In(s.MeterMode, 0, MeterMode.Count - 1)
                && TargetPresets.IsValidId(s.Target)
                && IsValidToolkit(s);
        }

        /// <summary>The bus EQ, de-esser and stereo tools.</summary>
        public static bool IsValidToolkit(Scene s)
        {
            for (int b = 0; b < Scene.Bells; b++)
            {
                if (!In(s.EqBellHz[b], BellMinHz, BellMaxHz) || !EqGain(s.EqBellCentiDb[b])) return false;
                if (!In(s.EqBellQX100[b], BellMinQX100, BellMaxQX100)) return false;
            }
            return (s.EqHighPassHz == 0 || OneOf(s.EqHighPassHz, HighPassChoicesHz))
                && (s.EqHighPassSlope == HighPassSlopeGentle || s.EqHighPassSlope == HighPassSlopeSteep)
                && In(s.EqLowShelfHz, LowShelfMinHz, LowShelfMaxHz) && EqGain(s.EqLowShelfCentiDb)
                && In(s.EqHighShelfHz, HighShelfMinHz, HighShelfMaxHz) && EqGain(s.EqHighShelfCentiDb)
                && (s.EqLowpassHz == 0 || In(s.EqLowpassHz, LowpassMinHz, LowpassMaxHz))
                && In(s.DeessHz, DeessMinHz, DeessMaxHz)
                && In(s.DeessThresholdCentiDb, DeessThresholdMinCentiDb, DeessThresholdMaxCentiDb)
                && In(s.DeessRangeCentiDb, 0, DeessRangeMaxCentiDb)
                && In(s.DeessReleaseMilliseconds, DeessReleaseMinMilliseconds, DeessReleaseMaxMilliseconds)
                && In(s.StereoWidthPercent, 0, WidthMaxPercent)
                && (s.StereoMonoBelowHz == 0 || OneOf(s.StereoMonoBelowHz, MonoBelowChoicesHz));
        }

        public static bool OneOf(int value, int[] choices)
        {
            for (int i = 0; i < choices.Length; i++)
            {
                if (choices[i] == value) return true;
            }
            return false;
        }

        private static bool EqGain(int centiDb) { return In(centiDb, -EqGainMaxCentiDb, EqGainMaxCentiDb); }

        /// <summary>Up to <see cref="NameMaxChars"/> printable ASCII characters (the panel's and NVS's alphabet).</summary>
        public static bool IsValidName(string name)
        {
            if (name == null || name.Length > NameMaxChars) return false;
            for (int i = 0; i < name.Length; i++)
            {
                if (name[i] < ' ' || name[i] > '~') return false;
            }
            return true;
        }

        private static bool Fader(int centiDb) { return In(centiDb, EngineLimits.FaderOffCentiDb, EngineLimits.FaderMaxCentiDb); }

        private static bool In(int value, int low, int high) { return value >= low && value <= high; }
    }
}
