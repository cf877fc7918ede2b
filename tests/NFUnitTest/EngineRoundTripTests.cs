using MixBox.Dsp;
using nanoFramework.TestFramework;

namespace NFUnitTest
{
    // The engine compiled into the image, called through the interop glue with the audio
    // task stopped: the same round trip the host tests make through P/Invoke.
    [TestClass]
    public class EngineRoundTripTests
    {
        private const int Frames = 32;
        private const int Channels = 8;

        [TestMethod]
        public void ImageAbiMatchesTheApp()
        {
            Assert.AreEqual(EngineLimits.AbiVersion, NativeAudio.EngineAbiVersion());
        }

        [TestMethod]
        public void ParametersReadBackAsSet()
        {
            MixEngine engine = DeviceFixture.StoppedEngine();
            engine.SetChannelFader(3, -1234);
            engine.SetChannelPan(3, 40);
            Assert.AreEqual(-1234, engine.Get(EngineParam.ChannelFaderCentiDb, 3));
            Assert.AreEqual(40, engine.Get(EngineParam.ChannelPan, 3));
            engine.SetChannelFader(3, 0);
            engine.SetChannelPan(3, 0);
        }

        [TestMethod]
        public void HalfScaleSquareReadsMinusSixDbOnItsMeter()
        {
            MixEngine engine = DeviceFixture.StoppedEngine();
            engine.SetChannelFader(0, 0);
            int[] input = new int[Frames * Channels];
            int[] output = new int[Frames * 2];
            for (int f = 0; f < Frames; f++) input[f * Channels] = (f & 1) == 0 ? 0x40000000 : -0x40000000;
            engine.ReadMeter(MeterId.Channel(0)); // start from a clean peak
            for (int b = 0; b < 20; b++) engine.Process(input, output, Frames);
            MeterReading reading = engine.ReadMeter(MeterId.Channel(0));
            Assert.IsTrue(reading.PeakCentiDb >= -612 && reading.PeakCentiDb <= -592, "peak " + reading.PeakCentiDb.ToString());
            Assert.IsFalse(reading.Clipped);
        }

        [TestMethod]
        public void ProcessIsRefusedWhileTheAudioTaskRuns()
        {
            MixEngine engine = DeviceFixture.StoppedEngine();
            Assert.AreEqual(0, NativeAudio.Start());
            try
            {
                Assert.ThrowsException(typeof(MixEngineException), () => engine.Process(new int[Frames * Channels], new int[Frames * 2], Frames));
                // Meter reads go through the audio task's mailbox instead.
                engine.ReadMeter(MeterId.MainLeft);
            }
            finally
            {
                NativeAudio.Stop();
            }
        }
    }
}
