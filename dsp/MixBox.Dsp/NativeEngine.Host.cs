using System;
using System.Runtime.InteropServices;

namespace MixBox.Dsp
{
    // Host binding: libmixbox_engine.so (built from dsp/native by this project) through
    // P/Invoke. The instance lives in unmanaged memory sized by the library itself.
    // Arrays are blittable, so they are pinned for the call, never copied.
    internal sealed class NativeEngine : IDisposable
    {
        private const string Library = "mixbox_engine";
        private IntPtr _instance;

        public static int AbiVersion() { return (int)mixbox_abi_version(); }

        public int Init(int sampleRate, int channels)
        {
            if (_instance == IntPtr.Zero)
            {
                _instance = Marshal.AllocHGlobal((int)mixbox_engine_size());
            }
            return mixbox_init(_instance, (uint)sampleRate, (uint)channels);
        }

        // Pinned pointers, not marshalled arrays: nothing is allocated per block. A null
        // array pins to a null pointer, which the C side refuses with MIXBOX_ERR_NULL.
        public unsafe int Process(int[] input, int[] output, int frames)
        {
            fixed (int* inputSamples = input)
            fixed (int* outputSamples = output)
            {
                return mixbox_process(_instance, inputSamples, (nuint)(input?.Length ?? 0), outputSamples, (nuint)(output?.Length ?? 0), (uint)frames);
            }
        }

        public int SetParam(int param, int index, int value) { return mixbox_set_param(_instance, param, (uint)index, value); }

        public int GetParam(int param, int index, out int value) { return mixbox_get_param(_instance, param, (uint)index, out value); }

        public int ReadMeter(int meterId, int[] values) { return mixbox_meter_read(_instance, (uint)meterId, values); }

        public int ResetMeterHold(int meterId) { return mixbox_meter_reset_hold(_instance, (uint)meterId); }

        public int ReadGainReduction(out int centiDb) { return mixbox_gain_reduction_read(_instance, out centiDb); }

        public int ReadDeEsserReduction(out int centiDb) { return mixbox_de_esser_reduction_read(_instance, out centiDb); }

        public int ReadDistortion(int stage, out int centiDb) { return mixbox_distortion_read(_instance, (uint)stage, out centiDb); }

        public int ReadTruePeak(out int centiDb) { return mixbox_true_peak_read(_instance, out centiDb); }

        public int ReadLatencyFrames(out int frames) { return mixbox_latency_frames(_instance, out frames); }

        public int ReadLoudness(int[] values) { return mixbox_loudness_read(_instance, values); }

        public int ResetLoudness() { return mixbox_loudness_reset(_instance); }

        public int ReadSpectrum(int[] values) { return mixbox_spectrum_read(_instance, values); }

        public int ReadCorrelation(int[] values) { return mixbox_correlation_read(_instance, values); }

        public void Dispose()
        {
            if (_instance != IntPtr.Zero)
            {
                Marshal.FreeHGlobal(_instance);
                _instance = IntPtr.Zero;
            }
        }

        [DllImport(Library)] private static extern uint mixbox_abi_version();
        [DllImport(Library)] private static extern uint mixbox_engine_size();
        [DllImport(Library)] private static extern int mixbox_init(IntPtr engine, uint sampleRate, uint channels);
        [DllImport(Library)]
        private static extern unsafe int mixbox_process(IntPtr engine, int* input, nuint inputSamples, int* output, nuint outputSamples, uint frames);
        [DllImport(Library)] private static extern int mixbox_set_param(IntPtr engine, int param, uint index, int value);
        [DllImport(Library)] private static extern int mixbox_get_param(IntPtr engine, int param, uint index, out int value);
        // mixbox_meter_reading_t is four int32 fields: the same layout as int[4].
        [DllImport(Library)] private static extern int mixbox_meter_read(IntPtr engine, uint meterId, [Out] int[] reading);
        [DllImport(Library)] private static extern int mixbox_meter_reset_hold(IntPtr engine, uint meterId);
        [DllImport(Library)] private static extern int mixbox_gain_reduction_read(IntPtr engine, out int centiDb);
        [DllImport(Library)] private static extern int mixbox_de_esser_reduction_read(IntPtr engine, out int centiDb);
        [DllImport(Library)] private static extern int mixbox_distortion_read(IntPtr engine, uint stage, out int centiDb);
        [DllImport(Library)] private static extern int mixbox_true_peak_read(IntPtr engine, out int centiDb);
        [DllImport(Library)] private static extern int mixbox_latency_frames(IntPtr engine, out int frames);
        // mixbox_loudness_reading_t is eight int32 fields: the same layout as int[8].
        [DllImport(Library)] private static extern int mixbox_loudness_read(IntPtr engine, [Out] int[] reading);
        [DllImport(Library)] private static extern int mixbox_loudness_reset(IntPtr engine);
        // mixbox_spectrum_reading_t is eleven int32 fields (ten bands, on): the same layout as int[11].
        [DllImport(Library)] private static extern int mixbox_spectrum_read(IntPtr engine, [Out] int[] reading);
        // mixbox_correlation_reading_t is four int32 fields: the same layout as int[4].
        [DllImport(Library)] private static extern int mixbox_correlation_read(IntPtr engine, [Out] int[] reading);
    }
}
