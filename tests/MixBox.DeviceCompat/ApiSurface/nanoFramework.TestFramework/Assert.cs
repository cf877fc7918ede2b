// Declaration (compile-only), written for MixBox from the public API of
// nanoFramework.TestFramework 3.0.x: source/TestFramework/Assert.cs and Assert.AreEqual.cs at
// commit d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4 (= v3.0.77 for these files). A sealed
// (partial) class with static methods and the implicit public constructor, as in the package.
// Declared: the methods tests/NFUnitTest calls, each with ALL of the package's overloads of
// that name (AreEqual has 15), so overload resolution here is the package's; the message
// parameter carries [CallerArgumentExpression] as there (nanoFramework's mscorlib 1.17.11
// has the attribute). Not used by MixBox and not declared: AreNotEqual, AreSame,
// AreNotSame, Contains, DoesNotContains, EndsWith, StartsWith, IsInstanceOfType,
// IsNotInstanceOfType, IsNull, IsNotNull, SkipTest, the [Obsolete] aliases and CollectionAssert.
using System;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        public static void AreEqual(bool expected, bool actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void AreEqual(byte expected, byte actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void AreEqual(char expected, char actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void AreEqual(DateTime expected, DateTime actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void AreEqual(double expected, double actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void AreEqual(float expected, float actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void AreEqual(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void AreEqual(long expected, long actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void AreEqual(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void AreEqual(sbyte expected, sbyte actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void AreEqual(short expected, short actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void AreEqual(string expected, string actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void AreEqual(ulong expected, ulong actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void AreEqual(ushort expected, ushort actual, [CallerArgumentExpression(nameof(actual))] string message = "") { throw new NotImplementedException(); }

        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "") { throw new NotImplementedException(); }

        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "") { throw new NotImplementedException(); }

        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression(nameof(action))] string message = "") { throw new NotImplementedException(); }
    }
}
