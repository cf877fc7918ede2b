using MixBox.Hal;

namespace MixBox.Firmware
{
    /// <summary>
    /// Keeps the box's parts under watch while it plays. Once a second it checks the
    /// converters that are up (a dropped ADC or DAC would otherwise go unnoticed until the
    /// next power-on), and it runs bring-up again for every part that is not ok: a reseated
    /// ribbon cable or a part reset by a supply dip comes back by itself. A part that stays
    /// away is tried after 1, 2, 4 ... s, at most every 32 s, so a missing part costs the
    /// control loop a few failed transfers now and then, not every second.
    /// </summary>
    public sealed class PartSupervisor
    {
        public const int CheckIntervalTicks = MixBoxApp.TicksPerSecond;
        public const int LongestRetryIntervalTicks = 32 * MixBoxApp.TicksPerSecond;

        private readonly BoardBringUp _bringUp;
        private readonly BringUpReport _report;
        private readonly bool[] _wasOk;
        private readonly bool[] _cameBack;
        private readonly int[] _retryInTicks;
        private readonly int[] _retryIntervalTicks;
        private int _checkInTicks = CheckIntervalTicks;

        public PartSupervisor(BoardBringUp bringUp, BringUpReport report)
        {
            _bringUp = bringUp;
            _report = report;
            _wasOk = new bool[report.PartCount];
            _cameBack = new bool[report.PartCount];
            _retryInTicks = new int[report.PartCount];
            _retryIntervalTicks = new int[report.PartCount];
            for (int part = 0; part < report.PartCount; part++)
            {
                _wasOk[part] = report.Part(part).IsOk;
                _retryInTicks[part] = CheckIntervalTicks;
                _retryIntervalTicks[part] = CheckIntervalTicks;
            }
        }

        /// <summary>Part <paramref name="part"/> (numbered as in <see cref="BringUpReport"/>) was down and is ok since the last tick.</summary>
        public bool CameBack(int part) { return _cameBack[part]; }

        /// <summary>One control tick; true when a part went down or came back since the previous one.</summary>
        public bool Tick()
        {
            if (--_checkInTicks == 0)
            {
                _checkInTicks = CheckIntervalTicks;
                _bringUp.CheckConverters();
            }
            for (int part = 0; part < _report.PartCount; part++)
            {
                if (!_report.Part(part).IsOk && --_retryInTicks[part] <= 0) Retry(part);
            }
            bool changed = false;
            for (int part = 0; part < _report.PartCount; part++)
            {
                bool ok = _report.Part(part).IsOk;
                _cameBack[part] = ok && !_wasOk[part];
                if (ok != _wasOk[part]) changed = true;
                if (_cameBack[part])
                {
                    // Should it drop out again, the first retry is a second later.
                    _retryInTicks[part] = CheckIntervalTicks;
                    _retryIntervalTicks[part] = CheckIntervalTicks;
                }
                _wasOk[part] = ok;
            }
            return changed;
        }

        private void Retry(int part)
        {
            if (_bringUp.Reinitialize(part)) return;
            int interval = _retryIntervalTicks[part];
            _retryInTicks[part] = interval;
            _retryIntervalTicks[part] = interval * 2 > LongestRetryIntervalTicks ? LongestRetryIntervalTicks : interval * 2;
        }
    }
}
