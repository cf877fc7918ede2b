using MixBox.Hal.Sim;

namespace MixBox.Device.Tests;

/// <summary>A chip that keeps every write phase it receives and answers reads with 0xA0, 0xA1, ...</summary>
internal sealed class RecordingTarget : SimI2cTarget
{
    public List<byte[]> Writes { get; } = new();

    public int Reads { get; private set; }

    public override void Write(ReadOnlySpan<byte> data) => Writes.Add(data.ToArray());

    public override void Read(Span<byte> destination)
    {
        Reads++;
        for (int i = 0; i < destination.Length; i++) destination[i] = (byte)(0xA0 + i);
    }
}
