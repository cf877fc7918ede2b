using System.Reflection;

// The interop assembly's native version: the metadata processor writes it into the
// generated MixBox_Dsp.cpp, and the firmware refuses an assembly whose version or
// method checksum differs from the image's. Bump it whenever an InternalCall
// signature in NativeEngine/NativeAudio/NativeSettings changes (1.1: the spectrum,
// correlation and read-and-reset true-peak readers).
[assembly: AssemblyNativeVersion("1.1.0.0")]
