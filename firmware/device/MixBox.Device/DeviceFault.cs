namespace MixBox.Device
{
    /// <summary>Why the box cannot make sound; each has its own LED pattern (<see cref="FaultPattern"/>).</summary>
    public enum DeviceFault
    {
        None = 0,
        /// <summary>The firmware image's engine ABI differs from the app's (update one of them).</summary>
        AbiMismatch = 1,
        /// <summary>The engine refused to initialise.</summary>
        EngineInit = 2,
        /// <summary>The TDM channels or the audio task could not start.</summary>
        AudioStart = 3,
    }
}
