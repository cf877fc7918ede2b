using MixBox.Hal;

namespace MixBox.Boards
{
    /// <summary>
    /// The box's analogue in -> out latency, stage by stage, in hundredths of a sample: the
    /// ADC's decimation filter, the RX DMA block, the TX DMA queue, the DAC's interpolation
    /// filter. Computed from the board's block plan and the converters' datasheet group delays,
    /// so a change of block size or buffer count changes the figure (docs/DEVICE.md shows it).
    /// </summary>
    public static class AnalogLatency
    {
        public static int AdcFilter { get { return Tlv320Adc6140.GroupDelayHundredthsOfSample; } }

        /// <summary>A block is handed over when its last frame has arrived: its first frame waited a whole block.</summary>
        public static int RxBlock(int blockFrames) { return 100 * blockFrames; }

        /// <summary>
        /// The processed block goes into the TX buffer that has just finished playing, which
        /// plays after the other <paramref name="dmaBuffers"/> - 1 queued buffers. The engine has
        /// that long to finish, so processing adds nothing once it keeps up.
        /// </summary>
        public static int TxQueue(int blockFrames, int dmaBuffers) { return 100 * blockFrames * (dmaBuffers - 1); }

        public static int DacFilter { get { return Pcm5122.GroupDelayHundredthsOfSample; } }

        public static int Total(int blockFrames, int dmaBuffers)
        {
            return AdcFilter + RxBlock(blockFrames) + TxQueue(blockFrames, dmaBuffers) + DacFilter;
        }

        /// <summary>The board's own figure, in hundredths of a sample.</summary>
        public static int Board { get { return Total(MixBoxS3Board.BlockFrames, MixBoxS3Board.DmaBuffers); } }

        /// <summary>Hundredths of a sample at the board's rate -> microseconds, rounded.</summary>
        public static int Microseconds(int hundredthsOfSample)
        {
            long scaled = (long)hundredthsOfSample * 10000;
            return (int)((scaled + MixBoxS3Board.SampleRate / 2) / MixBoxS3Board.SampleRate);
        }
    }
}
