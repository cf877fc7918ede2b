// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.Hardware.Esp32 1.6.42: nanoFramework.Hardware.Esp32/Configuration.cs at tag
// v1.6.42 (commit 579dbaf231d7fa7ab2672d81176a4a59b7d60bfb). A public, non-static class with
// static methods (so it has the implicit public constructor, as the package's does). Declared:
// SetPinFunction; not used by MixBox and not declared: GetFunctionPin.
using System;

namespace nanoFramework.Hardware.Esp32
{
    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value)
        {
            throw new NotImplementedException();
        }
    }
}
