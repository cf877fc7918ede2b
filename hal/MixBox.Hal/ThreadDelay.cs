using System.Threading;

namespace MixBox.Hal
{
    /// <summary>Real waiting, for the device.</summary>
    public sealed class ThreadDelay : IDelay
    {
        public void Milliseconds(int ms)
        {
            if (ms > 0)
            {
                Thread.Sleep(ms);
            }
        }
    }
}
