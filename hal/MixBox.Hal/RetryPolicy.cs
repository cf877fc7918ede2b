namespace MixBox.Hal
{
    /// <summary>
    /// How hard a transfer is retried before it counts as failed. Always bounded: a chip
    /// that is gone must cost a few milliseconds, never a hang.
    /// </summary>
    public sealed class RetryPolicy
    {
        /// <summary>3 tries, 1 ms apart: rides out a glitch, gives up on a missing part quickly.</summary>
        public const int DefaultAttempts = 3;
        public const int DefaultDelayMs = 1;

        public RetryPolicy(int attempts, int delayBetweenMs)
        {
            Attempts = attempts < 1 ? 1 : attempts;
            DelayBetweenMs = delayBetweenMs < 0 ? 0 : delayBetweenMs;
        }

        public static RetryPolicy Default { get { return new RetryPolicy(DefaultAttempts, DefaultDelayMs); } }

        /// <summary>Total tries per transfer, including the first (at least 1).</summary>
        public int Attempts { get; private set; }

        public int DelayBetweenMs { get; private set; }
    }
}
