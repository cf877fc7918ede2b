using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// The self-test on the LEDs, in place of the meters. Running: the store and fault LEDs
    /// blink in turn (4 Hz). Result: store steady = measured cleanly, fault steady = no
    /// signal on input 1, fault blinking = input 1 clipped; the left bus ladder lights one
    /// segment per 0.1 ms of round-trip latency, the right one one segment per 10 dB of
    /// THD+N below 0 dB (9 segments: better than -90 dB). Everything else is dark.
    /// </summary>
    public static class SelfTestView
    {
        public const int LatencyMicrosecondsPerSegment = 100;
        public const int ThdNCentiDbPerSegment = 1000;

        public static void Draw(SelfTest test, int tick, Ht16k33 panel)
        {
            bool phase = tick % 25 < 12;
            int latencySegments = 0, thdSegments = 0;
            bool store, fault;
            if (test.Running)
            {
                store = phase;
                fault = !phase;
            }
            else
            {
                LoopbackResult r = test.Result;
                bool measured = r.Status == LoopbackStatus.Ok || r.Status == LoopbackStatus.Clipped;
                if (measured)
                {
                    latencySegments = (r.LatencyMicroseconds(MixBoxS3Board.SampleRate) + LatencyMicrosecondsPerSegment / 2) / LatencyMicrosecondsPerSegment;
                    thdSegments = r.ThdNCentiDb < 0 ? -r.ThdNCentiDb / ThdNCentiDbPerSegment : 0;
                }
                store = r.Status == LoopbackStatus.Ok;
                fault = r.Status == LoopbackStatus.NoSignal || (r.Status == LoopbackStatus.Clipped && phase);
            }
            for (int s = 0; s < MixBoxS3Board.BusMeterSegments; s++)
            {
                panel.SetLed(MixBoxS3Board.LedBusMeterLeftFirst + s, s < latencySegments);
                panel.SetLed(MixBoxS3Board.LedBusMeterRightFirst + s, s < thdSegments);
            }
            for (int s = 0; s < MixBoxS3Board.GainReductionSegments; s++) panel.SetLed(MixBoxS3Board.LedGainReductionFirst + s, false);
            for (int c = 0; c < Scene.Channels; c++)
            {
                panel.SetLed(MixBoxS3Board.LedSignalFirst + c, false);
                panel.SetLed(MixBoxS3Board.LedClipFirst + c, false);
            }
            panel.SetLed(MixBoxS3Board.LedStore, store);
            panel.SetLed(MixBoxS3Board.LedFault, fault);
        }
    }
}
