namespace MixBox.Firmware
{
    /// <summary>
    /// The delivery targets, the one table the box (LUFS meter mode, docs/FIRMWARE.md) and
    /// `mixbox render --target` both judge by. A scene names its target by <see cref="TargetPreset.Id"/>
    /// (<see cref="NoTarget"/>: none); ids are stored (4 bits of the settings' panel byte, so at most
    /// <see cref="MaxId"/>), so a new target takes the next id and none is ever renumbered.
    /// </summary>
    public static class TargetPresets
    {
        /// <summary>The scene's target when it has none (the power-on value).</summary>
        public const int NoTarget = 0;
        /// <summary>The highest id the stored form can hold (SceneSections: bits 4-7 of the panel byte).</summary>
        public const int MaxId = 15;
        /// <summary>The ceiling the box's TP-over LED uses when the target names none: -1 dBTP, as the streaming targets.</summary>
        public const int DefaultTruePeakCeilingCentiDb = -100;

        private const int None = TargetPreset.None;

        public static readonly TargetPreset[] All =
        {
            // Spotify for Artists, "Loudness normalization": plays at -14 LUFS; masters at or below -1 dBTP (-2 dBTP if louder than -14 LUFS).
            new TargetPreset(1, "spotify", "Spotify", -1400, 100, false, -100, "Spotify for Artists, loudness normalization"),
            // Apple's Sound Check plays at -16 LUFS; Apple Digital Masters ask for no true peak above -1 dBTP.
            new TargetPreset(2, "apple", "Apple Music", -1600, 100, false, -100, "Apple Music Sound Check / Apple Digital Masters"),
            // YouTube normalises playback to about -14 LUFS; it publishes no true-peak figure, -1 dBTP as for the other encoders.
            new TargetPreset(3, "youtube", "YouTube", -1400, 100, false, -100, "YouTube playback normalization"),
            // AES TD1008 (2021), streaming and on-demand distribution: music at or below -16 LUFS, true peak at most -1 dBTP.
            new TargetPreset(4, "aes", "AES TD1008 music", -1600, 0, true, -100, "AES TD1008"),
            // EBU R 128 (2023): -23 LUFS +/-0.5 LU (+/-1 LU for live), maximum true peak -1 dBTP.
            new TargetPreset(5, "ebu", "EBU R 128", -2300, 50, false, -100, "EBU R 128"),
            // ATSC A/85 (2013): -24 LKFS +/-2 dB, true peak at most -2 dBTP.
            new TargetPreset(6, "atsc", "ATSC A/85", -2400, 200, false, -200, "ATSC A/85"),
            // A lacquer has no loudness target; the render's checks are the low end, correlation and the top end (VinylChecks).
            new TargetPreset(7, "vinyl", "vinyl lacquer", None, 0, false, None, "cutting practice (see VinylChecks)"),
        };

        /// <summary>The key a scene without a target shows in JSON and on the remote.</summary>
        public const string NoTargetKey = "none";

        /// <summary>The preset with this id; null for <see cref="NoTarget"/> or an id this firmware does not know.</summary>
        public static TargetPreset ById(int id)
        {
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i].Id == id) return All[i];
            }
            return null;
        }

        /// <summary>The id of the target named <paramref name="key"/> (lower case; "none" is <see cref="NoTarget"/>); -1 when unknown.</summary>
        public static int IdOf(string key)
        {
            if (key == NoTargetKey) return NoTarget;
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i].Key == key) return All[i].Id;
            }
            return -1;
        }

        /// <summary>The key of target <paramref name="id"/>; "none" for no target.</summary>
        public static string KeyOf(int id)
        {
            TargetPreset preset = ById(id);
            return preset != null ? preset.Key : NoTargetKey;
        }

        public static bool IsValidId(int id) { return id == NoTarget || ById(id) != null; }

        /// <summary>The true-peak ceiling the box watches for this target (its own, else -1 dBTP).</summary>
        public static int TruePeakCeilingCentiDb(TargetPreset preset)
        {
            return preset != null && preset.HasTruePeakCeiling ? preset.MaxTruePeakCentiDb : DefaultTruePeakCeilingCentiDb;
        }
    }
}
