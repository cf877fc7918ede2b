using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Hal;
using nanoFramework.TestFramework;

namespace NFUnitTest
{
    [TestClass]
    public class CodecProbeTests
    {
        private static BringUpReport s_report;

        [Setup]
        public void BringUp()
        {
            // The converters' bring-up verifies that they lock to the TDM clocks: the audio task
            // provides them (engine inputs muted meanwhile).
            MixEngine engine = DeviceFixture.StoppedEngine();
            for (int c = 0; c < MixBoxS3Board.InputChannels; c++) engine.SetChannelMute(c, true);
            int started = NativeAudio.Start();
            OutputHelper.WriteLine("audio start: " + started.ToString());
            s_report = new BoardBringUp(DeviceFixture.Bus, DeviceFixture.Lines, new ThreadDelay(), RetryPolicy.Default, MixBoxS3Board.CreateBusPlan()).Run();
            OutputHelper.WriteLine(s_report.Describe());
        }

        [Cleanup]
        public void StopAudio()
        {
            DeviceFixture.StoppedEngine();
        }

        [TestMethod]
        public void DacAnswersAndIsConfigured()
        {
            Assert.IsTrue(s_report.Dac.IsOk, s_report.Dac.Problem);
            Assert.IsTrue(s_report.AudioCanStart);
        }

        [TestMethod]
        public void BothAdcsAnswerAndAreConfigured()
        {
            Assert.IsTrue(s_report.AdcA.IsOk, s_report.AdcA.Problem);
            Assert.IsTrue(s_report.AdcB.IsOk, s_report.AdcB.Problem);
            Assert.AreEqual(0, s_report.UnavailableInputCount);
        }
    }
}
