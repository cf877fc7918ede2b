using System.Globalization;
using System.Text.RegularExpressions;

namespace MixBox.Device.Tests;

/// <summary>
/// The audio task's counters cross three files: mixbox_audio_stats_t (C), the glue that
/// copies them into the managed array (NativeReadStats) and the indices C# reads them by
/// (NativeAudio.Stat*). They must agree name by name and index by index.
/// </summary>
public class AudioStatsConsistencyTests
{
    private static string CName(string csharp)
    {
        // StatLastBlockMicroseconds -> last_block_us, StatIoErrors -> io_errors
        string snake = Regex.Replace(csharp, "(?<=[a-z])([A-Z])", "_$1").ToLowerInvariant();
        return Regex.Replace(snake, "_microseconds$", "_us");
    }

    [Fact]
    public void CSharpIndicesGlueAndCStructAgree()
    {
        string csharp = File.ReadAllText(RepoPaths.File("dsp/MixBox.Dsp/NativeAudio.Device.cs"));
        string glue = File.ReadAllText(RepoPaths.File("firmware/native/MixBox_Dsp_MixBox_Dsp_NativeAudio.cpp"));
        string header = File.ReadAllText(RepoPaths.File("firmware/native/mixbox_device_link.h"));

        var indices = Regex.Matches(csharp, @"public const int Stat(\w+) = (\d+);")
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.True(indices.Remove("Count", out int count));

        var copied = Regex.Matches(glue, @"values\[(\d+)\] = \(signed int\)stats\.(\w+);")
            .Select(m => (Index: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Field: m.Groups[2].Value)).ToList();
        Match body = Regex.Match(header, @"typedef struct \{(.*?)\} mixbox_audio_stats_t;", RegexOptions.Singleline);
        Assert.True(body.Success);
        var fields = Regex.Matches(body.Groups[1].Value, @"uint32_t (\w+);").Select(m => m.Groups[1].Value).ToList();
        Match define = Regex.Match(header, @"#define MIXBOX_AUDIO_STAT_COUNT (\d+)u");
        Assert.True(define.Success);

        Assert.Equal(count, indices.Count);
        Assert.Equal(count, copied.Count);
        Assert.Equal(count, fields.Count);
        Assert.Equal(count, int.Parse(define.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Contains("GetSize() < MIXBOX_AUDIO_STAT_COUNT", glue);
        for (int i = 0; i < copied.Count; i++)
        {
            Assert.Equal(i, copied[i].Index);
            Assert.Equal(fields[i], copied[i].Field); // the glue copies the struct in its order
        }
        foreach (var (name, index) in indices)
        {
            Assert.Equal(CName(name), copied[index].Field);
        }
    }
}
