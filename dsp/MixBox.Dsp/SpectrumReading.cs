namespace MixBox.Dsp
{
    /// <summary>
    /// The octave analyser of the output (mono sum (L+R)/2): ten octave bands with base-two
    /// mid-band frequencies 1000 x 2^k Hz, k = -5..4 (nominal 31.5 Hz .. 16 kHz), each the
    /// band's mean square averaged over 300 ms or 3 s, in centi-dB re full scale like the RMS
    /// meters (a full-scale sine at a band centre reads -301).
    /// </summary>
    public struct SpectrumReading
    {
        /// <summary>31.5 Hz band first; <see cref="EngineLimits.MeterSilenceCentiDb"/> for a band
        /// the sample rate cannot hold, or while the analyser is off.</summary>
        public int[] BandCentiDb;
        /// <summary>False while the analyser is off.</summary>
        public bool On;
    }
}
