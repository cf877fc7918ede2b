using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Hal.Device;

namespace NFUnitTest
{
    // Shared by the test classes: the TestFramework calls test methods statically, so the
    // bus and the one engine instance (the image has exactly one) live in static fields.
    internal static class DeviceFixture
    {
        private static NanoI2cBus s_bus;
        private static NanoOutputLines s_lines;
        private static MixEngine s_engine;

        public static NanoI2cBus Bus
        {
            get
            {
                if (s_bus == null) s_bus = new NanoI2cBus(MixBoxS3Board.I2cBusId, MixBoxS3Board.PinI2cSda, MixBoxS3Board.PinI2cScl);
                return s_bus;
            }
        }

        /// <summary>The board's GPIO outputs (the ADCs' SHDNZ lines).</summary>
        public static NanoOutputLines Lines
        {
            get
            {
                if (s_lines == null) s_lines = new NanoOutputLines();
                return s_lines;
            }
        }

        /// <summary>The engine at the board's rate and channel count, audio task stopped.</summary>
        public static MixEngine StoppedEngine()
        {
            if (NativeAudio.IsRunning()) NativeAudio.Stop();
            if (s_engine == null) s_engine = new MixEngine(MixBoxS3Board.SampleRate, MixBoxS3Board.InputChannels);
            return s_engine;
        }
    }
}
