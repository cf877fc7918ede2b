namespace MixBox.Hal.Sim;

/// <summary>
/// A chip model on the simulated bus. A write-read arrives as <see cref="Write"/> with the
/// write part, then <see cref="Read"/> after the repeated start, as on the wire.
/// </summary>
public abstract class SimI2cTarget
{
    public abstract void Write(ReadOnlySpan<byte> data);

    public abstract void Read(Span<byte> destination);

    /// <summary>False while the part cannot answer its address (held in shutdown, hung): the bus NACKs.</summary>
    public virtual bool Acknowledges => true;
}
