namespace MixBox.Firmware
{
    /// <summary>
    /// Turns noisy potentiometer readings into a steady knob position: a one-pole
    /// low-pass (a quarter of the way per 10 ms tick, tau ~35 ms) then hysteresis: the
    /// position moves only when the filtered value leaves a band of +-Hysteresis codes
    /// around it, so a resting knob never jitters the gain while a turning one follows.
    /// </summary>
    public sealed class KnobFilter
    {
        /// <summary>Band half-width in ADC codes: above the ~2-code noise of a 12-bit pot reading.</summary>
        public const int Hysteresis = 6;
        private const int Fraction = 16; // the filter keeps 4 extra bits

        private int _filtered = -1;
        private int _position;

        public int Position { get { return _position; } }

        /// <summary>Forgets the history: the next reading is taken as the position.</summary>
        public void Restart()
        {
            _filtered = -1;
        }

        /// <summary>Feeds one reading (0..4095); returns true when the position changed.</summary>
        public bool Update(int code)
        {
            if (_filtered < 0)
            {
                _filtered = code * Fraction;
                _position = code;
                return true;
            }
            _filtered += (code * Fraction - _filtered) / 4;
            int value = (_filtered + Fraction / 2) / Fraction;
            if (value > _position + Hysteresis)
            {
                _position = value - Hysteresis;
                return true;
            }
            if (value < _position - Hysteresis)
            {
                _position = value + Hysteresis;
                return true;
            }
            return false;
        }
    }
}
