namespace MixBox.Dsp
{
    /// <summary>Return codes of the native engine (mixbox_status_t).</summary>
    public enum EngineStatus
    {
        Ok = 0,
        NullPointer = -1,
        NotInitialised = -2,
        SampleRate = -3,
        ChannelCount = -4,
        BlockSize = -5,
        BufferTooShort = -6,
        Index = -7,
        Param = -8,
        Value = -9,
    }
}
