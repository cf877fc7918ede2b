using System.Runtime.InteropServices;

namespace MixBox.Dsp.Tests;

/// <summary>Direct calls into the native library: the C API itself and its internal units.</summary>
internal static class NativeInternals
{
    private const string Library = "mixbox_engine";

    [DllImport(Library)] public static extern long mixbox_gain_from_cdb_q40(int cdb);
    [DllImport(Library)] public static extern int mixbox_pan_left_q30(int pan);
    [DllImport(Library)] public static extern int mixbox_pan_right_q30(int pan);
    [DllImport(Library)] public static extern int mixbox_log2_q16(ulong x);
    [DllImport(Library)] public static extern int mixbox_peak_to_cdb(uint magnitudeQ31);
    [DllImport(Library)] public static extern int mixbox_mean_square_to_cdb(ulong sumOfSquares, uint count);

    [DllImport(Library)] public static extern uint mixbox_engine_size();
    [DllImport(Library)] public static extern int mixbox_init(IntPtr engine, uint sampleRate, uint channels);
    [DllImport(Library)]
    public static extern int mixbox_process(IntPtr engine, int[]? input, nuint inputSamples, int[]? output, nuint outputSamples, uint frames);
    [DllImport(Library)] public static extern int mixbox_set_param(IntPtr engine, int param, uint index, int value);
    [DllImport(Library)] public static extern int mixbox_meter_read(IntPtr engine, uint meterId, [Out] int[]? reading);
}
