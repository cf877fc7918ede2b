using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>
    /// The bus page's knob controls: each one scene field of the mix-bus toolkit, its engine
    /// parameter, and its taper (<see cref="KnobTaper"/>): frequencies, Q and release
    /// exponential; gains centred on 0 dB with a detent, in 0.1 dB steps; width centred on
    /// 100 %; the high-pass and mono-below corners stepped; the low-pass off at the bottom 5 %,
    /// then 10..20 kHz.
    /// </summary>
    public static class BusControl
    {
        public const int None = -1;
        public const int HighPass = 0;
        public const int LowShelfHz = 1;
        public const int LowShelfGain = 2;
        public const int Bell1Hz = 3;
        public const int Bell1Gain = 4;
        public const int Bell1Q = 5;
        public const int Bell2Hz = 6;
        public const int Bell2Gain = 7;
        public const int Bell2Q = 8;
        public const int HighShelfHz = 9;
        public const int HighShelfGain = 10;
        public const int Lowpass = 11;
        public const int DeessHz = 12;
        public const int DeessThreshold = 13;
        public const int DeessRange = 14;
        public const int DeessRelease = 15;
        public const int Width = 16;
        public const int MonoBelow = 17;
        public const int Count = 18;

        /// <summary>Gains move in 0.1 dB steps (fewer engine writes than centi-dB, finer than an ear).</summary>
        public const int GainStepCentiDb = 10;
        /// <summary>The low-pass knob's bottom share that means off.</summary>
        public const int LowpassOffTravel = KnobTaper.FullTravel / 20;

        public static EngineParam Param(int control)
        {
            switch (control)
            {
                case HighPass: return EngineParam.EqHighPassHz;
                case LowShelfHz: return EngineParam.EqLowShelfHz;
                case LowShelfGain: return EngineParam.EqLowShelfCentiDb;
                case Bell1Hz: return EngineParam.EqBell1Hz;
                case Bell1Gain: return EngineParam.EqBell1CentiDb;
                case Bell1Q: return EngineParam.EqBell1QX100;
                case Bell2Hz: return EngineParam.EqBell2Hz;
                case Bell2Gain: return EngineParam.EqBell2CentiDb;
                case Bell2Q: return EngineParam.EqBell2QX100;
                case HighShelfHz: return EngineParam.EqHighShelfHz;
                case HighShelfGain: return EngineParam.EqHighShelfCentiDb;
                case Lowpass: return EngineParam.EqLowpassHz;
                case DeessHz: return EngineParam.DeessHz;
                case DeessThreshold: return EngineParam.DeessThresholdCentiDb;
                case DeessRange: return EngineParam.DeessRangeCentiDb;
                case DeessRelease: return EngineParam.DeessReleaseMilliseconds;
                case Width: return EngineParam.StereoWidthPercent;
                default: return EngineParam.StereoMonoBelowHz;
            }
        }

        /// <summary>The control's value in user units (the engine's) for a knob travel.</summary>
        public static int FromTravel(int control, int travel)
        {
            switch (control)
            {
                case HighPass: return OffOrChoice(KnobTaper.Step(travel, SceneRules.HighPassChoicesHz.Length + 1), SceneRules.HighPassChoicesHz);
                case LowShelfHz: return KnobTaper.Exponential(travel, SceneRules.LowShelfMinHz, SceneRules.LowShelfMaxHz);
                case Bell1Hz:
                case Bell2Hz: return KnobTaper.Exponential(travel, SceneRules.BellMinHz, SceneRules.BellMaxHz);
                case Bell1Q:
                case Bell2Q: return KnobTaper.Exponential(travel, SceneRules.BellMinQX100, SceneRules.BellMaxQX100);
                case HighShelfHz: return KnobTaper.Exponential(travel, SceneRules.HighShelfMinHz, SceneRules.HighShelfMaxHz);
                case Lowpass:
                    if (travel < LowpassOffTravel) return 0;
                    return KnobTaper.Exponential((travel - LowpassOffTravel) * KnobTaper.FullTravel / (KnobTaper.FullTravel - LowpassOffTravel),
                        SceneRules.LowpassMinHz, SceneRules.LowpassMaxHz);
                case DeessHz: return KnobTaper.Exponential(travel, SceneRules.DeessMinHz, SceneRules.DeessMaxHz);
                case DeessThreshold: return KnobTaper.Linear(travel, SceneRules.DeessThresholdMinCentiDb, SceneRules.DeessThresholdMaxCentiDb, 50);
                case DeessRange: return KnobTaper.Linear(travel, 0, SceneRules.DeessRangeMaxCentiDb, GainStepCentiDb);
                case DeessRelease: return KnobTaper.Exponential(travel, SceneRules.DeessReleaseMinMilliseconds, SceneRules.DeessReleaseMaxMilliseconds);
                case Width: return KnobTaper.Centred(travel, 100, SceneRules.WidthMaxPercent - 100, 1);
                case MonoBelow: return OffOrChoice(KnobTaper.Step(travel, SceneRules.MonoBelowChoicesHz.Length + 1), SceneRules.MonoBelowChoicesHz);
                default: return KnobTaper.Centred(travel, 0, SceneRules.EqGainMaxCentiDb, GainStepCentiDb); // the gains
            }
        }

        /// <summary>Where the knob would sit for a value (soft takeover picks it up there).</summary>
        public static int TravelOf(int control, int value)
        {
            switch (control)
            {
                case HighPass: return KnobTaper.TravelOfStep(IndexOf(value, SceneRules.HighPassChoicesHz), SceneRules.HighPassChoicesHz.Length + 1);
                case LowShelfHz: return KnobTaper.TravelOfExponential(value, SceneRules.LowShelfMinHz, SceneRules.LowShelfMaxHz);
                case Bell1Hz:
                case Bell2Hz: return KnobTaper.TravelOfExponential(value, SceneRules.BellMinHz, SceneRules.BellMaxHz);
                case Bell1Q:
                case Bell2Q: return KnobTaper.TravelOfExponential(value, SceneRules.BellMinQX100, SceneRules.BellMaxQX100);
                case HighShelfHz: return KnobTaper.TravelOfExponential(value, SceneRules.HighShelfMinHz, SceneRules.HighShelfMaxHz);
                case Lowpass:
                    if (value == 0) return LowpassOffTravel / 2;
                    return LowpassOffTravel + KnobTaper.TravelOfExponential(value, SceneRules.LowpassMinHz, SceneRules.LowpassMaxHz)
                        * (KnobTaper.FullTravel - LowpassOffTravel) / KnobTaper.FullTravel;
                case DeessHz: return KnobTaper.TravelOfExponential(value, SceneRules.DeessMinHz, SceneRules.DeessMaxHz);
                case DeessThreshold: return KnobTaper.TravelOfLinear(value, SceneRules.DeessThresholdMinCentiDb, SceneRules.DeessThresholdMaxCentiDb);
                case DeessRange: return KnobTaper.TravelOfLinear(value, 0, SceneRules.DeessRangeMaxCentiDb);
                case DeessRelease: return KnobTaper.TravelOfExponential(value, SceneRules.DeessReleaseMinMilliseconds, SceneRules.DeessReleaseMaxMilliseconds);
                case Width: return KnobTaper.TravelOfCentred(value, 100, SceneRules.WidthMaxPercent - 100);
                case MonoBelow: return KnobTaper.TravelOfStep(IndexOf(value, SceneRules.MonoBelowChoicesHz), SceneRules.MonoBelowChoicesHz.Length + 1);
                default: return KnobTaper.TravelOfCentred(value, 0, SceneRules.EqGainMaxCentiDb);
            }
        }

        /// <summary>The control's value in the scene.</summary>
        public static int Get(Scene s, int control)
        {
            return SceneApplier.ToolkitValue(s, Param(control));
        }

        public static void Set(Scene s, int control, int value)
        {
            switch (control)
            {
                case HighPass: s.EqHighPassHz = value; break;
                case LowShelfHz: s.EqLowShelfHz = value; break;
                case LowShelfGain: s.EqLowShelfCentiDb = value; break;
                case Bell1Hz: s.EqBellHz[0] = value; break;
                case Bell1Gain: s.EqBellCentiDb[0] = value; break;
                case Bell1Q: s.EqBellQX100[0] = value; break;
                case Bell2Hz: s.EqBellHz[1] = value; break;
                case Bell2Gain: s.EqBellCentiDb[1] = value; break;
                case Bell2Q: s.EqBellQX100[1] = value; break;
                case HighShelfHz: s.EqHighShelfHz = value; break;
                case HighShelfGain: s.EqHighShelfCentiDb = value; break;
                case Lowpass: s.EqLowpassHz = value; break;
                case DeessHz: s.DeessHz = value; break;
                case DeessThreshold: s.DeessThresholdCentiDb = value; break;
                case DeessRange: s.DeessRangeCentiDb = value; break;
                case DeessRelease: s.DeessReleaseMilliseconds = value; break;
                case Width: s.StereoWidthPercent = value; break;
                case MonoBelow: s.StereoMonoBelowHz = value; break;
            }
        }

        /// <summary>Position 0 is off (0 Hz), then the choices.</summary>
        private static int OffOrChoice(int position, int[] choices) { return position == 0 ? 0 : choices[position - 1]; }

        private static int IndexOf(int hz, int[] choices)
        {
            for (int i = 0; i < choices.Length; i++)
            {
                if (choices[i] == hz) return i + 1;
            }
            return 0;
        }
    }
}
