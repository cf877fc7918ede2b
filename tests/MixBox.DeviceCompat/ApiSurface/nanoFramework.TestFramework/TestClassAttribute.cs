// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.TestFramework 3.0.x: source/TestFrameworkShared/TestClassAttribute.cs at
// commit d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 (= v3.0.77 for this file). Same
// AttributeUsage. Not used by MixBox and not declared: GetTestMethodAttribute.
using System;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }
}
