using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// The LUFS meter mode when the scene has a delivery target (docs/FIRMWARE.md, "LED meters"):
    /// the left bus ladder shows integrated loudness, the right short-term loudness, both relative to
    /// the target; the segments of the target's window are lit steady and the reading's segment
    /// blinks (2 Hz), so "on target" is a blinking LED inside the steady ones. The top (red) segment of
    /// both ladders is the TP-over LED: lit, and held 1 s, whenever the output's true peak goes over the
    /// target's ceiling (-1 dBTP when the target names none).
    /// </summary>
    public sealed class LoudnessTargetView
    {
        /// <summary>
        /// Segments 0-10 (bottom up) start at these readings relative to the target, LU x 100: coarse far
        /// below, one LU per segment around the target (the window), then +2 and +4 LU. A reading under
        /// the bottom one (or no reading yet) lights no segment.
        /// </summary>
        public static readonly int[] ThresholdsCentiLu = { -2000, -1200, -800, -500, -300, -200, -100, 0, 100, 200, 400 };
        /// <summary>The ladder's top segment, its red one: the TP-over LED.</summary>
        public const int TruePeakOverSegment = 11;
        /// <summary>How long a true-peak over stays lit after it happened: 1 s.</summary>
        public const int TruePeakOverHoldTicks = MixBoxApp.TicksPerSecond;
        /// <summary>The reading's segment blinks at 2 Hz.</summary>
        public const int BlinkPeriodTicks = MixBoxApp.TicksPerSecond / 2;

        private int _tick;
        private int _overTicksLeft;
        private bool _watching;

        /// <summary>Integrated loudness minus the target, LU x 100 (<see cref="EngineLimits.MeterSilenceCentiDb"/>: not measured yet).</summary>
        public int IntegratedRelativeCentiLu { get; private set; }

        /// <summary>Short-term loudness minus the target, LU x 100 (<see cref="EngineLimits.MeterSilenceCentiDb"/>: silent).</summary>
        public int ShortTermRelativeCentiLu { get; private set; }

        /// <summary>The TP-over LED is lit.</summary>
        public bool TruePeakOver { get { return _overTicksLeft > 0; } }

        /// <summary>The view is not shown: the next <see cref="Tick"/> starts watching afresh (an over from before is not news).</summary>
        public void Stop() { _watching = false; _overTicksLeft = 0; }

        /// <summary>
        /// One control tick. <paramref name="truePeakCentiDb"/> is the engine's true peak since the previous
        /// tick (<see cref="MixEngine.ReadTruePeak"/>, read-and-reset), so an over is seen on every tick it
        /// lasts, also one that exists only between the samples and stays there. The first tick after
        /// <see cref="Stop"/> leaves it out (it covers the time the view was not shown) and goes by this
        /// tick's sample peak (a true peak is at least as high).
        /// </summary>
        public void Tick(TargetPreset target, LoudnessReading loudness, int samplePeakCentiDb, int truePeakCentiDb)
        {
            _tick++;
            IntegratedRelativeCentiLu = Relative(loudness.IntegratedCentiLufs, target);
            ShortTermRelativeCentiLu = Relative(loudness.ShortTermCentiLufs, target);

            int ceiling = TargetPresets.TruePeakCeilingCentiDb(target);
            bool over = samplePeakCentiDb > ceiling || (_watching && truePeakCentiDb > ceiling);
            _watching = true;
            if (over) _overTicksLeft = TruePeakOverHoldTicks;
            else if (_overTicksLeft > 0) _overTicksLeft--;
        }

        public void Draw(Ht16k33 panel, TargetPreset target)
        {
            bool blinkOn = _tick % BlinkPeriodTicks < BlinkPeriodTicks / 2;
            DrawLadder(panel, MixBoxS3Board.LedBusMeterLeftFirst, target, IntegratedRelativeCentiLu, blinkOn);
            DrawLadder(panel, MixBoxS3Board.LedBusMeterRightFirst, target, ShortTermRelativeCentiLu, blinkOn);
        }

        private void DrawLadder(Ht16k33 panel, int firstLed, TargetPreset target, int relativeCentiLu, bool blinkOn)
        {
            int reading = Segment(relativeCentiLu);
            for (int s = 0; s < ThresholdsCentiLu.Length; s++)
            {
                panel.SetLed(firstLed + s, s == reading ? blinkOn : InWindow(s, target));
            }
            panel.SetLed(firstLed + TruePeakOverSegment, TruePeakOver);
        }

        /// <summary>Only the TP-over LED (the ladders' top segments), over whatever the ladders show.</summary>
        public void DrawTruePeakOver(Ht16k33 panel)
        {
            panel.SetLed(MixBoxS3Board.LedBusMeterLeftFirst + TruePeakOverSegment, TruePeakOver);
            panel.SetLed(MixBoxS3Board.LedBusMeterRightFirst + TruePeakOverSegment, TruePeakOver);
        }

        /// <summary>The segment a reading relative to the target falls in; -1 below the ladder or unmeasured.</summary>
        public static int Segment(int relativeCentiLu)
        {
            if (relativeCentiLu == EngineLimits.MeterSilenceCentiDb) return -1;
            int segment = -1;
            while (segment + 1 < ThresholdsCentiLu.Length && relativeCentiLu >= ThresholdsCentiLu[segment + 1]) segment++;
            return segment;
        }

        /// <summary>
        /// Segment <paramref name="segment"/> lies inside the target's window: ±its window but at least ±1 LU
        /// (a segment's width there), or the 1 LU under an at-most target.
        /// </summary>
        public static bool InWindow(int segment, TargetPreset target)
        {
            if (target == null || !target.HasLoudness) return false;
            int half = target.WindowCentiLu > 100 ? target.WindowCentiLu : 100;
            int low = -half, high = target.AtMost ? 0 : half;
            int top = segment + 1 < ThresholdsCentiLu.Length ? ThresholdsCentiLu[segment + 1] : int.MaxValue;
            return ThresholdsCentiLu[segment] >= low && top <= high;
        }

        private static int Relative(int centiLufs, TargetPreset target)
        {
            if (centiLufs == EngineLimits.MeterSilenceCentiDb || target == null || !target.HasLoudness) return EngineLimits.MeterSilenceCentiDb;
            return centiLufs - target.IntegratedCentiLufs;
        }
    }
}
