namespace AiGovernance.Statistics;

internal static partial class SmirnovDistribution
{
    /// <summary>An unevaluated sum hi + lo of two doubles (about 32 significant digits), for the few places where the
    /// Kolmogorov–Smirnov distributions need a base such as 1 − x − v/n exactly before raising it to a large power.</summary>
    private readonly record struct DoubleDouble(double Hi, double Lo)
    {
        /// <summary>a + b exactly (Knuth's TwoSum).</summary>
        public static DoubleDouble Sum(double a, double b)
        {
            var s = a + b;
            var bb = s - a;
            var e = (a - (s - bb)) + (b - bb);
            return new DoubleDouble(s, e);
        }

        /// <summary>a / b to double-double precision.</summary>
        public static DoubleDouble Quotient(double a, double b)
        {
            var q = a / b;
            var r = Math.FusedMultiplyAdd(-q, b, a);
            return Normalize(q, r / b);
        }

        /// <summary>This + x.</summary>
        public DoubleDouble Add(double x)
        {
            var s = Sum(Hi, x);
            return Normalize(s.Hi, s.Lo + Lo);
        }

        /// <summary>(hi + lo)^m rounded to double: pow(hi, m)·(1 + lo/hi)^m, as SciPy's cephes <c>pow_D</c>.</summary>
        public static double Pow(DoubleDouble a, int m)
        {
            if (m == 0)
            {
                return 1.0;
            }

            if (a.Hi == 0)
            {
                return 0.0;
            }

            var power = Math.Pow(a.Hi, m);
            return power + (power * PowCorrection(a.Lo / a.Hi, m));
        }

        /// <summary>(1 + r)^m − 1 for the tiny relative correction r = lo/hi.</summary>
        public static double PowCorrection(double r, int m)
        {
            var adjustment = m * r;
            if (Math.Abs(adjustment) > 1e-8)
            {
                adjustment = Math.Abs(adjustment) < 1e-4
                    ? adjustment + ((m * r) * ((m - 1) / 2.0 * r))
                    : ExpMinusOne(m * LogOnePlus(r));
            }

            return adjustment;
        }

        /// <summary>exp(x) − 1 without cancellation for small x (Kahan's trick).</summary>
        public static double ExpMinusOne(double x)
        {
            if (Math.Abs(x) < 1e-5)
            {
                return x + (x * x / 2) + (x * x * x / 6);
            }

            var u = Math.Exp(x);
            if (u == 1.0)
            {
                return x;
            }

            var um1 = u - 1.0;
            return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
        }

        /// <summary>log(1 + r) without the cancellation of forming 1 + r (Goldberg's trick).</summary>
        public static double LogOnePlus(double r)
        {
            var u = 1 + r;
            return u == 1 ? r : Math.Log(u) * r / (u - 1);
        }

        private static DoubleDouble Normalize(double hi, double lo)
        {
            var s = hi + lo;
            return new DoubleDouble(s, lo - (s - hi));
        }
    }
}
