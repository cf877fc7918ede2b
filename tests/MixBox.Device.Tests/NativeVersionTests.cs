using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MixBox.Device.Tests;

/// <summary>
/// The device CLR loads an interop assembly only when its native version and its native
/// methods' checksum equal the image's (the metadata processor writes both into the
/// generated MixBox_Dsp.cpp). A changed InternalCall without a new AssemblyNativeVersion
/// builds and deploys, then fails to load on the box. Each version is recorded here with a
/// digest of the InternalCall declarations it was released with; change a declaration and
/// this fails until the version is bumped and the new pair appended.
/// </summary>
public class NativeVersionTests
{
    // Append only: (AssemblyNativeVersion, digest of every InternalCall declaration).
    private static readonly (string Version, string Digest)[] Released =
    [
        ("1.1.0.0", "6EA29FFB97E3CDE0"),
    ];

    private static string CurrentVersion()
    {
        string source = File.ReadAllText(RepoPaths.File("dsp/MixBox.Dsp/AssemblyNativeVersion.Device.cs"));
        return Regex.Match(source, @"AssemblyNativeVersion\(""([0-9.]+)""\)").Groups[1].Value;
    }

    /// <summary>Every `static extern` declaration of the interop classes, class-qualified, whitespace folded, sorted.</summary>
    internal static string InternalCallDigest()
    {
        var lines = new List<string>();
        foreach (string path in Directory.GetFiles(RepoPaths.File("dsp/MixBox.Dsp"), "*.Device.cs"))
        {
            string cls = Path.GetFileName(path).Split('.')[0];
            foreach (Match m in Regex.Matches(File.ReadAllText(path), @"static extern[^;]*;"))
            {
                lines.Add(cls + ": " + Regex.Replace(m.Value, @"\s+", " "));
            }
        }
        lines.Sort(StringComparer.Ordinal);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        return Convert.ToHexString(hash, 0, 8);
    }

    [Fact]
    public void TheInternalCallsAreTheOnesTheirNativeVersionWasReleasedWith()
    {
        string version = CurrentVersion();
        string digest = InternalCallDigest();
        var (lastVersion, lastDigest) = Released[^1];
        Assert.True(version == lastVersion,
            $"AssemblyNativeVersion is {version}, the last recorded one {lastVersion}: append (\"{version}\", \"{digest}\") to Released");
        Assert.True(digest == lastDigest,
            $"the InternalCall declarations changed (digest {digest}, released {lastDigest}) under the same AssemblyNativeVersion {version}: " +
            "bump it in dsp/MixBox.Dsp/AssemblyNativeVersion.Device.cs and append the new pair to Released");
    }

    [Fact]
    public void EachRecordedVersionIsNewerAndHasItsOwnDigest()
    {
        for (int i = 1; i < Released.Length; i++)
        {
            Assert.True(Version.Parse(Released[i].Version) > Version.Parse(Released[i - 1].Version), Released[i].Version);
            Assert.NotEqual(Released[i - 1].Digest, Released[i].Digest);
        }
    }
}
