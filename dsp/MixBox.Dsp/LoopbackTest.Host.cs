using System;
using System.Runtime.InteropServices;

namespace MixBox.Dsp
{
    // Host binding of the loopback self-test: the state lives in unmanaged memory sized by
    // the library; the twin's audio loop calls Process in place of the engine while
    // IsPlaying, as the device's audio task does.
    public sealed class LoopbackTest : ILoopbackTest, IDisposable
    {
        private const string Library = "mixbox_engine";
        private readonly int _sampleRate;
        private readonly int[] _values = new int[LoopbackResult.Fields];
        private IntPtr _state;

        public LoopbackTest(int sampleRate)
        {
            _sampleRate = sampleRate;
            _state = Marshal.AllocHGlobal((int)mixbox_loopback_size());
        }

        /// <summary>A test has been started and the audio loop has not finished it.</summary>
        public bool IsPlaying { get; private set; }

        public bool Start()
        {
            if (IsPlaying) return false;
            int status = mixbox_loopback_start(_state, (uint)_sampleRate);
            if (status != (int)EngineStatus.Ok) throw new MixEngineException("loopback start", (EngineStatus)status);
            IsPlaying = true;
            return true;
        }

        /// <summary>
        /// Audio side: plays <paramref name="frames"/> frames of the test into stereo
        /// <paramref name="output"/> and captures input 1 from interleaved <paramref name="input"/>.
        /// </summary>
        public unsafe void Process(int[] input, int channels, int[] output, int frames)
        {
            if (input.Length < frames * channels || output.Length < frames * 2) throw new ArgumentException("buffers shorter than the block");
            int status;
            fixed (int* inputSamples = input)
            fixed (int* outputSamples = output)
            {
                status = mixbox_loopback_process(_state, inputSamples, (nuint)channels, outputSamples, (uint)frames);
            }
            if (status < 0) throw new MixEngineException("loopback process", (EngineStatus)status);
            if (status == 1) IsPlaying = false;
        }

        public LoopbackResult Read()
        {
            if (IsPlaying)
            {
                LoopbackResult running = default;
                running.Status = LoopbackStatus.Running;
                return running;
            }
            int status = mixbox_loopback_result(_state, _values);
            if (status == (int)EngineStatus.NotInitialised) _values[0] = (int)LoopbackStatus.Running; // never started
            else if (status != (int)EngineStatus.Ok) throw new MixEngineException("loopback result", (EngineStatus)status);
            return LoopbackResult.FromValues(_values);
        }

        public void Dispose()
        {
            if (_state != IntPtr.Zero)
            {
                Marshal.FreeHGlobal(_state);
                _state = IntPtr.Zero;
            }
        }

        [DllImport(Library)] private static extern uint mixbox_loopback_size();
        [DllImport(Library)] private static extern int mixbox_loopback_start(IntPtr test, uint sampleRate);
        [DllImport(Library)]
        private static extern unsafe int mixbox_loopback_process(IntPtr test, int* inputChannel1, nuint stride, int* stereoOutput, uint frames);
        // mixbox_loopback_result_t is five int32 fields: the same layout as int[5].
        [DllImport(Library)] private static extern int mixbox_loopback_result(IntPtr test, [Out] int[] result);
    }
}
