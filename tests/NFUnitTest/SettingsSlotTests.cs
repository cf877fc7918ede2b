using MixBox.Dsp;
using nanoFramework.TestFramework;

namespace NFUnitTest
{
    // NVS round trip on slot 1; the slot's previous content is put back afterwards.
    [TestClass]
    public class SettingsSlotTests
    {
        [TestMethod]
        public void SlotKeepsWhatWasWritten()
        {
            byte[] saved = null;
            int length = NativeSettings.Length(1);
            if (length >= 0)
            {
                saved = new byte[length];
                Assert.AreEqual(length, NativeSettings.Read(1, saved));
            }
            try
            {
                byte[] data = new byte[300];
                for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 7 + 3);
                Assert.AreEqual(0, NativeSettings.Write(1, data));
                Assert.AreEqual(data.Length, NativeSettings.Length(1));
                byte[] back = new byte[data.Length];
                Assert.AreEqual(data.Length, NativeSettings.Read(1, back));
                for (int i = 0; i < data.Length; i++) Assert.AreEqual(data[i], back[i]);
                Assert.AreEqual((int)DeviceStatus.Argument, NativeSettings.Length(2));
            }
            finally
            {
                if (saved != null) NativeSettings.Write(1, saved);
            }
        }
    }
}
