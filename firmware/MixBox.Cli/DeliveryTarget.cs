using MixBox.Firmware;

namespace MixBox.Cli;

/// <summary>
/// Where a mix is going and what that place asks of it. Loudness targets are integrated loudness
/// (ITU-R BS.1770-4); <see cref="WindowLu"/> is how far from the target still passes (and the width
/// of the LED ladder's lit window on the box); a target marked <see cref="AtMost"/> passes anywhere
/// below it. True peak is a ceiling in dBTP. The figures and their sources are the firmware's <see cref="TargetPresets"/> (docs/FIRMWARE.md).
/// </summary>
public sealed record DeliveryTarget(string Key, string Name, double? IntegratedLufs, double WindowLu, bool AtMost, double? MaxTruePeakDb, string Source)
{
    /// <summary>The firmware's table (<see cref="TargetPresets"/>), the one the box's LUFS meter mode judges by, in user units.</summary>
    public static readonly DeliveryTarget[] All = TargetPresets.All.Select(From).ToArray();

    private static DeliveryTarget From(TargetPreset p) => new(p.Key, p.Name,
        p.HasLoudness ? p.IntegratedCentiLufs / 100.0 : null, p.WindowCentiLu / 100.0, p.AtMost,
        p.HasTruePeakCeiling ? p.MaxTruePeakCentiDb / 100.0 : null, p.Source);

    /// <summary>The scene's target (<see cref="Scene.Target"/>); null when it has none.</summary>
    public static DeliveryTarget? OfScene(Scene scene) =>
        TargetPresets.ById(scene.Target) is { } preset ? All.First(t => t.Key == preset.Key) : null;

    public static string Keys => string.Join('|', All.Select(t => t.Key));

    public static DeliveryTarget Parse(string key) =>
        All.FirstOrDefault(t => t.Key == key.ToLowerInvariant()) ?? throw new UsageError($"--target {key}: unknown target; one of {Keys}");

    /// <summary>The gain that brings <paramref name="integratedLufs"/> onto the target (0 if it passes an at-most target).</summary>
    public double? GainNeededDb(double? integratedLufs) =>
        IntegratedLufs is not double target || integratedLufs is not double measured ? null
        : AtMost && measured <= target ? 0
        : target - measured;

    public bool LoudnessPasses(double? integratedLufs) =>
        IntegratedLufs is not double target || (integratedLufs is double m && (AtMost ? m <= target + 0.05 : Math.Abs(m - target) <= WindowLu + 0.05));
}
