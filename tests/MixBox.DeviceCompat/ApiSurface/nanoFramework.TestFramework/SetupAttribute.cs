// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.TestFramework 3.0.x: source/TestFrameworkShared/SetupAttribute.cs at commit
// d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 (= v3.0.77 for this file). Same AttributeUsage.
// The launcher runs a [Setup] method once per test class, before its tests.
using System;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }
}
