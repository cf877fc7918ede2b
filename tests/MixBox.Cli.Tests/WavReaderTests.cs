using System.Buffers.Binary;
using Xunit.Abstractions;

namespace MixBox.Cli.Tests;

/// <summary>
/// The WAV reader against sox and ffmpeg: every readable file in the corpus reads sample-exact
/// as the tools decode it to signed 32-bit; every broken file is one UserError line, and through
/// `mixbox render` exit code 1 with the existing output left byte-identical.
/// </summary>
public sealed class WavReaderTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixbox-wav-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> ReadableNames() => new(WavCorpus.Readable.Keys);

    internal static (WavHeader Header, int[] Samples) ReadAll(string path)
    {
        using var reader = WavReader.Open(path);
        int channels = reader.Format.Channels;
        var all = new int[reader.Frames * channels];
        var block = new int[reader.BlockFrames * channels];
        int at = 0, n;
        while ((n = reader.Read(block)) > 0)
        {
            Array.Copy(block, 0, all, at, n * channels);
            at += n * channels;
        }
        Assert.Equal(all.Length, at);
        return (reader.Header, all);
    }

    [Theory]
    [MemberData(nameof(ReadableNames))]
    public void ReadsEveryFileAsSoxAndFfmpegDecodeIt(string name)
    {
        string path = WavCorpus.Readable[name](_dir);
        var (header, samples) = ReadAll(path);
        var format = header.Format;
        log.WriteLine($"{name}: {format}, {header.Frames} frames{(header.Rf64 ? ", RF64" : "")}{(header.DataToEndOfFile ? ", data to end of file" : "")}");

        // What the tool wrote, by the test's own walk of the chunks: the reader saw the same.
        byte[] file = File.ReadAllBytes(path);
        var fmt = WavCorpus.Chunks(file).Single(c => c.Id == "fmt ").Body;
        Assert.Equal(BinaryPrimitives.ReadUInt16LittleEndian(fmt) == 0xFFFE, format.Extensible);
        Assert.Equal(BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(2)), format.Channels);
        string magic = System.Text.Encoding.ASCII.GetString(file, 0, 4);
        Assert.Equal(name.Contains("rf64"), magic is "RF64" or "BW64");
        Assert.Equal(magic is "RF64" or "BW64", header.Rf64);
        Assert.Equal(name.Contains("streamed"), header.DataToEndOfFile);
        Assert.True(samples.Length > 1000);

        string peerFile = WavCorpus.PeerSource(path);
        foreach (var (tool, decoded) in new[] { ("sox", Peers.SoxS32(peerFile)), ("ffmpeg", Peers.FfmpegS32(peerFile)) })
        {
            Assert.Equal(decoded.Length, samples.Length);
            long maxDiff = 0;
            int differing = 0;
            for (int i = 0; i < samples.Length; i++)
            {
                long diff = Math.Abs((long)samples[i] - decoded[i]);
                if (diff != 0) differing++;
                maxDiff = Math.Max(maxDiff, diff);
            }
            log.WriteLine($"  vs {tool}: {samples.Length} samples, {differing} differ, max difference {maxDiff}");
            // Exact, except: sox's own 32-bit-float conversion rounds a few samples 1 LSB (2^-31)
            // differently (ours is v × 2^31 in double, halves to even, which ffmpeg matches exactly).
            long allowed = format.Encoding == WavEncoding.Float && format.BitsPerSample == 32 && tool == "sox" ? 1 : 0;
            Assert.True(maxDiff <= allowed, $"{name} vs {tool}: {differing} samples differ, by up to {maxDiff}");
        }
    }

    [Fact]
    public void OverFullScaleFloatClipsAndSoDoTheTools()
    {
        var (_, samples) = ReadAll(WavCorpus.Readable["ffmpeg-f32-over-full-scale"](_dir));
        Assert.Contains(int.MaxValue, samples);
        Assert.Contains(int.MinValue, samples);
    }

    /// <summary>Name → (make it from a valid file, the expected message after "path: ").</summary>
    public static readonly Dictionary<string, (Func<string, byte[]> Make, Func<string, string> Message)> Broken = new()
    {
        // Base for most: sox 16-bit stereo, 12000 frames: RIFF(12) fmt(8+16) data(8 + 48000) — data body at 44.
        ["cut-mid-data"] = (d => S16(d)[..(44 + 1000 * 4 + 2)], _ => "truncated: the header claims 12000 frames, the file holds 1000 and 2 bytes of one more"),
        ["cut-at-a-frame"] = (d => S16(d)[..(44 + 7000 * 4)], _ => "truncated: the header claims 12000 frames, the file holds 7000"),
        ["cut-in-fmt"] = (d => S16(d)[..30], _ => "not a readable WAV file (chunk 'fmt ' at byte 12 claims 16 bytes, the file has 10 left)"),
        ["cut-before-data"] = (d => S16(d)[..40], _ => "not a readable WAV file (no data chunk in 40 bytes (header truncated?))"),
        ["cut-in-riff-header"] = (d => S16(d)[..8], _ => "not a readable WAV file (8 bytes, shorter than a RIFF header)"),
        ["empty"] = (_ => [], _ => "not a readable WAV file (0 bytes, shorter than a RIFF header)"),
        ["data-size-past-eof"] = (d => Patch32(S16(d), 40, 48000 + 400), _ => "truncated: the header claims 12100 frames, the file holds 12000"),
        ["data-size-4gb-in-small-file"] = (d => Patch32(S16(d)[..100], 40, 0xFFFFFFF0), _ => "truncated: the header claims 1073741820 frames, the file holds 14"),
        ["block-align-too-small"] = (d => Patch16(S16(d), 32, 1), _ => "not a readable WAV file (block align 1, but 2 channel(s) × 2 bytes = 4)"),
        ["block-align-too-big"] = (d => Patch16(S16(d), 32, 8), _ => "not a readable WAV file (block align 8, but 2 channel(s) × 2 bytes = 4)"),
        ["zero-channels"] = (d => Patch16(S16(d), 22, 0), _ => "not a readable WAV file (0 channels)"),
        ["zero-rate"] = (d => Patch32(S16(d), 24, 0), _ => "not a readable WAV file (sample rate 0 Hz)"),
        ["fmt-size-too-small"] = (d => Patch32(S16(d), 16, 12), _ => "not a readable WAV file (fmt chunk of 12 bytes, needs at least 16)"),
        ["adpcm"] = (d => Patch16(S16(d), 20, 2), _ => "unsupported format (tag 0x0002, Microsoft ADPCM): use 8/16/24/32-bit PCM or 32/64-bit float"),
        ["pcm-12-bit"] = (d => Patch16(S16(d), 34, 12), _ => "unsupported format (PCM, 12-bit): use 8/16/24/32-bit PCM or 32/64-bit float"),
        ["float-16-bit"] = (d => Patch16(S16(d), 20, 3), _ => "unsupported format (float, 16-bit): use 8/16/24/32-bit PCM or 32/64-bit float"),
        ["data-not-whole-frames"] = (d => Patch32(S16(d), 40, 47998), _ => "not a readable WAV file (data chunk of 47998 bytes is not a whole number of 4-byte frames)"),
        ["not-wave"] = (d => Patch32(S16(d), 8, 0x20495641), _ => "not a readable WAV file (a RIFF file of form 'AVI ', not WAVE)"),
        ["noise"] = (_ => Enumerable.Range(0, 500).Select(i => (byte)(i * 37)).ToArray(), _ => "not a readable WAV file (starts with '\\x00%Jo', not RIFF, RF64 or BW64)"),
        ["no-fmt"] = (d => WavCorpus.Build("RIFF", WavCorpus.Chunks(S16(d)).Where(c => c.Id != "fmt ")), _ => "not a readable WAV file (no fmt chunk)"),
        ["two-data-chunks-before-fmt"] = (d => WavCorpus.Build("RIFF", [("data", new byte[4]), ("data", new byte[4]), .. WavCorpus.Chunks(S16(d))]), _ => "not a readable WAV file (two data chunks)"),
        // sox 24-bit mono EXTENSIBLE: fmt body at 20, cbSize at 36, valid bits at 38, GUID at 44.
        ["ext-unknown-subformat"] = (d => Patch16(S24Ext(d), 44, 0x55), _ => "unsupported format (EXTENSIBLE sub-format 00000055-0000-0010-8000-00aa00389b71): use PCM or IEEE float"),
        ["ext-guid-tail-wrong"] = (d => Patch16(S24Ext(d), 58, 0), _ => "unsupported format (EXTENSIBLE sub-format 00000001-0000-0010-8000-00aa00380000): use PCM or IEEE float"),
        ["ext-valid-bits-over-container"] = (d => Patch16(S24Ext(d), 38, 32), _ => "not a readable WAV file (32 valid bits in a 24-bit sample)"),
        ["ext-fmt-too-small"] = (d => Patch32(S24Ext(d), 16, 24), _ => "not a readable WAV file (WAVE_FORMAT_EXTENSIBLE fmt chunk of 24 bytes, needs 40)"),
        ["ext-cbsize-too-small"] = (d => Patch16(S24Ext(d), 36, 10), _ => "not a readable WAV file (WAVE_FORMAT_EXTENSIBLE with cbSize 10, needs 22)"),
        // ffmpeg RF64 s16 mono: ds64 at 12 (data size u64 at 28), fmt at 48.
        ["rf64-ds64-data-past-eof"] = (d => Patch32(Rf64(d), 28, 24000 + 2000), _ => "truncated: the header claims 13000 frames, the file holds 12000"),
        ["rf64-no-ds64"] = (d => WavCorpus.Build("RF64", WavCorpus.Chunks(S16(d))), _ => "not a readable WAV file (an RF64 file whose first chunk is 'fmt ', not ds64)"),
        ["rf64-ds64-too-small"] = (d => Patch32(Rf64(d), 16, 20), _ => "not a readable WAV file (ds64 chunk of 20 bytes, needs at least 28)"),
        ["rf64-ds64-table-too-long"] = (d => Patch32(Rf64(d), 44, 5), _ => "not a readable WAV file (ds64 table of 5 entries does not fit its 28-byte chunk)"),
        ["streamed-ends-mid-frame"] = (d => File.ReadAllBytes(WavCorpus.Readable["ffmpeg-streamed-s16-stereo"](d))[..^1], _ => "truncated: the streamed data (47999 bytes to the end of the file) ends 3 bytes into a 4-byte frame"),
    };

    public static TheoryData<string> BrokenNames() => new(Broken.Keys);

    private static byte[] S16(string dir) => File.ReadAllBytes(WavCorpus.Sox(dir, "base-s16", "-b", "16", "-c", "2"));
    private static byte[] S24Ext(string dir) => File.ReadAllBytes(WavCorpus.Sox(dir, "base-s24", "-b", "24", "-c", "1"));
    private static byte[] Rf64(string dir) => File.ReadAllBytes(WavCorpus.Ffmpeg(dir, "base-rf64", 1, "pcm_s16le", extra: ["-rf64", "always"]));

    private static byte[] Patch16(byte[] file, int at, int value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(at), (ushort)value);
        return file;
    }

    private static byte[] Patch32(byte[] file, int at, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at), value);
        return file;
    }

    [Theory]
    [MemberData(nameof(BrokenNames))]
    public void EveryBrokenFileIsOneClearLine(string name)
    {
        var (make, message) = Broken[name];
        string path = Path.Combine(_dir, name + ".wav");
        File.WriteAllBytes(path, make(_dir));

        var error = Assert.Throws<UserError>(() => ReadAll(path));
        Assert.Equal($"{path}: {message(path)}", error.Message);
        Assert.DoesNotContain('\n', error.Message);

        // Through `mixbox render`: exit code 1, one line, yesterday's mix untouched.
        string output = Path.Combine(_dir, "mix.wav");
        byte[] yesterday = [.. "RIFF yesterday's mix"u8, 0, 1, 2, 0xFF];
        File.WriteAllBytes(output, yesterday);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(1, CliApp.Run(["render", path, "-o", output], stdout, stderr));
        Assert.Equal($"mixbox: {path}: {message(path)}", stderr.ToString().TrimEnd('\n', '\r'));
        Assert.Equal(yesterday, File.ReadAllBytes(output));
        Assert.Empty(Directory.GetFiles(_dir, ".*")); // no temporary file left behind
    }

    [Fact]
    public void MultichannelReadsButRendersOnlyWhenMapped()
    {
        string path = WavCorpus.Readable["sox-s16-6ch-ext"](_dir);
        Assert.Equal(6, ReadAll(path).Header.Format.Channels);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(1, CliApp.Run(["render", path, "-o", Path.Combine(_dir, "mix.wav")], stdout, stderr));
        Assert.Equal($"mixbox: {path}: 6 channels: map the ones to mix to the box's inputs with the scene's \"inputs\" (see mixbox scene template)", stderr.ToString().Trim());
    }

    [Fact]
    public void AStemStreamsAsTheReaderReadsItThenSilence()
    {
        string path = WavCorpus.Readable["ffmpeg-s24-stereo-ext"](_dir);
        var (_, samples) = ReadAll(path);
        using var stem = StemFile.Open(path);
        Assert.Equal(48000, stem.SampleRate);
        var streamed = new List<int>();
        for (int i = 0; i < 60; i++) streamed.AddRange(stem.Next(240).ToArray()); // 14400 frames: 2400 past the end
        Assert.Equal(samples, streamed.Take(samples.Length));
        Assert.All(streamed.Skip(samples.Length), s => Assert.Equal(0, s));
    }

    [Fact]
    public void StreamingMemoryDoesNotGrowWithTheFile()
    {
        // 60 s of 24-bit stereo (17 MB): reading it allocates about one 64 KiB block, not the file.
        string path = Path.Combine(_dir, "long.wav");
        Peers.Run("sox", "-n", "-r", "48000", "-b", "24", "-c", "2", path, "synth", "60", "whitenoise");
        using var reader = WavReader.Open(path);
        var block = new int[reader.BlockFrames * 2];
        long before = GC.GetAllocatedBytesForCurrentThread();
        long frames = 0;
        int n;
        while ((n = reader.Read(block)) > 0) frames += n;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(60 * 48000, frames);
        log.WriteLine($"read {new FileInfo(path).Length} bytes allocating {allocated} bytes");
        Assert.True(allocated < 128 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Over2GiBOfDataIsReadOrRefusedWithoutAllocatingIt()
    {
        // Sparse files: an RF64 (ds64 data size 3 GiB) and a plain RIFF with a 4 GiB − 16 data chunk.
        string rf64 = Path.Combine(_dir, "big-rf64.wav");
        byte[] header = WavCorpus.Build("RF64", [("ds64", new byte[28]), ("fmt ", Fmt(1, 1, 48000, 8)), ("data", [])]);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 0xFFFFFFFF);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(20 + 8), 3L << 30);     // ds64 data size
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(header.Length - 4), 0xFFFFFFFF);
        Sparse(rf64, header, header.Length + (3L << 30));
        using (var reader = WavReader.Open(rf64))
        {
            Assert.Equal(3L << 30, reader.Frames);
            var block = new int[reader.BlockFrames];
            Assert.Equal(reader.BlockFrames, reader.Read(block));
            Assert.All(block, s => Assert.Equal(int.MinValue, s)); // 8-bit 0x00 = −full scale
        }
        using (var multitrack = Multitrack.Open([rf64]))
            Assert.Equal(3L << 30, multitrack.Frames); // streamed: no limit from array sizes

        string riff = Path.Combine(_dir, "big-riff.wav");
        header = WavCorpus.Build("RIFF", [("fmt ", Fmt(1, 1, 48000, 16)), ("data", [])]);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(header.Length - 4), 0xFFFFFFF0);
        Sparse(riff, header, header.Length + 0xFFFFFFF0L);
        using (var reader = WavReader.Open(riff)) Assert.Equal(0x7FFFFFF8L, reader.Frames);
    }

    internal static byte[] Fmt(int tag, int channels, int rate, int bits)
    {
        var f = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(f, (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(4), rate);
        BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(8), rate * channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(12), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(14), (ushort)bits);
        return f;
    }

    private static void Sparse(string path, byte[] header, long length)
    {
        using var file = new FileStream(path, FileMode.Create);
        file.Write(header);
        file.SetLength(length);
    }
}
