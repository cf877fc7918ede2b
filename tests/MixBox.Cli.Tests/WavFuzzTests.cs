using System.Buffers.Binary;
using System.Diagnostics;
using Xunit.Abstractions;

namespace MixBox.Cli.Tests;

/// <summary>
/// Random mutations of valid WAV headers (seeded, bounded to 20 000 cases or 5 s): the reader
/// either reads every frame or throws a one-line UserError, never anything else, and never
/// allocates more than the file could hold (a 4 GB data size claimed by a 100-byte file
/// allocates nothing of the sort).
/// </summary>
public sealed class WavFuzzTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mixbox-wavfuzz-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly uint[] Interesting32 = [0, 1, 2, 3, 4, 16, 18, 28, 40, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFF0, 0x10000];
    private static readonly ushort[] Interesting16 = [0, 1, 2, 3, 6, 8, 12, 16, 22, 24, 32, 64, 0x7FFF, 0xFFFE, 0xFFFF];

    private List<byte[]> Seeds()
    {
        var seeds = new List<byte[]>
        {
            File.ReadAllBytes(Small("sox", "-b", "16", "-c", "2")),
            File.ReadAllBytes(Small("sox", "-b", "24", "-c", "1")),          // EXTENSIBLE
            File.ReadAllBytes(Small("sox", "-b", "8", "-c", "3")),           // EXTENSIBLE 8-bit
            File.ReadAllBytes(Small("sox", "-e", "float", "-b", "32", "-c", "2")),
            File.ReadAllBytes(Small("sox", "-e", "float", "-b", "64", "-c", "1")),
            File.ReadAllBytes(WavCorpus.Ffmpeg(_dir, "seed-rf64", 2, "pcm_s24le", frames: 100, extra: ["-rf64", "always"])),
            File.ReadAllBytes(WavCorpus.Ffmpeg(_dir, "seed-f32", 1, "pcm_f32le", frames: 100)),
        };
        // Data before fmt, odd chunks, and an RF64 whose LIST size comes from the ds64 table.
        var chunks = WavCorpus.Chunks(seeds[0]);
        seeds.Add(WavCorpus.Build("RIFF", [("odd!", [9]), .. chunks.Where(c => c.Id == "data"), .. chunks.Where(c => c.Id != "data")]));
        var ds64 = new byte[28 + 12];
        BinaryPrimitives.WriteUInt64LittleEndian(ds64.AsSpan(8), (ulong)chunks.Single(c => c.Id == "data").Body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(ds64.AsSpan(24), 1);
        "LIST"u8.CopyTo(ds64.AsSpan(28));
        BinaryPrimitives.WriteUInt64LittleEndian(ds64.AsSpan(32), 5);
        byte[] rf64 = WavCorpus.Build("RF64", [("ds64", ds64), ("LIST", new byte[5]), .. chunks]);
        int list = 12 + 8 + ds64.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(rf64.AsSpan(list + 4), 0xFFFFFFFF);
        seeds.Add(rf64);
        foreach (var seed in seeds) WavReaderTestsRead(seed); // every seed is valid
        return seeds;
    }

    private string Small(params string[] args)
    {
        string path = Path.Combine(_dir, $"seed-{Guid.NewGuid():N}.wav");
        Peers.Run("sox", ["-n", "-r", "48000", .. args[1..], path, "synth", "0.002", "whitenoise"]);
        return path;
    }

    private static readonly int[] Block = new int[65536]; // ≥ BlockFrames × channels for any format

    private static long WavReaderTestsRead(byte[] file)
    {
        using var reader = new WavReader(new MemoryStream(file, writable: false), "fuzz");
        long frames = 0;
        int n;
        while ((n = reader.Read(Block)) > 0) frames += n;
        Assert.Equal(reader.Frames, frames);
        return frames;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var file = (byte[])seed.Clone();
        // Mostly in the header (the first 120 bytes), sometimes anywhere.
        int Where(int width) => Math.Max(0, random.Next(10) < 8 ? random.Next(Math.Max(1, Math.Min(file.Length, 120) - width + 1)) : random.Next(Math.Max(1, file.Length - width + 1)));
        int fmt = file.AsSpan().IndexOf("fmt "u8);
        for (int m = random.Next(1, 5); m > 0; m--)
        {
            switch (random.Next(fmt >= 0 ? 10 : 7))
            {
                case 0 when file.Length > 0: file[Where(1)] ^= (byte)(1 << random.Next(8)); break;
                case 1 when file.Length > 0: file[Where(1)] = (byte)random.Next(256); break;
                case 2 when file.Length >= 4:
                    int at = Where(4) & ~1;
                    if (at + 4 <= file.Length) BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at), random.Next(3) == 0 ? (uint)(file.Length + random.Next(-8, 9)) : Interesting32[random.Next(Interesting32.Length)]);
                    break;
                case 3 when file.Length >= 2:
                    int at16 = Where(2) & ~1;
                    if (at16 + 2 <= file.Length) BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(at16), Interesting16[random.Next(Interesting16.Length)]);
                    break;
                case 4: file = file[..random.Next(file.Length + 1)]; break;                          // truncate
                case 5: file = [.. file, .. Enumerable.Range(0, random.Next(1, 9)).Select(_ => (byte)random.Next(256))]; break;
                case 6 when file.Length > 16:                                                        // move a slice
                    int from = random.Next(file.Length - 8), len = random.Next(1, 9);
                    var slice = file.AsSpan(from, Math.Min(len, file.Length - from)).ToArray();
                    int to = Where(slice.Length);
                    slice.CopyTo(file.AsSpan(to, Math.Min(slice.Length, file.Length - to)));
                    break;
                case >= 7:                                                                            // a fmt field, often 0
                    int[] fields = [4, 8, 10, 12, 16, 20, 22, 24, 26, 28, 32]; // from the chunk id: size, tag, channels, rate, byte rate, align, bits, cbSize, valid, mask, GUID
                    int field = fmt + fields[random.Next(fields.Length)];
                    bool wide = field - fmt is 4 or 12 or 16 or 28;
                    if (field + (wide ? 4 : 2) > file.Length) break;
                    uint value = random.Next(3) == 0 ? 0 : wide ? Interesting32[random.Next(Interesting32.Length)] : Interesting16[random.Next(Interesting16.Length)];
                    if (wide) BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(field), value);
                    else BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(field), (ushort)value);
                    break;
            }
        }
        return file;
    }

    [Fact]
    public void A4GBClaimInA100ByteFileAllocatesNothingLikeIt()
    {
        byte[] file = WavCorpus.Build("RIFF", [("fmt ", WavReaderTests.Fmt(1, 2, 48000, 16)), ("data", new byte[56])]);
        Assert.Equal(100, file.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(40), 0xFFFFFFFC);
        WavReaderTestsRead(WavCorpus.Build("RIFF", [("fmt ", WavReaderTests.Fmt(1, 2, 48000, 16)), ("data", new byte[56])])); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<UserError>(() => WavReaderTestsRead(file));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("fuzz: truncated: the header claims 1073741823 frames, the file holds 14", error.Message);
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void MutatedHeadersGiveAUserErrorOrReadNeverAnythingElse()
    {
        var seeds = Seeds();
        var random = new Random(20261204);
        var clock = Stopwatch.StartNew();
        int cases = 0, read = 0, refused = 0;
        long worstOverLength = long.MinValue;
        var messages = new Dictionary<string, int>();
        while (cases < 20_000 && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            byte[] file = Mutate(seeds[random.Next(seeds.Count)], random);
            cases++;
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                WavReaderTestsRead(file);
                read++;
            }
            catch (UserError e)
            {
                refused++;
                Assert.StartsWith("fuzz: ", e.Message);
                Assert.DoesNotContain('\n', e.Message);
                string kind = e.Message.Split('(', ':')[1].Trim();
                messages[kind] = messages.GetValueOrDefault(kind) + 1;
            }
            catch (Exception e)
            {
                Assert.Fail($"case {cases}: {e.GetType().Name}: {e.Message}\nfile ({file.Length} bytes) starts {Convert.ToHexString(file, 0, Math.Min(file.Length, 96))}");
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            worstOverLength = Math.Max(worstOverLength, allocated - file.Length);
            Assert.True(allocated <= file.Length + 64 * 1024,
                $"case {cases}: {allocated} bytes allocated for a {file.Length}-byte file; starts {Convert.ToHexString(file, 0, Math.Min(file.Length, 96))}");
        }
        log.WriteLine($"{cases} cases in {clock.Elapsed.TotalSeconds:F1} s: {read} read, {refused} refused; worst allocation {worstOverLength} bytes beyond the file's length");
        foreach (var (kind, count) in messages.OrderByDescending(k => k.Value)) log.WriteLine($"  {count,6} {kind}");
        Assert.True(cases >= 2_000, $"only {cases} cases ran");
        Assert.True(read > cases / 50 && refused > cases / 50, $"{read} read, {refused} refused: the mutations should give both");
    }
}
