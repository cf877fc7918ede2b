using System;

namespace MixBox.Firmware
{
    /// <summary>
    /// IEEE 754 single-precision bits without allocation: nanoFramework's mscorlib has no
    /// SingleToInt32Bits, only the double forms (BitConverter.DoubleToInt64Bits and
    /// Int64BitsToDouble), so the single is built from the double's fields (binary64: 1 sign,
    /// 11 exponent bits biased 1023, 52 fraction bits; binary32: 1, 8 biased 127, 23; IEEE
    /// 754-2008 §3.4), rounded to nearest, ties to even.
    /// </summary>
    public static class OscFloat
    {
        public static int ToBits(float value)
        {
            long d = BitConverter.DoubleToInt64Bits(value); // exact: every single is a double
            int sign = (int)((d >> 32) & unchecked((int)0x80000000));
            int exponent = (int)((d >> 52) & 0x7FF);
            long fraction = d & 0xFFFFFFFFFFFFFL;
            if (exponent == 0x7FF) return sign | 0x7F800000 | (fraction != 0 ? 0x400000 : 0); // inf, NaN
            if (exponent == 0) return sign; // zero (a double subnormal is far below a single's range)
            int e = exponent - 1023 + 127;
            long mantissa = fraction | (1L << 52); // 53 bits with the hidden one
            int shift = 29;
            if (e <= 0)
            {
                // Single subnormal: the hidden one moves into the fraction.
                shift += 1 - e;
                e = 0;
                if (shift > 54) return sign;
            }
            long kept = mantissa >> shift;
            long rest = mantissa & ((1L << shift) - 1);
            long half = 1L << (shift - 1);
            if (rest > half || (rest == half && (kept & 1) != 0)) kept++;
            // kept holds the hidden one for normals; adding e << 23 carries a rounding overflow into the exponent.
            int bits = e == 0 ? (int)kept : (int)((long)(e - 1) << 23) + (int)kept;
            if (bits >= 0x7F800000) bits = 0x7F800000;
            return sign | bits;
        }

        public static float FromBits(int bits)
        {
            int sign = bits & unchecked((int)0x80000000);
            int e = (bits >> 23) & 0xFF;
            long fraction = bits & 0x7FFFFF;
            long d;
            if (e == 0xFF)
            {
                d = 0x7FF0000000000000L | (fraction << 29);
            }
            else if (e == 0)
            {
                if (fraction == 0) return sign != 0 ? -0.0f : 0.0f;
                // Subnormal single: normalise into a double.
                int exponent = 1 - 127 + 1023;
                while ((fraction & 0x800000) == 0)
                {
                    fraction <<= 1;
                    exponent--;
                }
                d = ((long)exponent << 52) | ((fraction & 0x7FFFFF) << 29);
            }
            else
            {
                d = ((long)(e - 127 + 1023) << 52) | (fraction << 29);
            }
            if (sign != 0) d |= unchecked((long)0x8000000000000000UL);
            return (float)BitConverter.Int64BitsToDouble(d);
        }
    }
}
