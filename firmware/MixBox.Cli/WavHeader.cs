using System.Buffers.Binary;
using System.Text;

namespace MixBox.Cli;

/// <summary>
/// A WAV file's header, parsed and checked against the file's real length: where the sample
/// data starts and how many whole frames are there. Every problem is one <see cref="UserError"/>
/// naming the file; nothing else escapes, whatever the bytes, and nothing is allocated in
/// proportion to what a header claims.
///
/// Layouts (facts from the public specs):
/// - RIFF/WAVE: "RIFF", u32 size, "WAVE", then chunks: 4-byte id, u32 little-endian size, body,
///   and one pad byte when the size is odd (Microsoft "Multimedia Programming Interface and Data
///   Specifications 1.0", RIFF chunks are word-aligned). Chunks may come in any order; unknown
///   ones (LIST, bext, JUNK, fact, cue …; EBU Tech 3285 BWF's bext included) are skipped.
/// - RF64 (EBU Tech 3306) and BW64 (ITU-R BS.2088): "RF64"/"BW64" instead of "RIFF", and a first
///   chunk "ds64": u64 RIFF size, u64 data size, u64 sample count, u32 table length, then
///   table entries of (4-byte chunk id, u64 size). A chunk whose u32 size is 0xFFFFFFFF takes
///   its size from ds64 (data) or from the table (any other chunk).
/// - `fmt `: u16 format tag, u16 channels, u32 sample rate, u32 byte rate, u16 block align,
///   u16 bits per sample (16 bytes); WAVE_FORMAT_EXTENSIBLE (0xFFFE, Microsoft
///   WAVEFORMATEXTENSIBLE docs) adds u16 cbSize (≥ 22), u16 valid bits, u32 channel mask and
///   the 16-byte sub-format GUID (KSDATAFORMAT_SUBTYPE_PCM 00000001-0000-0010-8000-00AA00389B71,
///   KSDATAFORMAT_SUBTYPE_IEEE_FLOAT 00000003-0000-0010-8000-00AA00389B71).
///   The byte rate is not checked (writers get it wrong and nothing here needs it).
///
/// Decisions: a plain-RIFF data chunk whose size is 0xFFFFFFFF, or 0 while the RIFF size is
/// 0 or 0xFFFFFFFF too, is a streamed / unfinished file: its data runs to the end of the file
/// (which must then hold whole frames). Chunks after the data are read only while `fmt ` has
/// not been seen yet; once both are found, trailing bytes are ignored.
/// </summary>
public sealed record WavHeader(WavFormat Format, long DataOffset, long Frames, bool Rf64, bool DataToEndOfFile)
{
    /// <summary>The sub-format GUID's last 12 bytes, as stored (the first 4 are the format tag).</summary>
    private static readonly byte[] KsDataFormatTail = [0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    private const uint SizeUnknown = 0xFFFFFFFF;

    /// <summary>Parses the header of <paramref name="stream"/> (seekable; its Length is the truth), naming it <paramref name="name"/> in errors.</summary>
    public static WavHeader Read(Stream stream, string name)
    {
        long length = stream.Length;
        UserError Bad(string what) => new($"{name}: not a readable WAV file ({what})");
        Span<byte> b = stackalloc byte[40];

        if (length < 12) throw Bad($"{length} bytes, shorter than a RIFF header");
        ReadAt(stream, 0, b[..12], name);
        string magic = Id(b[..4]);
        bool rf64 = magic is "RF64" or "BW64";
        if (magic != "RIFF" && !rf64) throw Bad($"starts with '{magic}', not RIFF, RF64 or BW64");
        if (Id(b.Slice(8, 4)) != "WAVE") throw Bad($"a RIFF file of form '{Id(b.Slice(8, 4))}', not WAVE");
        uint riffSize = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(4, 4));

        long pos = 12;
        long ds64DataSize = -1, ds64TableAt = 0, ds64TableLength = 0;
        if (rf64)
        {
            if (length < pos + 8) throw Bad("the file ends before the ds64 chunk");
            ReadAt(stream, pos, b[..8], name);
            if (Id(b[..4]) != "ds64") throw Bad($"an {magic} file whose first chunk is '{Id(b[..4])}', not ds64");
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(4, 4));
            if (size < 28) throw Bad($"ds64 chunk of {size} bytes, needs at least 28");
            if (pos + 8 + size > length) throw Bad($"ds64 chunk claims {size} bytes, the file has {length - pos - 8} left");
            ReadAt(stream, pos + 8, b[..28], name);
            ulong dataSize = BinaryPrimitives.ReadUInt64LittleEndian(b.Slice(8, 8));
            ds64DataSize = dataSize > long.MaxValue ? long.MaxValue : (long)dataSize;
            ds64TableLength = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(24, 4));
            if (28 + 12 * ds64TableLength > size) throw Bad($"ds64 table of {ds64TableLength} entries does not fit its {size}-byte chunk");
            ds64TableAt = pos + 8 + 28;
            pos += 8 + size + (size & 1);
        }

        WavFormat? format = null;
        long dataOffset = -1, dataSize64 = 0;
        bool toEnd = false;
        while (pos + 8 <= length && (format is null || dataOffset < 0))
        {
            ReadAt(stream, pos, b[..8], name);
            string id = Id(b[..4]);
            uint size32 = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(4, 4));
            long size = size32;
            long body = pos + 8, left = length - body;
            if (id == "data")
            {
                if (dataOffset >= 0) throw Bad("two data chunks");
                dataOffset = body;
                if (rf64 && size32 == SizeUnknown) size = ds64DataSize;
                else if (!rf64 && (size32 == SizeUnknown || (size32 == 0 && riffSize is (0 or SizeUnknown) && left > 0)))
                {
                    toEnd = true;
                    size = left;
                }
                dataSize64 = size;
                if (format is not null) break;
                // `fmt ` comes after the data: skip the data to find it.
                if (size > left) throw Bad($"no fmt chunk before a data chunk of {size} bytes that runs past the end of the file ({left} bytes left)");
            }
            else
            {
                if (rf64 && size32 == SizeUnknown) size = TableSize(stream, ds64TableAt, ds64TableLength, id, name);
                if (size > left) throw Bad($"chunk '{id}' at byte {pos} claims {size} bytes, the file has {left} left");
                if (id == "fmt ")
                {
                    if (format is not null) throw Bad("two fmt chunks");
                    format = ParseFmt(stream, body, size, name);
                }
            }
            pos = body + size + (size & 1);
        }

        if (format is null)
            throw Bad(dataOffset < 0 ? $"no fmt or data chunk in {length} bytes (header truncated?)" : "no fmt chunk");
        if (dataOffset < 0) throw Bad($"no data chunk in {length} bytes (header truncated?)");

        long present = Math.Max(0, length - dataOffset);
        int align = format.BlockAlign;
        if (toEnd)
        {
            if (present % align != 0)
                throw new UserError($"{name}: truncated: the streamed data ({present} bytes to the end of the file) ends {present % align} bytes into a {align}-byte frame");
            return new WavHeader(format, dataOffset, present / align, rf64, true);
        }
        if (dataSize64 % align != 0)
            throw Bad($"data chunk of {dataSize64} bytes is not a whole number of {align}-byte frames");
        long claimed = dataSize64 / align;
        if (dataSize64 > present)
            throw new UserError($"{name}: truncated: the header claims {claimed} frames, the file holds {present / align}" +
                                (present % align != 0 ? $" and {present % align} bytes of one more" : ""));
        return new WavHeader(format, dataOffset, claimed, rf64, false);
    }

    private static WavFormat ParseFmt(Stream stream, long at, long size, string name)
    {
        UserError Bad(string what) => new($"{name}: not a readable WAV file ({what})");
        if (size < 16) throw Bad($"fmt chunk of {size} bytes, needs at least 16");
        Span<byte> f = stackalloc byte[40];
        ReadAt(stream, at, f[..(int)Math.Min(size, 40)], name);
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(f);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(f[2..]);
        uint rate = BinaryPrimitives.ReadUInt32LittleEndian(f[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(f[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(f[14..]);
        int validBits = bits;
        uint mask = 0;
        bool extensible = tag == 0xFFFE;
        if (extensible)
        {
            if (size < 40) throw Bad($"WAVE_FORMAT_EXTENSIBLE fmt chunk of {size} bytes, needs 40");
            int cbSize = BinaryPrimitives.ReadUInt16LittleEndian(f[16..]);
            if (cbSize < 22) throw Bad($"WAVE_FORMAT_EXTENSIBLE with cbSize {cbSize}, needs 22");
            validBits = BinaryPrimitives.ReadUInt16LittleEndian(f[18..]);
            mask = BinaryPrimitives.ReadUInt32LittleEndian(f[20..]);
            var guid = f.Slice(24, 16);
            uint subTag = BinaryPrimitives.ReadUInt32LittleEndian(guid);
            if (!guid[4..].SequenceEqual(KsDataFormatTail) || subTag is not (1 or 3))
                throw new UserError($"{name}: unsupported format (EXTENSIBLE sub-format {new Guid(guid)}): use PCM or IEEE float");
            tag = (int)subTag;
            if (validBits == 0) validBits = bits; // 0: "not specified" — the container is all valid
        }
        var encoding = tag switch
        {
            1 => WavEncoding.Pcm,
            3 => WavEncoding.Float,
            _ => throw new UserError($"{name}: unsupported format (tag 0x{tag:X4}{TagName(tag)}): use 8/16/24/32-bit PCM or 32/64-bit float"),
        };
        bool bitsOk = encoding == WavEncoding.Pcm ? bits is 8 or 16 or 24 or 32 : bits is 32 or 64;
        if (!bitsOk)
            throw new UserError($"{name}: unsupported format ({(encoding == WavEncoding.Pcm ? "PCM" : "float")}, {bits}-bit): use 8/16/24/32-bit PCM or 32/64-bit float");
        if (validBits > bits) throw Bad($"{validBits} valid bits in a {bits}-bit sample");
        if (channels == 0) throw Bad("0 channels");
        if (rate == 0 || rate > int.MaxValue) throw Bad($"sample rate {rate} Hz");
        if (blockAlign != channels * (bits / 8))
            throw Bad($"block align {blockAlign}, but {channels} channel(s) × {bits / 8} bytes = {channels * (bits / 8)}");
        return new WavFormat(encoding, channels, (int)rate, bits, validBits, blockAlign, mask, extensible);
    }

    /// <summary>An RF64 chunk's 64-bit size from the ds64 table, read entry by entry (nothing allocated).</summary>
    private static long TableSize(Stream stream, long tableAt, long entries, string id, string name)
    {
        Span<byte> e = stackalloc byte[12];
        for (long i = 0; i < entries; i++)
        {
            ReadAt(stream, tableAt + 12 * i, e, name);
            if (Id(e[..4]) == id)
            {
                ulong size = BinaryPrimitives.ReadUInt64LittleEndian(e[4..]);
                return size > long.MaxValue / 2 ? long.MaxValue / 2 : (long)size;
            }
        }
        throw new UserError($"{name}: not a readable WAV file (chunk '{id}' has size 0xFFFFFFFF and no ds64 entry)");
    }

    private static void ReadAt(Stream stream, long at, Span<byte> into, string name)
    {
        stream.Position = at;
        int done = 0;
        while (done < into.Length)
        {
            int n = stream.Read(into[done..]);
            if (n <= 0) throw new UserError($"{name}: truncated: the file ended at byte {at + done} while reading its header (did it change while being read?)");
            done += n;
        }
    }

    /// <summary>A chunk id for messages: printable ASCII as is, anything else as \xNN.</summary>
    private static string Id(ReadOnlySpan<byte> id)
    {
        var s = new StringBuilder(4);
        foreach (byte c in id) s.Append(c is >= 0x20 and < 0x7F ? ((char)c).ToString() : $"\\x{c:X2}");
        return s.ToString();
    }

    private static string TagName(int tag) => tag switch
    {
        2 => ", Microsoft ADPCM",
        6 => ", A-law",
        7 => ", µ-law",
        0x11 => ", IMA ADPCM",
        0x55 => ", MPEG layer 3",
        _ => "",
    };
}
