using MixBox.Boards;
using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// The LEDs while the store page is open (drawn over the meters), for the memories of the
    /// bank shown:
    /// <list type="bullet">
    /// <item>signal LED n: memory n holds a scene;</item>
    /// <item>clip LED n: memory n is the one last stored or recalled (blinking when it was
    /// damaged at boot and skipped);</item>
    /// <item>gain-reduction LED n: channel n is recall-safe;</item>
    /// <item>compressor-in LED: the bank of memories 9-16 is shown; meter-mode LED: the bus
    /// chain is recall-safe; store LED: on (the page is open).</item>
    /// </list>
    /// </summary>
    public static class StorePageView
    {
        public static void Draw(Ht16k33 panel, StorePage page, SceneMemories memories, RecallSafes safes, int currentMemory, int tick)
        {
            bool blink = tick % 50 < 25;
            for (int c = 0; c < Scene.Channels; c++)
            {
                int memory = page.MemoryOf(c);
                bool damaged = memories.Outcome(memory) == SettingsOutcome.CorruptUsingDefaults && !memories.Occupied(memory);
                panel.SetLed(MixBoxS3Board.LedSignalFirst + c, memories.Occupied(memory));
                panel.SetLed(MixBoxS3Board.LedClipFirst + c, memory == currentMemory || (damaged && blink));
                panel.SetLed(MixBoxS3Board.LedGainReductionFirst + c, safes.Channel(c));
            }
            panel.SetLed(MixBoxS3Board.LedCompressorIn, page.Bank == 1);
            panel.SetLed(MixBoxS3Board.LedMeterMode, safes.Bus);
            panel.SetLed(MixBoxS3Board.LedStore, true);
        }
    }
}
