namespace MixBox.Firmware
{
    /// <summary>
    /// Auto-gain: while inputs are armed the box listens for <see cref="ListenTicks"/> (3 s,
    /// started again by each arming) and then sets each armed input's analogue gain so that
    /// its peaks sit at <see cref="TargetCentiDb"/> (-12 dBFS): gain += target - peak, in the
    /// ADC's 1 dB steps. Nothing is compensated digitally: the fader keeps its meaning, and
    /// the mix simply hears the input louder or softer. An input that clipped while it was
    /// listened to is set to 0 dB and listened to again (its true peak was unknown). Inputs
    /// that cannot be brought within 1 dB of the target are reported
    /// (<see cref="AutoGainOutcome"/>); so is one with no signal. It listens to the engine's
    /// pre-fader meter, so a muted or faded-down input is fitted too. A linked pair gets one
    /// gain for both sides, fitted to the louder.
    /// </summary>
    public sealed class AutoGain
    {
        public const int ListenTicks = 3 * MixBoxApp.TicksPerSecond;
        public const int TargetCentiDb = -1200;
        public const int ToleranceCentiDb = 100;

        private readonly bool[] _armed = new bool[Scene.Channels];
        private readonly bool[] _heard = new bool[Scene.Channels];
        private readonly bool[] _clipped = new bool[Scene.Channels];
        private readonly int[] _peak = new int[Scene.Channels];
        private readonly AutoGainReport _report = new AutoGainReport();
        private int _ticksLeft;

        public bool Listening { get { return _ticksLeft > 0; } }

        public bool Armed(int channel) { return _armed[channel]; }

        /// <summary>The last run's outcome per input.</summary>
        public AutoGainReport Report { get { return _report; } }

        /// <summary>Arms or disarms an input (a linked pair together); listening starts (again) for everything armed.</summary>
        public void Toggle(Scene scene, int channel)
        {
            bool arm = !_armed[channel];
            _armed[channel] = arm;
            if (StereoLink.IsLinked(scene, channel)) _armed[StereoLink.Partner(channel)] = arm;
            if (arm && !Listening) _report.Clear();
            Restart();
            bool any = false;
            for (int c = 0; c < Scene.Channels; c++) any |= _armed[c];
            if (!any) _ticksLeft = 0;
        }

        /// <summary>One control tick: listens to the armed inputs, and sets their gains when the time is up.</summary>
        public void Tick(InputMeters meters, AnalogInputs inputs, SceneEditor editor)
        {
            if (!Listening) return;
            for (int c = 0; c < Scene.Channels; c++)
            {
                if (!_armed[c] || inputs.Changing(c) || !meters.Heard(c)) continue;
                _heard[c] = true;
                if (meters.PreFaderPeak(c) > _peak[c]) _peak[c] = meters.PreFaderPeak(c);
                if (meters.Clipped(c)) _clipped[c] = true;
            }
            if (--_ticksLeft == 0) Finish(editor);
        }

        private void Finish(SceneEditor editor)
        {
            Scene scene = editor.Scene;
            bool again = false;
            for (int c = 0; c < Scene.Channels; c++)
            {
                if (!_armed[c] || StereoLink.IsLinkedRightSide(scene, c)) continue;
                int last = StereoLink.IsLinked(scene, c) ? c + 1 : c;
                if (Fit(editor, c, last)) again = true;
            }
            if (again)
            {
                Restart();
                return;
            }
            for (int c = 0; c < Scene.Channels; c++) _armed[c] = false;
        }

        /// <summary>Fits channels first..last (one input, or a linked pair) to one gain; true to listen again.</summary>
        private bool Fit(SceneEditor editor, int first, int last)
        {
            int gain = editor.Scene.InputGainDb[first];
            bool heard = false, clipped = false;
            int peak = InputMeters.SilenceCentiDb;
            for (int c = first; c <= last; c++)
            {
                heard |= _heard[c];
                clipped |= _clipped[c];
                if (_peak[c] > peak) peak = _peak[c];
            }
            AutoGainOutcome outcome;
            int newGain = gain;
            if (!heard)
            {
                outcome = AutoGainOutcome.NotHeard;
            }
            else if (clipped && gain > 0)
            {
                editor.SetInputGain(first, 0); // the peak is unknown: from the bottom, listen again
                return true;
            }
            else if (clipped)
            {
                outcome = AutoGainOutcome.TooHot;
                peak = 0;
            }
            else
            {
                newGain = GainFor(gain, peak);
                int expected = peak + (newGain - gain) * 100;
                if (expected > TargetCentiDb + ToleranceCentiDb) outcome = AutoGainOutcome.TooHot;
                else if (expected < TargetCentiDb - ToleranceCentiDb) outcome = AutoGainOutcome.TooQuiet;
                else outcome = AutoGainOutcome.Fitted;
                editor.SetInputGain(first, newGain);
            }
            for (int c = first; c <= last; c++)
            {
                _armed[c] = false;
                _report.Set(c, outcome, gain, peak, newGain);
            }
            return false;
        }

        /// <summary>The gain (whole dB, 0..42) that brings <paramref name="peakCentiDb"/>, heard at <paramref name="gainDb"/>, nearest the target.</summary>
        public static int GainFor(int gainDb, int peakCentiDb)
        {
            int ideal = gainDb * 100 + TargetCentiDb - peakCentiDb;
            if (ideal <= 0) return 0;
            int db = (ideal + 50) / 100;
            return db > InputGain.MaxDb ? InputGain.MaxDb : db;
        }

        private void Restart()
        {
            _ticksLeft = ListenTicks;
            for (int c = 0; c < Scene.Channels; c++)
            {
                _heard[c] = false;
                _clipped[c] = false;
                _peak[c] = InputMeters.SilenceCentiDb;
            }
        }
    }
}
