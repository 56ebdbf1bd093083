namespace AiGovernance.Statistics;

/// <summary>The between-group parity measures computed from per-group confusion counts (shared by the report and the bootstrap).</summary>
internal readonly record struct ParityMeasures(
    double DemographicParityDifference,
    double DemographicParityRatio,
    double EqualizedOddsDifference,
    double EqualizedOddsRatio,
    double EqualOpportunityDifference,
    double EqualOpportunityRatio,
    double DisparateImpactRatio)
{
    public const int MeasureCount = 7;

    public double this[int index] => index switch
    {
        0 => DemographicParityDifference,
        1 => DemographicParityRatio,
        2 => EqualizedOddsDifference,
        3 => EqualizedOddsRatio,
        4 => EqualOpportunityDifference,
        5 => EqualOpportunityRatio,
        _ => DisparateImpactRatio,
    };

    public static ParityMeasures From(ReadOnlySpan<ConfusionCounts> groups, int referenceIndex)
    {
        var selection = default(Range);
        var truePositive = default(Range);
        var falsePositive = default(Range);
        for (var g = 0; g < groups.Length; g++)
        {
            var c = groups[g];
            if (c.Count > 0)
            {
                selection.Add((double)c.Selected / c.Count);
            }

            var positives = c.TruePositives + c.FalseNegatives;
            if (positives > 0)
            {
                truePositive.Add((double)c.TruePositives / positives);
            }

            var negatives = c.FalsePositives + c.TrueNegatives;
            if (negatives > 0)
            {
                falsePositive.Add((double)c.FalsePositives / negatives);
            }
        }

        return new ParityMeasures(
            selection.Difference,
            selection.Ratio,
            MaxDefined(truePositive.Difference, falsePositive.Difference),
            MinDefined(truePositive.Ratio, falsePositive.Ratio),
            truePositive.Difference,
            truePositive.Ratio,
            DisparateImpact(groups, referenceIndex));
    }

    /// <summary>sel_g / sel_ref; 1 when both are 0 (equal treatment), +∞ when only the reference is 0.</summary>
    public static double ImpactRatio(double groupRate, double referenceRate) =>
        referenceRate > 0 ? groupRate / referenceRate : groupRate == 0 ? 1 : double.PositiveInfinity;

    private static double DisparateImpact(ReadOnlySpan<ConfusionCounts> groups, int referenceIndex)
    {
        if (groups.Length < 2)
        {
            return double.NaN;
        }

        var reference = groups[referenceIndex];
        var referenceRate = (double)reference.Selected / reference.Count;
        var min = double.PositiveInfinity;
        for (var g = 0; g < groups.Length; g++)
        {
            if (g != referenceIndex)
            {
                min = Math.Min(min, ImpactRatio((double)groups[g].Selected / groups[g].Count, referenceRate));
            }
        }

        return min;
    }

    private static double MaxDefined(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Max(a, b);

    private static double MinDefined(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Min(a, b);

    /// <summary>Minimum and maximum of the defined group rates.</summary>
    private struct Range
    {
        private int _count;
        private double _min;
        private double _max;

        public readonly double Difference => _count >= 2 ? _max - _min : double.NaN;

        public readonly double Ratio => _count >= 2 ? (_max == _min ? 1 : _min / _max) : double.NaN;

        public void Add(double value)
        {
            if (_count == 0)
            {
                _min = value;
                _max = value;
            }
            else
            {
                _min = Math.Min(_min, value);
                _max = Math.Max(_max, value);
            }

            _count++;
        }
    }
}
