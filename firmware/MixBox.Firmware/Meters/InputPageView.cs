using MixBox.Boards;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// The LEDs while the input page is open (drawn over the meters):
    /// <list type="bullet">
    /// <item>left bus ladder: the analogue gain of the input last touched, one segment per
    /// 3.5 dB (12 = 42 dB); right bus ladder: that input's level, pre-fader;</item>
    /// <item>signal LED n: input n is set to instrument;</item>
    /// <item>clip LED n: input n is armed for auto-gain (blinking while the box listens);</item>
    /// <item>gain-reduction LED n: input n is in a linked pair.</item>
    /// </list>
    /// </summary>
    public sealed class InputPageView
    {
        private readonly SegmentLadder _busLadder = SegmentLadder.BusMeter();

        public void Draw(Ht16k33 panel, Scene scene, InputPage page, AutoGain autoGain, PanelView view, int tick)
        {
            int focus = page.Focus;
            int lit = InputGain.LadderSegments(scene.InputGainDb[focus], MixBoxS3Board.BusMeterSegments);
            for (int s = 0; s < MixBoxS3Board.BusMeterSegments; s++) panel.SetLed(MixBoxS3Board.LedBusMeterLeftFirst + s, s < lit);
            PanelView.DrawLadder(panel, MixBoxS3Board.LedBusMeterRightFirst, _busLadder, view.InputMeter(focus));

            bool blink = tick % 50 < 25;
            for (int c = 0; c < Scene.Channels; c++)
            {
                panel.SetLed(MixBoxS3Board.LedSignalFirst + c, scene.Instrument[c]);
                panel.SetLed(MixBoxS3Board.LedClipFirst + c, autoGain.Armed(c) && (blink || !autoGain.Listening));
                panel.SetLed(MixBoxS3Board.LedGainReductionFirst + c, StereoLink.IsLinked(scene, c));
            }
        }
    }
}
