using System.Threading;
using MixBox.Dsp;
using nanoFramework.Hardware.Esp32;
using nanoFramework.TestFramework;

namespace NFUnitTest
{
    // One 32-frame block at 48 kHz lasts 666.7 us: the audio task must finish every block
    // (mailbox service + mixbox_process + TDM packing) inside it.
    [TestClass]
    public class DeadlineTests
    {
        private const int BudgetMicroseconds = 667;

        [TestMethod]
        public void AudioTaskMeetsTheBlockDeadlineForFiveSeconds()
        {
            MixEngine engine = DeviceFixture.StoppedEngine();
            engine.SetCompressor(-2000, 400, 10000, 0, 600, 0, 100); // the heaviest chain: compressor in, auto release
            engine.SetDrive(600);
            engine.SetOutputStage(true, -30, true);
            Assert.AreEqual(0, NativeAudio.Start());
            int[] stats = new int[NativeAudio.StatCount];
            try
            {
                Thread.Sleep(200); // let the DMA queues settle
                Assert.AreEqual(0, NativeAudio.ResetStats());
                NativeAudio.ReadStats(stats);
                int blocksBefore = stats[NativeAudio.StatBlocks];
                int overrunsBefore = stats[NativeAudio.StatOverruns];
                int underrunsBefore = stats[NativeAudio.StatUnderruns];
                for (int i = 0; i < 500; i++)
                {
                    engine.ReadMeter(MeterId.MainLeft); // control traffic during the run, as the panel makes it
                    Thread.Sleep(10);
                }
                NativeAudio.ReadStats(stats);
                OutputHelper.WriteLine("blocks " + (stats[NativeAudio.StatBlocks] - blocksBefore).ToString()
                    + ", worst " + stats[NativeAudio.StatWorstBlockMicroseconds].ToString() + " us of "
                    + stats[NativeAudio.StatBudgetMicroseconds].ToString());
                Assert.AreEqual(BudgetMicroseconds, stats[NativeAudio.StatBudgetMicroseconds]);
                Assert.IsTrue(stats[NativeAudio.StatBlocks] - blocksBefore > 7000, "the task kept up with the clock");
                Assert.IsTrue(stats[NativeAudio.StatWorstBlockMicroseconds] < BudgetMicroseconds, "worst block time");
                Assert.AreEqual(0, stats[NativeAudio.StatLateBlocks]);
                Assert.AreEqual(overrunsBefore, stats[NativeAudio.StatOverruns]);
                Assert.AreEqual(underrunsBefore, stats[NativeAudio.StatUnderruns]);
                Assert.AreEqual(0, stats[NativeAudio.StatEngineErrors]);
            }
            finally
            {
                NativeAudio.Stop();
                engine.SetCompressorBypass(true);
                engine.SetDrive(0);
                engine.SetOutputStage(false, -30, false);
            }
        }

        [TestMethod]
        public void ProcessThroughInteropFitsTheBudgetMeasuredWithHighResTimer()
        {
            // Upper bound including the interpreter's call overhead (the task has none).
            MixEngine engine = DeviceFixture.StoppedEngine();
            int[] input = new int[32 * 8];
            int[] output = new int[32 * 2];
            const int Blocks = 200;
            ulong start = HighResTimer.GetCurrent();
            for (int b = 0; b < Blocks; b++) engine.Process(input, output, 32);
            ulong perBlock = (HighResTimer.GetCurrent() - start) / Blocks;
            OutputHelper.WriteLine("process via interop: " + perBlock.ToString() + " us per block");
            Assert.IsTrue(perBlock < BudgetMicroseconds, "per block " + perBlock.ToString() + " us");
        }
    }
}
