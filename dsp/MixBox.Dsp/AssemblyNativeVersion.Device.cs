using System.Reflection;

// The interop assembly's native version: the metadata processor writes it into the
// generated MixBox_Dsp.cpp, and the firmware refuses an assembly whose version or
// method checksum differs from the image's. Bump it whenever an InternalCall
// signature in NativeEngine/NativeAudio/NativeSettings changes.
[assembly: AssemblyNativeVersion("1.0.0.0")]
