using MixBox.Firmware;

namespace MixBox.Twin;

/// <summary>
/// The twin's settings: one file per slot, each replaced whole (write, then rename): the current
/// scene in settings-0.bin and settings-1.bin, memory n (1-based) in memory-NN-0.bin and memory-NN-1.bin, the remote settings in remote-0.bin and remote-1.bin.
/// </summary>
public sealed class FileSettingsStorage : ISettingsStorage
{
    private readonly string _directory;

    public FileSettingsStorage(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    private string SlotPath(int slot) => Path.Combine(_directory, SlotFileName(slot));

    public static string SlotFileName(int slot) =>
        slot < SettingsLayout.MemorySlot(0) ? $"settings-{slot}.bin"
        : slot >= SettingsLayout.RemoteSlot ? $"remote-{slot - SettingsLayout.RemoteSlot}.bin"
        : $"memory-{(slot - SettingsLayout.MemorySlot(0)) / 2 + 1:D2}-{slot % 2}.bin";

    public bool TryRead(int slot, out byte[] data)
    {
        try
        {
            data = File.ReadAllBytes(SlotPath(slot));
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            data = null!;
            return false;
        }
    }

    public bool Write(int slot, byte[] data)
    {
        string path = SlotPath(slot), temporary = path + ".partial";
        try
        {
            File.WriteAllBytes(temporary, data);
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
