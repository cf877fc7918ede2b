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

        public static bool IsValid(Scene s)
        {
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
                && In(s.MeterMode, 0, MeterMode.Count - 1);
        }

        private static bool Fader(int centiDb) { return In(centiDb, EngineLimits.FaderOffCentiDb, EngineLimits.FaderMaxCentiDb); }

        private static bool In(int value, int low, int high) { return value >= low && value <= high; }
    }
}
