using MixBox.Dsp;

namespace MixBox.Firmware
{
    /// <summary>
    /// The loopback self-test from the panel's side: started by a key combination, polled
    /// every control tick until the audio side has finished it, then its result is shown
    /// on the LEDs for <see cref="ResultTicks"/> (Meters/SelfTestView) and kept as text.
    /// </summary>
    public sealed class SelfTest
    {
        /// <summary>The result stays on the LEDs for 5 s, then the meters come back.</summary>
        public const int ResultTicks = 500;

        private readonly ILoopbackTest _test;
        private int _resultTicksLeft;

        /// <param name="test">The audio side's test, or null on a box without one (the keys then do nothing).</param>
        public SelfTest(ILoopbackTest test)
        {
            _test = test;
            LoopbackResult none = default;
            none.Status = LoopbackStatus.Running;
            Result = none;
        }

        public bool Running { get; private set; }

        /// <summary>The LEDs belong to the self-test: running, or showing its result.</summary>
        public bool OnPanel { get { return Running || _resultTicksLeft > 0; } }

        /// <summary>The last finished test's figures (status Running before the first has finished).</summary>
        public LoopbackResult Result { get; private set; }

        public bool Start()
        {
            if (_test == null || Running || !_test.Start()) return false;
            Running = true;
            _resultTicksLeft = 0;
            return true;
        }

        /// <summary>One control tick: picks the result up once the audio side is done.</summary>
        public void Tick()
        {
            if (!Running)
            {
                if (_resultTicksLeft > 0) _resultTicksLeft--;
                return;
            }
            LoopbackResult r = _test.Read();
            if (r.Status == LoopbackStatus.Running) return;
            Result = r;
            Running = false;
            _resultTicksLeft = ResultTicks;
        }
    }
}
