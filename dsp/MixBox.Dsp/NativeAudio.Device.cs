using System.Runtime.CompilerServices;

namespace MixBox.Dsp
{
    /// <summary>
    /// Device only: the native audio task (firmware/native/mixbox_audio_task.c). It runs
    /// on core 1 and mixes every 8-frame block of the two ADC controllers (I2S0: inputs
    /// 1-4, I2S1: inputs 5-8) through the engine that <see cref="MixEngine"/> set up;
    /// C# keeps calling MixEngine as before (setters go straight to the engine, meter
    /// reads are served by the audio task between blocks).
    /// Status codes: 0, an <see cref="EngineStatus"/>, or a <see cref="DeviceStatus"/>.
    /// </summary>
    public static class NativeAudio
    {
        /// <summary>Indices into the array <see cref="ReadStats"/> fills.</summary>
        public const int StatBlocks = 0;
        public const int StatOverruns = 1;
        public const int StatUnderruns = 2;
        public const int StatIoErrors = 3;
        public const int StatEngineErrors = 4;
        public const int StatLastBlockMicroseconds = 5;
        public const int StatWorstBlockMicroseconds = 6;
        public const int StatLateBlocks = 7;
        public const int StatBudgetMicroseconds = 8;
        /// <summary>I/O waits that ran out with no block: while the clocks are stopped, one every 20-30 ms.</summary>
        public const int StatTimeouts = 9;
        /// <summary>Times ADC A and ADC B were found out of step (then re-aligned; never mixed out of step).</summary>
        public const int StatSlips = 10;
        /// <summary>Times the task stopped and restarted the I2S channels to re-align them.</summary>
        public const int StatRestarts = 11;
        public const int StatCount = 12;

        /// <summary>MIXBOX_ABI_VERSION of the engine compiled into the firmware image.</summary>
        public static int EngineAbiVersion() { return NativeEngine.AbiVersion(); }

        /// <summary>
        /// Starts TDM I/O and the audio task. The engine must have been initialised (a
        /// <see cref="MixEngine"/> exists) with the board's sample rate and channel count.
        /// </summary>
        public static int Start() { return NativeStart(); }

        /// <summary>Stops the task and releases the I2S channels (for tests and updates).</summary>
        public static int Stop() { return NativeStop(); }

        public static bool IsRunning() { return NativeIsRunning() != 0; }

        /// <summary>Fills <paramref name="values"/> (at least <see cref="StatCount"/>) with the counters.</summary>
        public static int ReadStats(int[] values) { return NativeReadStats(values); }

        /// <summary>Clears the worst block time and the late-block count (done by the audio task).</summary>
        public static int ResetStats() { return NativeResetStats(); }

        /// <summary>
        /// Arms the loopback self-test: the audio task plays it instead of the engine's output
        /// until it is over. Nonzero if one is still running or the task is not running.
        /// </summary>
        public static int StartLoopback() { return NativeLoopbackStart(); }

        /// <summary>Fills <paramref name="values"/> (at least <see cref="LoopbackResult.Fields"/>) in LoopbackResult's order.</summary>
        public static int ReadLoopback(int[] values) { return NativeLoopbackRead(values); }

        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeStart();
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeStop();
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeIsRunning();
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeReadStats(int[] values);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeResetStats();
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeLoopbackStart();
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeLoopbackRead(int[] values);
    }
}
