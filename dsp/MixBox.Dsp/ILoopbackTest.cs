namespace MixBox.Dsp
{
    /// <summary>
    /// The loopback self-test as the firmware drives it: start it, then poll its result
    /// every control tick. On the device the audio task plays and captures it
    /// (LoopbackTest.Device.cs); in the host twin the twin's audio loop does
    /// (LoopbackTest.Host.cs). One contract, two bindings, as <see cref="MixEngine"/>.
    /// </summary>
    public interface ILoopbackTest
    {
        /// <summary>Starts a test (the DAC plays it instead of the mix); false if one is still running.</summary>
        bool Start();

        /// <summary>Status Running until the test is over, then its figures.</summary>
        LoopbackResult Read();
    }
}
