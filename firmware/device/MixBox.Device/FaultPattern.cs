using MixBox.Boards;

namespace MixBox.Device
{
    /// <summary>
    /// The front panel's error pattern when the box cannot make sound: the fault LED and
    /// all eight clip LEDs flash together N times (N = the fault's number: 1 ABI mismatch,
    /// 2 engine init, 3 audio start), then stay dark, in a 2.4 s cycle. Counting flashes
    /// needs no manual, and no meter ever lights all clip LEDs in step with the fault LED.
    /// Pure logic: the device loop calls <see cref="IsLit"/> every 100 ms tick.
    /// </summary>
    public static class FaultPattern
    {
        public const int TickMilliseconds = 100;
        /// <summary>Cycle length in ticks (2.4 s).</summary>
        public const int CycleTicks = 24;
        /// <summary>One flash: 2 ticks on, 2 ticks off.</summary>
        public const int FlashTicks = 4;
        public const int LitTicksPerFlash = 2;

        /// <summary>Whether the pattern's LEDs are lit at this tick (ticks count from 0, any value).</summary>
        public static bool IsLit(DeviceFault fault, int tick)
        {
            int flashes = (int)fault;
            if (flashes <= 0) return false;
            int phase = tick % CycleTicks;
            if (phase < 0) phase += CycleTicks;
            if (phase >= flashes * FlashTicks) return false;
            return phase % FlashTicks < LitTicksPerFlash;
        }

        /// <summary>The LEDs the pattern drives: the fault LED, then the clip LEDs of inputs 1-8.</summary>
        public static int[] Leds()
        {
            int[] leds = new int[1 + 8];
            leds[0] = MixBoxS3Board.LedFault;
            for (int i = 0; i < 8; i++) leds[1 + i] = MixBoxS3Board.LedClipFirst + i;
            return leds;
        }
    }
}
