namespace MixBox.Firmware
{
    /// <summary>How auto-gain ended for one input.</summary>
    public enum AutoGainOutcome
    {
        /// <summary>Not armed in the last run.</summary>
        None = 0,
        /// <summary>Peaks now within 1 dB of -12 dBFS.</summary>
        Fitted,
        /// <summary>Peaks above -11 dBFS even at 0 dB gain (or clipping there): turn the source down or pad it.</summary>
        TooHot,
        /// <summary>Peaks below -13 dBFS even at 42 dB gain (or no signal).</summary>
        TooQuiet,
        /// <summary>
        /// No signal at the input while the box listened (digital silence: nothing plugged in, or
        /// the source stopped). Muted or faded-down channels are heard: auto-gain listens pre-fader.
        /// </summary>
        NotHeard,
    }
}
