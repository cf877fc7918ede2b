namespace MixBox.Hal
{
    /// <summary>
    /// Waits the datasheets ask for (reset, wake, status polls). On the device it sleeps;
    /// in the host twin it only advances a virtual clock, so tests never wait for real.
    /// </summary>
    public interface IDelay
    {
        void Milliseconds(int ms);
    }
}
