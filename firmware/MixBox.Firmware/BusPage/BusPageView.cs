using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// The LEDs while the bus page is open (drawn over the meters):
    /// <list type="bullet">
    /// <item>Compressor-in LED: blinks (4 Hz): the bus page is open;</item>
    /// <item>gain-reduction LED n: sub-page n is selected (one lit);</item>
    /// <item>clip LED n: knob n sets something on this sub-page: steady while it follows,
    /// blinking (4 Hz) while it still has to pick its value up;</item>
    /// <item>signal LED n: the switch under Solo n is on (18 dB/oct, gentle shelf,
    /// proportional Q, EQ after the compressor, de-esser in, listen);</item>
    /// <item>left bus ladder: where the knob last turned stands (12 segments over its travel;
    /// 6 = a gain at 0 dB); right bus ladder: on the de-esser sub-page its reduction, one
    /// segment per dB; elsewhere the right bus meter as usual.</item>
    /// </list>
    /// </summary>
    public sealed class BusPageView
    {
        /// <summary>De-esser reduction per right-ladder segment, centi-dB.</summary>
        public const int DeessCentiDbPerSegment = 100;

        public void Draw(Ht16k33 panel, Scene scene, BusPage page, KnobPanel knobs, PanelView view, int tick)
        {
            bool blink = tick % 25 < 12;
            panel.SetLed(MixBoxS3Board.LedCompressorIn, blink);
            for (int n = 0; n < MixBoxS3Board.GainReductionSegments; n++)
            {
                panel.SetLed(MixBoxS3Board.LedGainReductionFirst + n, n == page.SubPage);
            }
            for (int c = 0; c < Scene.Channels; c++)
            {
                bool live = page.Control(c) != BusControl.None;
                panel.SetLed(MixBoxS3Board.LedClipFirst + c, live && (knobs.Engaged(c) || blink));
                bool on;
                panel.SetLed(MixBoxS3Board.LedSignalFirst + c, page.Switch(scene, c, out on) && on);
            }

            int focus = page.Focus;
            int lit = 0;
            if (focus != BusControl.None)
            {
                int travel = BusControl.TravelOf(focus, BusControl.Get(scene, focus));
                lit = (travel * MixBoxS3Board.BusMeterSegments + KnobTaper.FullTravel / 2) / KnobTaper.FullTravel;
            }
            for (int s = 0; s < MixBoxS3Board.BusMeterSegments; s++) panel.SetLed(MixBoxS3Board.LedBusMeterLeftFirst + s, s < lit);

            if (page.SubPage == BusPage.DeEsser)
            {
                int reduction = (view.DeEsserReductionCentiDb + DeessCentiDbPerSegment / 2) / DeessCentiDbPerSegment;
                for (int s = 0; s < MixBoxS3Board.BusMeterSegments; s++) panel.SetLed(MixBoxS3Board.LedBusMeterRightFirst + s, s < reduction);
            }
        }
    }
}
