using System.Runtime.CompilerServices;
namespace AiGovernance.Statistics;

internal static partial class SmirnovDistribution
{
    /// <summary>Neumaier's compensated summation: the rounding error of each addition is carried separately.</summary>
    private struct CompensatedSum
    {
        private double _sum;
        private double _compensation;

        /// <summary>The current sum.</summary>
        public readonly double Value => _sum + _compensation;

        /// <summary>Adds a term.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(double value)
        {
            var t = _sum + value;
            _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - t) + value : (value - t) + _sum;
            _sum = t;
        }
    }
}
