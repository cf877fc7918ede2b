using System;

namespace MixBox.Dsp
{
    /// <summary>The native engine refused a call; nothing was changed or written.</summary>
    public class MixEngineException : Exception
    {
        public MixEngineException(string operation, EngineStatus status)
            : base(operation + " failed: " + Describe(status))
        {
            Status = status;
        }

        public EngineStatus Status { get; private set; }

        // Spelled out here because enum names are not kept on the device.
        public static string Describe(EngineStatus status)
        {
            switch (status)
            {
                case EngineStatus.NullPointer: return "a buffer is missing (null)";
                case EngineStatus.NotInitialised: return "the engine is not initialised";
                case EngineStatus.SampleRate: return "sample rate must be 8000..96000 Hz";
                case EngineStatus.ChannelCount: return "channel count must be 1.." + EngineLimits.MaxChannels;
                case EngineStatus.BlockSize: return "block size must be 1.." + EngineLimits.MaxBlockFrames + " frames";
                case EngineStatus.BufferTooShort: return "a buffer is shorter than the block needs";
                case EngineStatus.Index: return "channel, bus or meter index out of range";
                case EngineStatus.Param: return "unknown parameter";
                case EngineStatus.Value: return "parameter value out of range";
                default: return "engine status " + ((int)status).ToString();
            }
        }
    }
}
