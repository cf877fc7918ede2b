using NAudio.Wave;

namespace MixBox.Cli;

/// <summary>Writes interleaved Q1.31 samples as a 24-bit WAV (rounded to nearest), replacing the file only once it is complete.</summary>
public static class WavOutput
{
    public static void WriteStereo24(string path, int[] stereoQ31, int sampleRate)
    {
        string fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        string temporary = fullPath + ".partial";
        try
        {
            using (var writer = new WaveFileWriter(temporary, new WaveFormat(sampleRate, 24, 2)))
            {
                var bytes = new byte[stereoQ31.Length * 3];
                for (int i = 0; i < stereoQ31.Length; i++)
                {
                    int sample24 = RoundTo24Bits(stereoQ31[i]);
                    bytes[3 * i] = (byte)sample24;
                    bytes[3 * i + 1] = (byte)(sample24 >> 8);
                    bytes[3 * i + 2] = (byte)(sample24 >> 16);
                }
                writer.Write(bytes, 0, bytes.Length);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>
    /// The nearest 24-bit step (ties up), saturating at the top: flooring (>> 8) would put
    /// a -0.5 LSB bias on everything. Dithered output is on the 24-bit grid already and
    /// passes unchanged.
    /// </summary>
    public static int RoundTo24Bits(int q31)
    {
        long rounded = ((long)q31 + 128) >> 8;
        return rounded > 0x7FFFFF ? 0x7FFFFF : (int)rounded;
    }
}
