namespace MixBox.Cli;

/// <summary>
/// A short synthetic multitrack for the box's eight inputs: a four-bar groove at
/// 120 BPM (kick, snare, hats, bass, stereo keys, a vocal-like lead, a pad), as
/// 24-bit samples the way the input converters deliver them.
/// </summary>
public static class DemoMultitrack
{
    public static readonly string[] ChannelNames = { "kick", "snare", "hats", "bass", "keys L", "keys R", "lead", "pad" };

    private const double Bpm = 120;

    // Am - F - C - G, one chord per bar (MIDI note numbers).
    private static readonly int[][] Chords = { new[] { 57, 60, 64 }, new[] { 53, 57, 60 }, new[] { 48, 52, 55 }, new[] { 55, 59, 62 } };
    private static readonly int[] BassRoots = { 33, 29, 36, 31 };
    private static readonly int[] Melody = { 69, 72, 71, 69, 65, 69, 67, 64, 64, 67, 72, 71, 67, 71, 74, 71 };

    /// <summary>Interleaved frames (8 channels, Q1.31 with 24-bit resolution).</summary>
    public static int[] Render(int sampleRate, double seconds)
    {
        int frames = (int)(sampleRate * seconds);
        var tracks = new double[8][];
        for (int c = 0; c < 8; c++) tracks[c] = new double[frames];
        var random = new Random(1234);
        double beat = 60.0 / Bpm;

        for (int i = 0; i < frames; i++)
        {
            double t = (double)i / sampleRate;
            int beatIndex = (int)(t / beat);
            double inBeat = t - beatIndex * beat;
            double inEighth = t % (beat / 2);
            int bar = beatIndex / 4 % 4;
            double noise = 2 * random.NextDouble() - 1;

            // Kick: a falling sine with a fast decay on every beat.
            double kickPhase = 2 * Math.PI * (45 * inBeat + 75 * 0.03 * (1 - Math.Exp(-inBeat / 0.03)));
            tracks[0][i] = 0.8 * Math.Sin(kickPhase) * Math.Exp(-inBeat / 0.25);
            // Snare on 2 and 4: noise plus a 180 Hz body.
            double snare = beatIndex % 2 == 1 ? Math.Exp(-inBeat / 0.12) : 0;
            tracks[1][i] = snare * (0.35 * noise + 0.25 * Math.Sin(2 * Math.PI * 180 * inBeat));
            // Hats on eighths: short noise bursts.
            tracks[2][i] = 0.25 * Math.Exp(-inEighth / 0.03) * noise;
            // Bass: root in eighths, three harmonics, plucked.
            double bassF = Midi(BassRoots[bar]);
            double bassEnv = Math.Exp(-inEighth / 0.2);
            tracks[3][i] = 0.45 * bassEnv * (Math.Sin(2 * Math.PI * bassF * t) + 0.5 * Math.Sin(4 * Math.PI * bassF * t) + 0.25 * Math.Sin(6 * Math.PI * bassF * t)) / 1.75;
            // Keys: the chord, slightly detuned left against right.
            double keysEnv = 0.6 + 0.4 * Math.Exp(-inBeat / 0.3);
            foreach (int note in Chords[bar])
            {
                tracks[4][i] += 0.12 * keysEnv * Math.Sin(2 * Math.PI * Midi(note) * 0.999 * t);
                tracks[5][i] += 0.12 * keysEnv * Math.Sin(2 * Math.PI * Midi(note) * 1.001 * t);
            }
            // Lead: a voice-like buzz (odd-weighted harmonics with vibrato), one note per two beats.
            double leadF = Midi(Melody[beatIndex / 2 % Melody.Length]) * (1 + 0.006 * Math.Sin(2 * Math.PI * 5.5 * t));
            double lead = 0;
            for (int h = 1; h <= 8; h++) lead += Math.Sin(2 * Math.PI * leadF * h * t) * Formant(leadF * h) / h;
            double leadEnv = Math.Min(1, (t % (2 * beat)) / 0.05) * Math.Exp(-(t % (2 * beat)) / 1.5);
            tracks[6][i] = 0.3 * leadEnv * lead;
            // Pad: the chord an octave up, slow swell.
            double padEnv = 0.5 - 0.5 * Math.Cos(2 * Math.PI * (t % (4 * beat)) / (4 * beat));
            foreach (int note in Chords[bar]) tracks[7][i] += 0.08 * padEnv * Math.Sin(2 * Math.PI * Midi(note + 12) * t);
        }

        var interleaved = new int[frames * 8];
        for (int i = 0; i < frames; i++)
            for (int c = 0; c < 8; c++)
                interleaved[i * 8 + c] = ToQ31Of24Bit(tracks[c][i]);
        return interleaved;
    }

    private static double Midi(int note) => 440.0 * Math.Pow(2, (note - 69) / 12.0);

    // Vowel-like emphasis around 700 Hz and 1.2 kHz.
    private static double Formant(double f) => 0.3 + Math.Exp(-Math.Pow((f - 700) / 250, 2)) + 0.7 * Math.Exp(-Math.Pow((f - 1200) / 300, 2));

    private static int ToQ31Of24Bit(double x)
    {
        double code = Math.Clamp(Math.Round(x * 8388608.0), -8388608.0, 8388607.0);
        return (int)code * 256;
    }
}
