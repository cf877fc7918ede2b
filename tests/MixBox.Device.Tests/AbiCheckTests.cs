using System.Globalization;
using System.Text.RegularExpressions;
using MixBox.Dsp;

namespace MixBox.Device.Tests;

public class AbiCheckTests
{
    [Fact]
    public void MatchesOnlyTheAppsOwnVersion()
    {
        Assert.True(AbiCheck.Matches(EngineLimits.AbiVersion));
        Assert.False(AbiCheck.Matches(EngineLimits.AbiVersion + 1));
        Assert.False(AbiCheck.Matches(0));
        Assert.Contains("MISMATCH", AbiCheck.Describe(0x00020000));
        Assert.EndsWith(": ok", AbiCheck.Describe(EngineLimits.AbiVersion));
    }

    [Fact]
    public void TheAppsVersionIsTheHeadersVersion()
    {
        string header = File.ReadAllText(RepoPaths.File("dsp/native/include/mixbox_engine.h"));
        Match match = Regex.Match(header, @"#define MIXBOX_ABI_VERSION 0x([0-9A-Fa-f]+)u");
        Assert.True(match.Success);
        Assert.Equal(EngineLimits.AbiVersion, int.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DeviceStatusCodesAreTheNativeOnes()
    {
        // DeviceStatus.Device.cs is device-only; its numbers must equal mixbox_device_link.h's.
        string header = File.ReadAllText(RepoPaths.File("firmware/native/mixbox_device_link.h"));
        string csharp = File.ReadAllText(RepoPaths.File("dsp/MixBox.Dsp/DeviceStatus.Device.cs"));
        var native = Regex.Matches(header, @"#define MIXBOX_DEVICE_ERR_(\w+) \((-\d+)\)")
            .ToDictionary(m => m.Groups[1].Value.Replace("_", "").ToLowerInvariant(), m => m.Groups[2].Value);
        var managed = Regex.Matches(csharp, @"^\s*(\w+) = (-\d+),", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value.ToLowerInvariant(), m => m.Groups[2].Value);
        Assert.Equal(7, native.Count);
        Assert.Equal(native.OrderBy(p => p.Key), managed.OrderBy(p => p.Key));
    }
}
