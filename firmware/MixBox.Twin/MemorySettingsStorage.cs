using MixBox.Firmware;

namespace MixBox.Twin;

/// <summary>
/// Settings slots in memory, like flash: a write first erases the slot (0xFF), then
/// programs it byte by byte. <see cref="CutPowerAfterBytes"/> stops a write after that
/// many bytes, as a power cut would, leaving the slot half written.
/// </summary>
public sealed class MemorySettingsStorage : ISettingsStorage
{
    private readonly byte[]?[] _slots = new byte[]?[SettingsLayout.Slots];

    /// <summary>-1: no cut. Otherwise the next write stops after this many bytes (then power is "back").</summary>
    public int CutPowerAfterBytes { get; set; } = -1;

    public int Writes { get; private set; }

    /// <summary>The slot of the last write (-1: none yet).</summary>
    public int LastWrittenSlot { get; private set; } = -1;

    public byte[]? Peek(int slot) => _slots[slot];

    public void Poke(int slot, byte[]? data) => _slots[slot] = data;

    public bool TryRead(int slot, out byte[] data)
    {
        data = _slots[slot] is { } bytes ? (byte[])bytes.Clone() : null!;
        return data != null;
    }

    public bool Write(int slot, byte[] data)
    {
        Writes++;
        LastWrittenSlot = slot;
        var flash = Enumerable.Repeat((byte)0xFF, data.Length).ToArray();
        _slots[slot] = flash;
        int budget = CutPowerAfterBytes < 0 ? data.Length : Math.Min(CutPowerAfterBytes, data.Length);
        Array.Copy(data, flash, budget);
        bool complete = budget == data.Length;
        CutPowerAfterBytes = -1;
        return complete;
    }
}
