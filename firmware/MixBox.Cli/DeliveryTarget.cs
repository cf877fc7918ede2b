namespace MixBox.Cli;

/// <summary>
/// Where a mix is going and what that place asks of it. Loudness targets are integrated loudness
/// (ITU-R BS.1770-4); <see cref="WindowLu"/> is how far from the target still passes (and the width
/// of the LED ladder's lit window on the box); a target marked <see cref="AtMost"/> passes anywhere
/// below it. True peak is a ceiling in dBTP. The figures and their sources are in docs/FIRMWARE.md.
/// </summary>
public sealed record DeliveryTarget(string Key, string Name, double? IntegratedLufs, double WindowLu, bool AtMost, double? MaxTruePeakDb, string Source)
{
    public static readonly DeliveryTarget[] All =
    [
        // Spotify for Artists, "Loudness normalization": plays at -14 LUFS; masters at or below -1 dBTP (-2 dBTP if louder than -14 LUFS).
        new("spotify", "Spotify", -14, 1, false, -1, "Spotify for Artists, loudness normalization"),
        // Apple's Sound Check plays at -16 LUFS; Apple Digital Masters ask for no true peak above -1 dBTP.
        new("apple", "Apple Music", -16, 1, false, -1, "Apple Music Sound Check / Apple Digital Masters"),
        // YouTube normalises playback to about -14 LUFS; it publishes no true-peak figure, -1 dBTP as for the other encoders.
        new("youtube", "YouTube", -14, 1, false, -1, "YouTube playback normalization"),
        // AES TD1008 (2021), streaming and on-demand distribution: music at or below -16 LUFS, true peak at most -1 dBTP.
        new("aes", "AES TD1008 music", -16, 0, true, -1, "AES TD1008"),
        // EBU R 128 (2023): -23 LUFS +/-0.5 LU (+/-1 LU for live), maximum true peak -1 dBTP.
        new("ebu", "EBU R 128", -23, 0.5, false, -1, "EBU R 128"),
        // ATSC A/85 (2013): -24 LKFS +/-2 dB, true peak at most -2 dBTP.
        new("atsc", "ATSC A/85", -24, 2, false, -2, "ATSC A/85"),
        // A lacquer has no loudness target; the checks are the low end, correlation and the top end (VinylChecks).
        new("vinyl", "vinyl lacquer", null, 0, false, null, "cutting practice (see VinylChecks)"),
    ];

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
