// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.Hardware.Esp32 1.6.42: nanoFramework.Hardware.Esp32/HighResTimer.cs at tag
// v1.6.42 (commit 579dbaf231d7fa7ab2672d81176a4a59b7d60bfb). Declared: the class with its
// interface (hence Dispose) and public parameterless constructor (implicit here), and
// GetCurrent (microseconds since boot). Not used by MixBox and not declared: the
// OnHighResTimerExpired event and its delegate, Stop, StartOneShot, StartOnePeriodic.
using System;

namespace nanoFramework.Hardware.Esp32
{
    public class HighResTimer : IDisposable
    {
        public static UInt64 GetCurrent()
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
