using System.Reflection;

namespace MixBox.Device.Tests;

internal static class RepoPaths
{
    public static string Metadata(string key)
    {
        foreach (var attribute in typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == key && attribute.Value is not null) return Path.GetFullPath(attribute.Value);
        }
        throw new InvalidOperationException("no assembly metadata " + key);
    }

    public static string Root => Metadata("RepositoryRoot");

    public static string File(string relative) => Path.Combine(Root, relative);
}
