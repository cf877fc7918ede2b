using MixBox.Boards;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// Auto-gain on the meters page, drawn over the channel LEDs: while the box listens, the
    /// armed inputs' signal LEDs blink (2 Hz); for <see cref="ResultTicks"/> after, an input it
    /// could not fit blinks fast (4 Hz): its clip LED when too hot, its signal LED when too
    /// quiet or not heard. The text is <see cref="AutoGainReport.Describe"/>.
    /// </summary>
    public sealed class AutoGainView
    {
        public const int ResultTicks = 5 * MixBoxApp.TicksPerSecond;

        private bool _wasListening;
        private int _resultTicksLeft;

        public void Draw(Ht16k33 panel, AutoGain autoGain, int tick)
        {
            if (_wasListening && !autoGain.Listening) _resultTicksLeft = ResultTicks;
            _wasListening = autoGain.Listening;
            if (autoGain.Listening)
            {
                bool slow = tick % 50 < 25;
                for (int c = 0; c < Scene.Channels; c++)
                {
                    if (autoGain.Armed(c)) panel.SetLed(MixBoxS3Board.LedSignalFirst + c, slow);
                }
                return;
            }
            if (_resultTicksLeft == 0) return;
            _resultTicksLeft--;
            bool fast = tick % 25 < 12;
            for (int c = 0; c < Scene.Channels; c++)
            {
                AutoGainOutcome outcome = autoGain.Report.Outcome(c);
                if (outcome == AutoGainOutcome.TooHot) panel.SetLed(MixBoxS3Board.LedClipFirst + c, fast);
                else if (outcome == AutoGainOutcome.TooQuiet || outcome == AutoGainOutcome.NotHeard) panel.SetLed(MixBoxS3Board.LedSignalFirst + c, fast);
            }
        }
    }
}
