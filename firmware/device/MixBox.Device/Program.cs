using System;
using System.Diagnostics;
using System.Threading;
using MixBox.Boards;
using MixBox.Dsp;
using MixBox.Firmware;
using MixBox.Hal;
using MixBox.Hal.Device;

namespace MixBox.Device
{
    /// <summary>
    /// Device entry point, kept thin: check the engine ABI, create the engine, start the
    /// native audio task (the TDM clocks the converters need), boot the app (bring-up, scene
    /// from NVS), run the 100 Hz control loop. Anything that stops sound shows its <see cref="FaultPattern"/> forever.
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            NanoI2cBus bus = new NanoI2cBus(MixBoxS3Board.I2cBusId, MixBoxS3Board.PinI2cSda, MixBoxS3Board.PinI2cScl);
            ThreadDelay delay = new ThreadDelay();

            int abi = NativeAudio.EngineAbiVersion();
            Debug.WriteLine(AbiCheck.Describe(abi));
            if (!AbiCheck.Matches(abi))
            {
                ShowFault(bus, delay, DeviceFault.AbiMismatch);
            }

            MixEngine engine;
            try
            {
                engine = new MixEngine(MixBoxS3Board.SampleRate, MixBoxS3Board.InputChannels);
            }
            catch (Exception e)
            {
                // MixEngine also throws on an ABI mismatch: same pattern as above.
                Debug.WriteLine("engine: " + e.Message);
                ShowFault(bus, delay, AbiCheck.Matches(NativeAudio.EngineAbiVersion()) ? DeviceFault.EngineInit : DeviceFault.AbiMismatch);
                return;
            }

            // The converters lock to the TDM clocks and their bring-up checks that they do, so
            // the clocks (the audio task) start first. Every input stays muted until bring-up
            // has said which ADCs deliver; the restored scene then fades in over 5 ms.
            for (int c = 0; c < MixBoxS3Board.InputChannels; c++) engine.SetChannelMute(c, true);
            int status = NativeAudio.Start();
            if (status != 0)
            {
                Debug.WriteLine("audio start: " + status.ToString());
                ShowFault(bus, delay, DeviceFault.AudioStart);
            }

            MixBoxApp app = new MixBoxApp(bus, new NanoOutputLines(), delay, new NvsSettingsStorage(), engine, new LoopbackTest());
            BootReport report = app.Boot();
            Debug.WriteLine(report.Describe());
            // The remote is a stored setting (off on a new box): the socket is opened only when it is enabled.
            if (app.RemoteSettings.Enabled) StartRemote(app);

            int periodMs = 1000 / MixBoxApp.TicksPerSecond;
            bool selfTestRunning = false;
            while (true)
            {
                app.Tick();
                if (selfTestRunning && !app.SelfTest.Running) Debug.WriteLine(app.SelfTest.Result.Describe(MixBoxS3Board.SampleRate));
                selfTestRunning = app.SelfTest.Running;
                Thread.Sleep(periodMs);
            }
        }

        /// <summary>The OSC remote (docs/FIRMWARE.md); without a network the box simply plays on without it.</summary>
        private static void StartRemote(MixBoxApp app)
        {
            try
            {
                OscPacketQueue queue = new OscPacketQueue();
                app.Remote = new OscRemote(app, queue, new UdpOscTransport(queue, OscRemote.DefaultPort)); // takes the stored read-only setting
                Debug.WriteLine("OSC remote on UDP port " + OscRemote.DefaultPort.ToString() + (app.RemoteSettings.ReadOnly ? " (read-only)" : ""));
            }
            catch (Exception e)
            {
                Debug.WriteLine("OSC remote: " + e.Message);
            }
        }

        /// <summary>Blinks the fault's pattern on the panel; never returns.</summary>
        private static void ShowFault(II2cBus bus, IDelay delay, DeviceFault fault)
        {
            Ht16k33 panel = new Ht16k33(bus.Open(MixBoxS3Board.AddressPanel), delay, RetryPolicy.Default, "panel");
            bool panelOk = panel.Initialize();
            int[] leds = FaultPattern.Leds();
            for (int tick = 0; ; tick = (tick + 1) % FaultPattern.CycleTicks)
            {
                if (panelOk)
                {
                    bool lit = FaultPattern.IsLit(fault, tick);
                    for (int i = 0; i < leds.Length; i++) panel.SetLed(leds[i], lit);
                    panel.Flush();
                }
                Thread.Sleep(FaultPattern.TickMilliseconds);
            }
        }
    }
}
