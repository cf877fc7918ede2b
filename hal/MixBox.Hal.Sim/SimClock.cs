namespace MixBox.Hal.Sim;

/// <summary>Virtual time: drivers' waits and clock-stretch stalls add up here, nothing sleeps.</summary>
public sealed class SimClock : IDelay
{
    public long ElapsedMs { get; private set; }

    public void Milliseconds(int ms)
    {
        if (ms > 0) ElapsedMs += ms;
    }
}
