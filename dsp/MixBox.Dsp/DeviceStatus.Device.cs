namespace MixBox.Dsp
{
    /// <summary>Return codes of the device layer (MIXBOX_DEVICE_ERR_* in firmware/native/mixbox_device_link.h).</summary>
    public enum DeviceStatus
    {
        Ok = 0,
        /// <summary>Audio task running: init/process refused; or a request is still pending.</summary>
        Busy = -100,
        /// <summary>The audio task did not answer in time.</summary>
        Timeout = -101,
        /// <summary>Audio already running / not running, or the engine is not initialised.</summary>
        State = -102,
        I2s = -103,
        Nvs = -104,
        /// <summary>The settings slot is empty.</summary>
        NotFound = -105,
        /// <summary>Bad slot, null or too short a buffer.</summary>
        Argument = -106,
    }
}
