using NAudio.Wave;

namespace MixBox.Cli;

/// <summary>Writes interleaved Q1.31 samples as a 24-bit WAV, replacing the file only once it is complete.</summary>
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
                    int sample24 = stereoQ31[i] >> 8; // the DAC's top 24 bits
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
}
