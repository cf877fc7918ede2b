using System.Buffers.Binary;
using System.Text;

namespace MixBox.Cli;

/// <summary>
/// Streams the stereo mix into a WAV file, a block at a time (memory: one block). The length is
/// known before the first sample, so the header is written once, up front: plain RIFF/WAVE, or
/// RF64 (EBU Tech 3306: "RF64", a ds64 chunk with the 64-bit sizes, 0xFFFFFFFF in the 32-bit
/// fields) when the data would pass the 4 GiB that RIFF's 32-bit sizes can count. PCM is
/// format tag 1 with a 16-byte fmt chunk; float is tag 3 (WAVE_FORMAT_IEEE_FLOAT) with an 18-byte
/// fmt (cbSize 0) and the fact chunk (sample frames) that non-PCM data needs (Microsoft
/// "Multimedia Programming Interface and Data Specifications 1.0").
/// </summary>
public sealed class MixWavWriter
{
    private const int Channels = 2;
    private const uint RiffLimit = uint.MaxValue;

    private readonly Stream _stream;
    private readonly OutputFormat _format;
    private byte[] _bytes = Array.Empty<byte>();

    public long FramesDeclared { get; }
    public long FramesWritten { get; private set; }
    public bool Rf64 { get; }

    /// <param name="forceRf64">Write RF64 even when RIFF would do (tests of the large-file layout).</param>
    /// <remarks>16-bit output is dithered by the engine (its output word, EngineParam.OutputWordBits = 16, set by
    /// the render), which hands over samples already on the 16-bit grid; rounding them here changes nothing.</remarks>
    public MixWavWriter(Stream stream, OutputFormat format, int sampleRate, long frames, bool forceRf64 = false)
    {
        _stream = stream;
        _format = format;
        FramesDeclared = frames;
        bool isFloat = format == OutputFormat.Float32;
        int blockAlign = Channels * format.BytesPerSample();
        long dataBytes = frames * blockAlign;
        int fmtBytes = isFloat ? 18 : 16;
        long headerBytes = 12 + 8 + 28 + 8 + fmtBytes + (isFloat ? 12 : 0) + 8; // RIFF, ds64, fmt, fact, data headers
        long riffSize = headerBytes - 8 + dataBytes; // stereo frames are an even number of bytes: no pad byte
        Rf64 = forceRf64 || riffSize > RiffLimit;

        var h = new MemoryStream();
        Id(h, Rf64 ? "RF64" : "RIFF");
        U32(h, Rf64 ? RiffLimit : (uint)(riffSize - 36));   // plain RIFF has no ds64 chunk (36 bytes)
        Id(h, "WAVE");
        if (Rf64)
        {
            Id(h, "ds64");
            U32(h, 28);
            U64(h, (ulong)riffSize);
            U64(h, (ulong)dataBytes);
            U64(h, (ulong)frames);
            U32(h, 0); // no table: only the data chunk is large
        }
        Id(h, "fmt ");
        U32(h, (uint)fmtBytes);
        U16(h, isFloat ? 3 : 1);
        U16(h, Channels);
        U32(h, (uint)sampleRate);
        U32(h, (uint)(sampleRate * blockAlign));
        U16(h, blockAlign);
        U16(h, 8 * format.BytesPerSample());
        if (isFloat)
        {
            U16(h, 0);
            Id(h, "fact");
            U32(h, 4);
            U32(h, Rf64 ? RiffLimit : (uint)frames);
        }
        Id(h, "data");
        U32(h, Rf64 ? RiffLimit : (uint)dataBytes);
        _stream.Write(h.GetBuffer(), 0, (int)h.Length);
    }

    /// <summary>Writes <paramref name="frames"/> interleaved stereo Q1.31 frames from <paramref name="stereo"/>.</summary>
    public void Write(int[] stereo, int frames)
    {
        if (FramesWritten + frames > FramesDeclared) throw new InvalidOperationException($"{FramesWritten + frames} frames written, {FramesDeclared} declared");
        int samples = frames * Channels;
        int bytes = samples * _format.BytesPerSample();
        if (_bytes.Length < bytes) _bytes = new byte[bytes];
        var o = _bytes.AsSpan(0, bytes);
        switch (_format)
        {
            case OutputFormat.Pcm24:
                for (int i = 0, at = 0; i < samples; i++, at += 3)
                {
                    int v = SampleCoding.RoundTo24Bits(stereo[i]);
                    o[at] = (byte)v;
                    o[at + 1] = (byte)(v >> 8);
                    o[at + 2] = (byte)(v >> 16);
                }
                break;
            case OutputFormat.Pcm16:
                for (int i = 0; i < samples; i++)
                    BinaryPrimitives.WriteInt16LittleEndian(o[(2 * i)..], (short)SampleCoding.RoundTo16Bits(stereo[i]));
                break;
            default:
                for (int i = 0; i < samples; i++)
                    BinaryPrimitives.WriteSingleLittleEndian(o[(4 * i)..], SampleCoding.ToFloat(stereo[i]));
                break;
        }
        _stream.Write(o);
        FramesWritten += frames;
    }

    /// <summary>Ends the file: every declared frame must have been written.</summary>
    public void Finish()
    {
        if (FramesWritten != FramesDeclared) throw new InvalidOperationException($"{FramesWritten} frames written, {FramesDeclared} declared");
        _stream.Flush();
    }

    private static void Id(Stream s, string id) => s.Write(Encoding.ASCII.GetBytes(id));

    private static void U16(Stream s, int v)
    {
        Span<byte> b = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v);
        s.Write(b);
    }

    private static void U32(Stream s, uint v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        s.Write(b);
    }

    private static void U64(Stream s, ulong v)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(b, v);
        s.Write(b);
    }
}
