using System.Buffers.Binary;
using System.Text;

namespace MixBox.Cli.Tests;

/// <summary>
/// The WAV reader's corpus, generated at test time by the real tools (sox 14.4, ffmpeg), plus
/// files crafted from them (odd chunks, another chunk order). What each writes (checked with xxd):
/// sox: 8/16-bit ≤ 2 channels plain PCM (tag 1); 24/32-bit, or &gt; 2 channels, EXTENSIBLE;
/// float 32/64 tag 3 with an 18-byte fmt (cbSize 0) and a fact chunk.
/// ffmpeg: 8/16-bit ≤ 2 channels plain PCM; 24/32-bit, float and &gt; 2 channels EXTENSIBLE (plus a
/// LIST/INFO chunk; 24-bit mono with an odd frame count has odd-sized data and its pad byte);
/// -rf64 always: RF64 with ds64 and data size 0xFFFFFFFF; to a pipe: RIFF and data sizes
/// 0xFFFFFFFF (streamed). The test checks the EXTENSIBLE flag against the file's own fmt tag.
/// </summary>
internal static class WavCorpus
{
    /// <summary>Name → how to make it in a directory (returns the path).</summary>
    public static readonly Dictionary<string, Func<string, string>> Readable = new()
    {
        ["sox-u8-mono"] = d => Sox(d, "sox-u8-mono", "-b", "8", "-c", "1"),
        ["sox-s16-stereo"] = d => Sox(d, "sox-s16-stereo", "-b", "16", "-c", "2"),
        ["sox-s24-mono-ext"] = d => Sox(d, "sox-s24-mono-ext", "-b", "24", "-c", "1"),
        ["sox-s32-stereo"] = d => Sox(d, "sox-s32-stereo", "-b", "32", "-c", "2"),
        ["sox-f32-stereo"] = d => Sox(d, "sox-f32-stereo", "-e", "float", "-b", "32", "-c", "2"),
        ["sox-f64-mono"] = d => Sox(d, "sox-f64-mono", "-e", "float", "-b", "64", "-c", "1"),
        ["sox-s16-6ch-ext"] = d => Sox(d, "sox-s16-6ch-ext", "-b", "16", "-c", "6"),
        ["sox-s24-4ch-ext"] = d => Sox(d, "sox-s24-4ch-ext", "-b", "24", "-c", "4"),
        ["sox-u8-3ch-ext"] = d => Sox(d, "sox-u8-3ch-ext", "-b", "8", "-c", "3"),
        ["ffmpeg-u8-stereo"] = d => Ffmpeg(d, "ffmpeg-u8-stereo", 2, "pcm_u8"),
        ["ffmpeg-s16-mono"] = d => Ffmpeg(d, "ffmpeg-s16-mono", 1, "pcm_s16le"),
        ["ffmpeg-s24-stereo-ext"] = d => Ffmpeg(d, "ffmpeg-s24-stereo-ext", 2, "pcm_s24le"),
        ["ffmpeg-s24-mono-ext-odd-data"] = d => Ffmpeg(d, "ffmpeg-s24-mono-ext-odd-data", 1, "pcm_s24le", frames: 4801),
        ["ffmpeg-s32-mono"] = d => Ffmpeg(d, "ffmpeg-s32-mono", 1, "pcm_s32le"),
        ["ffmpeg-f32-stereo-ext"] = d => Ffmpeg(d, "ffmpeg-f32-stereo-ext", 2, "pcm_f32le"),
        ["ffmpeg-f32-over-full-scale"] = d => Ffmpeg(d, "ffmpeg-f32-over-full-scale", 2, "pcm_f32le", gain: 2.5),
        ["ffmpeg-f64-mono-ext"] = d => Ffmpeg(d, "ffmpeg-f64-mono-ext", 1, "pcm_f64le"),
        ["ffmpeg-s16-8ch"] = d => Ffmpeg(d, "ffmpeg-s16-8ch", 8, "pcm_s16le"),
        ["ffmpeg-s24-6ch-ext"] = d => Ffmpeg(d, "ffmpeg-s24-6ch-ext", 6, "pcm_s24le"),
        ["ffmpeg-rf64-s24-stereo"] = d => Ffmpeg(d, "ffmpeg-rf64-s24-stereo", 2, "pcm_s24le", extra: ["-rf64", "always"]),
        ["ffmpeg-rf64-f32-mono"] = d => Ffmpeg(d, "ffmpeg-rf64-f32-mono", 1, "pcm_f32le", extra: ["-rf64", "always"]),
        ["ffmpeg-streamed-s16-stereo"] = d => FfmpegStreamed(d, "ffmpeg-streamed-s16-stereo"),
        ["crafted-odd-list-chunk"] = d => Craft(d, "crafted-odd-list-chunk", Sox(d, "base-odd", "-b", "16", "-c", "2"), OddList),
        ["crafted-data-before-fmt"] = d => Craft(d, "crafted-data-before-fmt", Sox(d, "base-order", "-b", "24", "-c", "2"), DataFirst),
        ["crafted-bw64-from-rf64"] = d => ToBw64(d, WavCorpus.Ffmpeg(d, "base-bw64", 2, "pcm_s32le", extra: ["-rf64", "always"])),
        ["crafted-bext-junk-odd"] = d => Craft(d, "crafted-bext-junk-odd", Ffmpeg(d, "base-bext", 1, "pcm_f32le"), BextAndJunk),
    };

    /// <summary>For crafted files: the file the peers decode instead (ffmpeg refuses data before fmt).</summary>
    public static string PeerSource(string path) =>
        Path.GetFileName(path) switch
        {
            "crafted-odd-list-chunk.wav" => Path.Combine(Path.GetDirectoryName(path)!, "base-odd.wav"),
            "crafted-data-before-fmt.wav" => Path.Combine(Path.GetDirectoryName(path)!, "base-order.wav"),
            "crafted-bw64-from-rf64.wav" => Path.Combine(Path.GetDirectoryName(path)!, "base-bw64.wav"),
            "crafted-bext-junk-odd.wav" => Path.Combine(Path.GetDirectoryName(path)!, "base-bext.wav"),
            _ => path,
        };

    /// <summary>0.25 s at 48 kHz of white noise near full scale (every bit pattern appears).</summary>
    public static string Sox(string dir, string name, params string[] format)
    {
        string path = Path.Combine(dir, name + ".wav");
        Peers.Run("sox", ["-n", "-r", "48000", .. format, path, "synth", "0.25", "whitenoise", "vol", "0.95"]);
        return path;
    }

    /// <summary>Per channel: noise, a sine, a ramp …, computed in doubles; 0.25 s at 48 kHz unless frames says.</summary>
    public static string Ffmpeg(string dir, string name, int channels, string codec, int frames = 12000, double gain = 1.0, params string[] extra)
    {
        string path = Path.Combine(dir, name + ".wav");
        Peers.Run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", Source(channels, frames, gain), "-c:a", codec, .. extra, path]);
        return path;
    }

    private static string FfmpegStreamed(string dir, string name)
    {
        string path = Path.Combine(dir, name + ".wav");
        File.WriteAllBytes(path, Peers.Run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", Source(2, 12000, 1.0), "-c:a", "pcm_s16le", "-f", "wav", "pipe:1"));
        return path;
    }

    private static string Source(int channels, int frames, double gain)
    {
        var expressions = Enumerable.Range(0, channels).Select(c => (c % 3) switch
        {
            0 => $"{gain}*(random({c})*1.98-0.99)",
            1 => $"{gain}*0.9*sin(2*PI*{110 * (c + 1)}*t)",
            _ => $"{gain}*(mod(t*{c + 1}*7\\,2)-1)",
        });
        return $"aevalsrc={string.Join('|', expressions)}:s=48000:n={frames}:d={frames / 48000.0:R}";
    }

    private static string Craft(string dir, string name, string from, Func<List<(string Id, byte[] Body)>, List<(string Id, byte[] Body)>> change)
    {
        string path = Path.Combine(dir, name + ".wav");
        File.WriteAllBytes(path, Build("RIFF", change(Chunks(File.ReadAllBytes(from)))));
        return path;
    }

    /// <summary>ITU-R BS.2088's BW64 is RF64 with another magic.</summary>
    private static string ToBw64(string dir, string rf64)
    {
        byte[] file = File.ReadAllBytes(rf64);
        "BW64"u8.CopyTo(file);
        string path = Path.Combine(dir, "crafted-bw64-from-rf64.wav");
        File.WriteAllBytes(path, file);
        return path;
    }

    private static List<(string, byte[])> OddList(List<(string Id, byte[] Body)> c)
    {
        int data = c.FindIndex(x => x.Id == "data");
        c.Insert(data, ("LIST", Encoding.ASCII.GetBytes("INFOISFT\u0005\0\0\0mixb\0"))); // 17 bytes: padded to 18
        c.Insert(0, ("zzz ", [1, 2, 3]));                                              // unknown, odd, before fmt
        return c;
    }

    private static List<(string, byte[])> DataFirst(List<(string Id, byte[] Body)> c) =>
        [("JUNK", new byte[7]), .. c.Where(x => x.Id == "data"), ("cue ", new byte[4]), .. c.Where(x => x.Id != "data")];

    private static List<(string, byte[])> BextAndJunk(List<(string Id, byte[] Body)> c)
    {
        c.Insert(0, ("bext", new byte[603])); // EBU Tech 3285's bext is 602 bytes + coding history: odd here
        c.Add(("JUNK", new byte[1]));
        return c;
    }

    /// <summary>The test's own minimal RIFF walker (independent of the reader under test).</summary>
    public static List<(string Id, byte[] Body)> Chunks(byte[] file)
    {
        var chunks = new List<(string, byte[])>();
        for (int pos = 12; pos + 8 <= file.Length;)
        {
            string id = Encoding.ASCII.GetString(file, pos, 4);
            int size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(pos + 4)), (uint)(file.Length - pos - 8));
            chunks.Add((id, file.AsSpan(pos + 8, size).ToArray()));
            pos += 8 + size + (size & 1);
        }
        return chunks;
    }

    public static byte[] Build(string magic, IEnumerable<(string Id, byte[] Body)> chunks)
    {
        var body = new MemoryStream();
        body.Write(Encoding.ASCII.GetBytes("WAVE"));
        foreach (var (id, data) in chunks)
        {
            body.Write(Encoding.ASCII.GetBytes(id));
            body.Write(BitConverter.GetBytes(data.Length));
            body.Write(data);
            if (data.Length % 2 == 1) body.WriteByte(0);
        }
        var file = new MemoryStream();
        file.Write(Encoding.ASCII.GetBytes(magic));
        file.Write(BitConverter.GetBytes((int)body.Length));
        body.WriteTo(file);
        return file.ToArray();
    }
}
