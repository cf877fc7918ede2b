namespace MixBox.Dsp
{
    /// <summary>Outcome of the loopback self-test (mixbox_loopback_status_t).</summary>
    public enum LoopbackStatus
    {
        Ok = 0,
        /// <summary>Not finished, or never started.</summary>
        Running = 1,
        /// <summary>Nothing came back on input 1: no cable, or patched into another input.</summary>
        NoSignal = 2,
        /// <summary>Input 1 reached full scale: the figures are given, the THD+N is the clip's.</summary>
        Clipped = 3,
    }
}
