namespace MixBox.Firmware
{
    /// <summary>
    /// Pickup after a scene recall: the stored value holds until the physical knob
    /// reaches it (crosses it, or comes within the capture window), so recalling a scene
    /// never makes a level jump to wherever the knob happens to rest.
    /// </summary>
    public sealed class SoftTakeover
    {
        /// <summary>How close (ADC codes, ~1 % of travel) counts as reaching the stored value.</summary>
        public const int CaptureWindow = 40;

        private int _target;
        private int _lastPosition = -1;
        private bool _engaged = true;

        /// <summary>True while the knob follows; false after a recall until it is picked up.</summary>
        public bool Engaged { get { return _engaged; } }

        /// <summary>A recall: the knob must now find <paramref name="targetTravel"/> before it takes over.</summary>
        public void Recall(int targetTravel, int currentPosition)
        {
            _target = targetTravel;
            _lastPosition = currentPosition;
            _engaged = Near(currentPosition);
        }

        /// <summary>
        /// The knob's position is unknown (its ADC was away while it may have been turned): it
        /// must find <paramref name="targetTravel"/> from its next readings before it takes over.
        /// </summary>
        public void Reacquire(int targetTravel)
        {
            _target = targetTravel;
            _lastPosition = -1;
            _engaged = false;
        }

        /// <summary>A new knob position; returns true when the knob (now) controls the value.</summary>
        public bool Follow(int position)
        {
            if (!_engaged)
            {
                bool crossed = _lastPosition >= 0 && (_lastPosition - _target) * (position - _target) <= 0;
                _engaged = crossed || Near(position);
            }
            _lastPosition = position;
            return _engaged;
        }

        private bool Near(int position)
        {
            int distance = position - _target;
            return distance <= CaptureWindow && distance >= -CaptureWindow;
        }
    }
}
