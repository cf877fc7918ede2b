using MixBox.Boards;
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
            s_report = new BoardBringUp(DeviceFixture.Bus, new ThreadDelay(), RetryPolicy.Default, MixBoxS3Board.CreateBusPlan()).Run();
            OutputHelper.WriteLine(s_report.Describe());
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
