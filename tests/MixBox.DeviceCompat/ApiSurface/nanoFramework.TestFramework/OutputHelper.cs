// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.TestFramework 3.0.x: source/TestFramework/OutputHelper.cs at commit
// d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 (= v3.0.77 for this file). Declared: WriteLine;
// not used by MixBox and not declared: Write.
using System;

namespace nanoFramework.TestFramework
{
    public static class OutputHelper
    {
        public static void WriteLine(string message)
        {
            throw new NotImplementedException();
        }
    }
}
