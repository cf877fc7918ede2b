namespace MixBox.Firmware
{
    /// <summary>
    /// Knob travel (0..4095 codes) to user units and back, for the bus page: exponential
    /// (frequencies, Q, times: equal travel is an equal ratio), centred (gains in dB, width:
    /// a dead zone around the centre, so flat is easy to find by hand), linear and stepped.
    /// Only + - * / on doubles (the device's mscorlib has no maths class, so ln and exp are
    /// written out here; IEEE arithmetic gives the same values on the device and the host).
    /// </summary>
    public static class KnobTaper
    {
        public const int FullTravel = FaderLaw.FullTravel;
        /// <summary>Half-width of the centre detent: 4 % of the travel either side reads as the centre value.</summary>
        public const int DetentTravel = 164;
        /// <summary>
        /// The last codes at either end read as the end value: the knob filter's hysteresis
        /// leaves a knob turned to its stop a few codes short, and the stop must still be the end.
        /// </summary>
        public const int EndTravel = 24;
        private const int Usable = FullTravel - 2 * EndTravel;

        private const double Ln2 = 0.69314718055994530942;

        /// <summary>low .. high with equal ratios for equal travel, rounded to a whole unit.</summary>
        public static int Exponential(int travel, int low, int high)
        {
            travel -= EndTravel;
            if (travel <= 0) return low;
            if (travel >= Usable) return high;
            double value = low * Exp(Ln((double)high / low) * travel / Usable);
            return Clamp(Round(value), low, high);
        }

        public static int TravelOfExponential(int value, int low, int high)
        {
            if (value <= low) return EndTravel / 2;
            if (value >= high) return FullTravel - EndTravel / 2;
            return EndTravel + Round(Usable * Ln((double)value / low) / Ln((double)high / low));
        }

        /// <summary>
        /// -range .. +range around a centre (0 dB, or 100 % width) at mid-travel with the detent
        /// there, linear outside it, in steps of <paramref name="step"/>.
        /// </summary>
        public static int Centred(int travel, int centre, int range, int step)
        {
            int half = FullTravel / 2;
            int off = travel - half;
            if (off <= DetentTravel && off >= -DetentTravel) return centre;
            int span = half - DetentTravel - EndTravel;
            int beyond = off > 0 ? off - DetentTravel : off + DetentTravel;
            if (beyond > span) beyond = span;
            if (beyond < -span) beyond = -span;
            return centre + RoundTo(range * beyond / (double)span, step);
        }

        public static int TravelOfCentred(int value, int centre, int range)
        {
            int half = FullTravel / 2;
            if (value == centre) return half;
            int span = half - DetentTravel - EndTravel;
            int beyond = Round((value - centre) * (double)span / range);
            if (beyond >= span) return FullTravel - EndTravel / 2; // the ends: in their end zones
            if (beyond <= -span) return EndTravel / 2;
            return beyond > 0 ? half + DetentTravel + beyond : half - DetentTravel + beyond;
        }

        /// <summary>low .. high in steps of <paramref name="step"/>.</summary>
        public static int Linear(int travel, int low, int high, int step)
        {
            return Clamp(low + RoundTo((high - low) * (double)(travel - EndTravel) / Usable, step), low, high);
        }

        public static int TravelOfLinear(int value, int low, int high)
        {
            return Clamp(EndTravel + Round(Usable * (double)(value - low) / (high - low)), EndTravel / 2, FullTravel - EndTravel / 2);
        }

        /// <summary>One of <paramref name="count"/> positions, equal shares of the travel.</summary>
        public static int Step(int travel, int count)
        {
            int index = travel * count / (FullTravel + 1);
            return Clamp(index, 0, count - 1);
        }

        /// <summary>The middle of position <paramref name="index"/>'s share.</summary>
        public static int TravelOfStep(int index, int count)
        {
            return (2 * index + 1) * (FullTravel + 1) / (2 * count);
        }

        private static int RoundTo(double value, int step) { return Round(value / step) * step; }

        private static int Round(double value) { return value >= 0 ? (int)(value + 0.5) : -(int)(-value + 0.5); }

        private static int Clamp(int value, int low, int high) { return value < low ? low : value > high ? high : value; }

        /// <summary>Natural log for x &gt; 0: x = m 2^e with m in [1, 2), ln m = 2 atanh((m-1)/(m+1)) as a series.</summary>
        private static double Ln(double x)
        {
            int e = 0;
            while (x >= 2) { x /= 2; e++; }
            while (x < 1) { x *= 2; e--; }
            double z = (x - 1) / (x + 1), z2 = z * z, term = z, sum = 0;
            for (int k = 1; k < 40; k += 2)
            {
                sum += term / k;
                term *= z2;
            }
            return 2 * sum + e * Ln2;
        }

        /// <summary>e^x: x = k ln 2 + r with |r| &lt;= ln 2 / 2, r by its Taylor series.</summary>
        private static double Exp(double x)
        {
            int k = (int)(x / Ln2 + (x >= 0 ? 0.5 : -0.5));
            double r = x - k * Ln2, term = 1, sum = 1;
            for (int n = 1; n < 20; n++)
            {
                term *= r / n;
                sum += term;
            }
            for (; k > 0; k--) sum *= 2;
            for (; k < 0; k++) sum /= 2;
            return sum;
        }
    }
}
