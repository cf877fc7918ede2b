using System;
using System.Runtime.CompilerServices;

namespace MixBox.Dsp
{
    // Device binding: the same C engine compiled into the nanoFramework image; the
    // interop glue (firmware/native) owns the one engine instance and forwards each
    // call to the mixbox_* function of the same name. Only primitives and primitive
    // arrays cross the boundary, as nanoFramework interop marshals those directly.
    internal sealed class NativeEngine : IDisposable
    {
        // One-int out-parameters cross the boundary as arrays; one array, kept, so the
        // 100 Hz control loop's reads make no garbage (MixEngine is used by one thread).
        private readonly int[] _box = new int[1];

        public static int AbiVersion() { return NativeAbiVersion(); }

        public int Init(int sampleRate, int channels) { return NativeInit(sampleRate, channels); }

        public int Process(int[] input, int[] output, int frames) { return NativeProcess(input, output, frames); }

        public int SetParam(int param, int index, int value) { return NativeSetParam(param, index, value); }

        public int GetParam(int param, int index, out int value)
        {
            int status = NativeGetParam(param, index, _box);
            value = _box[0];
            return status;
        }

        public int ReadMeter(int meterId, int[] values) { return NativeReadMeter(meterId, values); }

        public int ResetMeterHold(int meterId) { return NativeResetMeterHold(meterId); }

        public int ReadGainReduction(out int centiDb)
        {
            int status = NativeReadGainReduction(_box);
            centiDb = _box[0];
            return status;
        }

        public int ReadDeEsserReduction(out int centiDb)
        {
            int status = NativeReadDeEsserReduction(_box);
            centiDb = _box[0];
            return status;
        }

        public int ReadDistortion(int stage, out int centiDb)
        {
            int status = NativeReadDistortion(stage, _box);
            centiDb = _box[0];
            return status;
        }

        public int ReadTruePeak(out int centiDb)
        {
            int status = NativeReadTruePeak(_box);
            centiDb = _box[0];
            return status;
        }

        public int ReadLatencyFrames(out int frames)
        {
            int status = NativeReadLatencyFrames(_box);
            frames = _box[0];
            return status;
        }

        public int ReadSpectrum(int[] values) { return NativeReadSpectrum(values); }

        // The glue takes the audio task's averaged sums and divides on this (control) side.
        public int ReadCorrelation(int[] values) { return NativeReadCorrelation(values); }

        public int ReadLoudness(int[] values) { return NativeReadLoudness(values); }

        public int ResetLoudness() { return NativeResetLoudness(); }

        public void Dispose() { }

        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeAbiVersion();
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeInit(int sampleRate, int channels);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeProcess(int[] input, int[] output, int frames);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeSetParam(int param, int index, int value);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeGetParam(int param, int index, int[] value);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeReadMeter(int meterId, int[] values);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeResetMeterHold(int meterId);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeReadGainReduction(int[] centiDb);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeReadDeEsserReduction(int[] centiDb);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeReadLoudness(int[] values);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeResetLoudness();
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeReadDistortion(int stage, int[] centiDb);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeReadLatencyFrames(int[] frames);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeReadSpectrum(int[] values);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeReadCorrelation(int[] values);
        [MethodImpl(MethodImplOptions.InternalCall)] private static extern int NativeReadTruePeak(int[] centiDb);
    }
}
