using System.Threading;
using MixBox.Dsp;
using nanoFramework.Hardware.Esp32;
using nanoFramework.TestFramework;

namespace NFUnitTest
{
    // Board rev B: one 8-frame block at 48 kHz lasts 166.7 us: the audio task must finish
    // every block (mailbox service + mixbox_process + TDM packing) inside it.
    [TestClass]
    public class DeadlineTests
    {
        private const int BlockFrames = 8;
        private const int BudgetMicroseconds = 167;

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
                int timeoutsBefore = stats[NativeAudio.StatTimeouts];
                int slipsBefore = stats[NativeAudio.StatSlips];
                int restartsBefore = stats[NativeAudio.StatRestarts];
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
                Assert.IsTrue(stats[NativeAudio.StatBlocks] - blocksBefore > 28000, "the task kept up with the clock (6000 blocks/s)");
                Assert.IsTrue(stats[NativeAudio.StatWorstBlockMicroseconds] < BudgetMicroseconds, "worst block time");
                Assert.AreEqual(0, stats[NativeAudio.StatLateBlocks]);
                Assert.AreEqual(overrunsBefore, stats[NativeAudio.StatOverruns]);
                Assert.AreEqual(underrunsBefore, stats[NativeAudio.StatUnderruns]);
                Assert.AreEqual(timeoutsBefore, stats[NativeAudio.StatTimeouts]);
                Assert.AreEqual(slipsBefore, stats[NativeAudio.StatSlips]);
                Assert.AreEqual(restartsBefore, stats[NativeAudio.StatRestarts]);
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
            // Upper bound including the interpreter's call overhead (the task has none): four
            // blocks' frames per call, against four blocks' budget.
            MixEngine engine = DeviceFixture.StoppedEngine();
            const int Frames = 4 * BlockFrames;
            int[] input = new int[Frames * 8];
            int[] output = new int[Frames * 2];
            const int Calls = 200;
            ulong start = HighResTimer.GetCurrent();
            for (int b = 0; b < Calls; b++) engine.Process(input, output, Frames);
            ulong perCall = (HighResTimer.GetCurrent() - start) / Calls;
            OutputHelper.WriteLine("process via interop: " + perCall.ToString() + " us per " + Frames.ToString() + " frames");
            Assert.IsTrue(perCall < 4 * BudgetMicroseconds, "per call " + perCall.ToString() + " us");
        }
    }
}
