using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>The ranges a scene's values must keep: those the engine accepts (mixbox_engine.h).</summary>
    public static class SceneRules
    {
        public static bool IsValid(Scene s)
        {
            for (int c = 0; c < Scene.Channels; c++)
            {
                if (!Fader(s.FaderCentiDb[c]) || !In(s.Pan[c], -100, 100)) return false;
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
                && In(s.CompThresholdCentiDb, -4000, 0)
                && In(s.CompRatioX100, 100, 2000)
                && In(s.CompAttackMicroseconds, 100, 30000)
                && (s.CompReleaseMilliseconds == 0 || In(s.CompReleaseMilliseconds, 50, 2000))
                && In(s.CompKneeCentiDb, 0, 1200)
                && In(s.CompMakeupCentiDb, 0, 2000)
                && In(s.CompMixPercent, 0, 100)
                && (s.CompSidechainHighPassHz == 0 || In(s.CompSidechainHighPassHz, 20, 500))
                && In(s.MeterMode, 0, MeterMode.Count - 1);
        }

        private static bool Fader(int centiDb) { return In(centiDb, EngineLimits.FaderOffCentiDb, EngineLimits.FaderMaxCentiDb); }

        private static bool In(int value, int low, int high) { return value >= low && value <= high; }
    }
}
