using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AiGovernance.Statistics;

/// <summary>Group fairness metrics of a binary classifier, as Fairlearn defines them, with uncertainty.</summary>
/// <remarks>
/// <para>Per group g (rows sharing a sensitive-feature value) the confusion counts give the selection rate
/// SR = (TP + FP)/n, true positive rate TPR = TP/(TP + FN), false positive rate FPR = FP/(FP + TN), accuracy and
/// precision, each with a Wilson interval. Parity measures compare groups: demographic parity (SR), equal opportunity
/// (TPR) and equalized odds (TPR and FPR), each as a difference max − min and a ratio min / max, plus the disparate-impact
/// ratio against a reference group with the four-fifths rule, and a chi-squared test of selection against group.</para>
/// <para>Complexity: O(n) for the counts (one dictionary lookup per row), O(B·n) for B bootstrap resamples, which reuse
/// one counts buffer and one result array (no allocation per resample). The bootstrap draws with SplitMix64 seeded by
/// <see cref="FairnessOptions.Seed"/>, so intervals are reproducible across runs, machines and .NET versions.</para>
/// </remarks>
public static class FairnessMetrics
{
    /// <summary>The separator between values of an intersectional group key, e.g. "female &amp; 18-30".</summary>
    public const string IntersectionSeparator = " & ";

    /// <summary>Computes group rates and parity measures for one sensitive feature.</summary>
    /// <param name="yTrue">The actual outcomes (true = positive class).</param>
    /// <param name="yPred">The predicted outcomes (true = selected / positive prediction).</param>
    /// <param name="groups">The group label of each row (not null).</param>
    /// <param name="options">Settings; <see langword="null"/> uses the defaults.</param>
    /// <returns>The report. With a single group it is returned with NaN parity measures and a warning.</returns>
    /// <exception cref="ArgumentException">The inputs are empty or their lengths differ, a group label is null, the
    /// reference group does not occur, or an option is out of range (the message names it).</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "Both overloads take the same optional settings object.")]
    public static FairnessReport Compute(ReadOnlySpan<bool> yTrue, ReadOnlySpan<bool> yPred, ReadOnlySpan<string> groups,
        FairnessOptions? options = null)
    {
        options ??= new FairnessOptions();
        ValidateOptions(options);
        ThrowIfMismatched(yTrue, yPred, groups.Length, nameof(groups));
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowGroup = new int[groups.Length];
        for (var i = 0; i < groups.Length; i++)
        {
            var label = groups[i] ?? throw new ArgumentException($"The group label at index {i} is null; label missing values explicitly (e.g. " +
                $"\"unknown\").", nameof(groups));
            rowGroup[i] = GroupIndex(index, label);
        }

        return Build(yTrue, yPred, index, rowGroup, options);
    }

    /// <summary>Computes group rates and parity measures for intersectional groups: each row's group is the combination
    /// of its values in every sensitive column, joined by <see cref="IntersectionSeparator"/> (Fairlearn's multiple
    /// <c>sensitive_features</c>).</summary>
    /// <param name="yTrue">The actual outcomes.</param>
    /// <param name="yPred">The predicted outcomes.</param>
    /// <param name="sensitiveColumns">One or more columns of labels, each as long as <paramref name="yTrue"/>.</param>
    /// <param name="options">Settings; <see langword="null"/> uses the defaults.</param>
    /// <returns>The report over the combined groups.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sensitiveColumns"/> or one of its columns is null.</exception>
    /// <exception cref="ArgumentException">No column, a column of the wrong length, a null label or one containing the
    /// separator, or the reasons listed for the single-feature overload.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "Both overloads take the same optional settings object.")]
    public static FairnessReport Compute(ReadOnlySpan<bool> yTrue, ReadOnlySpan<bool> yPred, IReadOnlyList<IReadOnlyList<string>> sensitiveColumns,
        FairnessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sensitiveColumns);
        options ??= new FairnessOptions();
        ValidateOptions(options);
        if (sensitiveColumns.Count == 0)
        {
            throw new ArgumentException("At least one sensitive column is required.", nameof(sensitiveColumns));
        }

        for (var c = 0; c < sensitiveColumns.Count; c++)
        {
            if (sensitiveColumns[c] is null)
            {
                throw new ArgumentNullException(nameof(sensitiveColumns), $"Sensitive column {c} is null.");
            }

            ThrowIfMismatched(yTrue, yPred, sensitiveColumns[c].Count, nameof(sensitiveColumns));
        }

        // Code each column's labels, then fold the columns pairwise into one code per combination, so that a combined
        // label string is built once per distinct group rather than once per row.
        var n = yTrue.Length;
        var rowGroup = new int[n];
        var columnCodes = new int[n];
        var groupLabels = new List<string>();
        for (var c = 0; c < sensitiveColumns.Count; c++)
        {
            var column = sensitiveColumns[c];
            var labelCodes = new Dictionary<string, int>(StringComparer.Ordinal);
            var labels = new List<string>();
            for (var i = 0; i < n; i++)
            {
                var label = column[i] ?? throw new ArgumentException($"The label of sensitive column {c} at index {i} is null.",
                    nameof(sensitiveColumns));
                if (!labelCodes.TryGetValue(label, out var code))
                {
                    if (label.Contains(IntersectionSeparator, StringComparison.Ordinal))
                    {
                        throw new ArgumentException($"The label \"{label}\" (column {c}, index {i}) contains the separator " +
                            $"\"{IntersectionSeparator}\", so combined keys would be ambiguous.", nameof(sensitiveColumns));
                    }

                    code = labels.Count;
                    labelCodes.Add(label, code);
                    labels.Add(label);
                }

                columnCodes[i] = code;
            }

            if (c == 0)
            {
                columnCodes.CopyTo(rowGroup, 0);
                groupLabels = labels;
                continue;
            }

            var combined = new Dictionary<long, int>();
            var combinedLabels = new List<string>();
            for (var i = 0; i < n; i++)
            {
                var key = ((long)rowGroup[i] << 32) | (uint)columnCodes[i];
                if (!combined.TryGetValue(key, out var code))
                {
                    code = combinedLabels.Count;
                    combined.Add(key, code);
                    combinedLabels.Add(groupLabels[rowGroup[i]] + IntersectionSeparator + labels[columnCodes[i]]);
                }

                rowGroup[i] = code;
            }

            groupLabels = combinedLabels;
        }

        var index = new Dictionary<string, int>(groupLabels.Count, StringComparer.Ordinal);
        for (var g = 0; g < groupLabels.Count; g++)
        {
            index.Add(groupLabels[g], g);
        }

        return Build(yTrue, yPred, index, rowGroup, options);
    }

    private static int GroupIndex(Dictionary<string, int> index, string label)
    {
        if (!index.TryGetValue(label, out var g))
        {
            g = index.Count;
            index.Add(label, g);
        }

        return g;
    }

    private static FairnessReport Build(ReadOnlySpan<bool> yTrue, ReadOnlySpan<bool> yPred, Dictionary<string, int> index, int[] rowGroup,
        FairnessOptions options)
    {
        // Renumber groups in ordinal label order so the report does not depend on row order.
        var names = new string[index.Count];
        index.Keys.CopyTo(names, 0);
        Array.Sort(names, StringComparer.Ordinal);
        var remap = new int[names.Length];
        for (var g = 0; g < names.Length; g++)
        {
            remap[index[names[g]]] = g;
        }

        var counts = new ConfusionCounts[names.Length];
        var overall = default(ConfusionCounts);
        for (var i = 0; i < rowGroup.Length; i++)
        {
            rowGroup[i] = remap[rowGroup[i]];
            counts[rowGroup[i]] = counts[rowGroup[i]].Add(yTrue[i], yPred[i]);
            overall = overall.Add(yTrue[i], yPred[i]);
        }

        var level = options.ConfidenceLevel;
        var warnings = new List<string>();
        var groupRates = new Dictionary<string, GroupRates>(names.Length, StringComparer.Ordinal);
        var referenceIndex = ReferenceIndex(names, counts, options.ReferenceGroup);
        if (referenceIndex < 0)
        {
            throw new ArgumentException($"The reference group \"{options.ReferenceGroup}\" does not occur in the data (groups: " +
                $"{string.Join(", ", names)}).", nameof(options));
        }

        var referenceRate = (double)counts[referenceIndex].Selected / counts[referenceIndex].Count;
        var impact = new Dictionary<string, double>(names.Length, StringComparer.Ordinal);
        for (var g = 0; g < names.Length; g++)
        {
            var c = counts[g];
            groupRates.Add(names[g], new GroupRates(c.TruePositives, c.FalsePositives, c.FalseNegatives, c.TrueNegatives, level));
            impact.Add(names[g], ParityMeasures.ImpactRatio((double)c.Selected / c.Count, referenceRate));
            if (c.Count < options.MinimumGroupSize)
            {
                // string.Format, not string.Create with an interpolated string: a mutation tester's rewrite of the latter does
                // not compile, which makes Stryker drop every mutant of this method.
                warnings.Add(string.Format(
                    CultureInfo.InvariantCulture,
                    "Group \"{0}\" has {1} rows, fewer than the minimum of {2}; its rates are uncertain (see the Wilson intervals).",
                    names[g],
                    c.Count,
                    options.MinimumGroupSize));
            }

            if (c.TruePositives + c.FalseNegatives == 0)
            {
                warnings.Add($"Group \"{names[g]}\" has no actual positives: its true positive rate is undefined (NaN) and it is left out of equal " +
                    $"opportunity and the TPR part of equalized odds.");
            }

            if (c.FalsePositives + c.TrueNegatives == 0)
            {
                warnings.Add($"Group \"{names[g]}\" has no actual negatives: its false positive rate is undefined (NaN) and it is left out of the " +
                    $"FPR part of equalized odds.");
            }

            if (c.Selected == 0)
            {
                warnings.Add($"Group \"{names[g]}\" has no positive predictions: its precision is undefined (NaN).");
            }
        }

        if (names.Length < 2)
        {
            warnings.Add($"There is a single group (\"{names[0]}\"): parity between groups is undefined, so every difference and ratio is NaN and " +
                $"the four-fifths rule is not satisfied.");
        }

        var measures = ParityMeasures.From(counts, referenceIndex);
        var pValue = SelectionIndependence(counts, overall, warnings);
        var intervals = names.Length >= 2 && options.BootstrapResamples > 0
            ? BootstrapIntervals(counts, referenceIndex, options)
            : (FairnessBootstrapIntervals?)null;

        return new FairnessReport
        {
            Groups = new ReadOnlyDictionary<string, GroupRates>(groupRates),
            Overall = new GroupRates(overall.TruePositives, overall.FalsePositives, overall.FalseNegatives, overall.TrueNegatives, level),
            DemographicParityDifference = measures.DemographicParityDifference,
            DemographicParityRatio = measures.DemographicParityRatio,
            EqualizedOddsDifference = measures.EqualizedOddsDifference,
            EqualizedOddsRatio = measures.EqualizedOddsRatio,
            EqualOpportunityDifference = measures.EqualOpportunityDifference,
            EqualOpportunityRatio = measures.EqualOpportunityRatio,
            ReferenceGroup = names[referenceIndex],
            DisparateImpactRatios = new ReadOnlyDictionary<string, double>(impact),
            DisparateImpactRatio = measures.DisparateImpactRatio,
            SatisfiesFourFifthsRule = measures.DisparateImpactRatio >= options.DisparateImpactThreshold,
            SelectionIndependencePValue = pValue,
            BootstrapIntervals = intervals,
            Warnings = warnings.AsReadOnly(),
        };
    }

    private static int ReferenceIndex(string[] names, ConfusionCounts[] counts, string? requested)
    {
        if (requested is not null)
        {
            var found = Array.BinarySearch(names, requested, StringComparer.Ordinal);
            return found < 0 ? -1 : found;
        }

        // The most-favoured group: highest selection rate, ties to the first in ordinal order.
        var best = 0;
        for (var g = 1; g < counts.Length; g++)
        {
            if ((double)counts[g].Selected / counts[g].Count > (double)counts[best].Selected / counts[best].Count)
            {
                best = g;
            }
        }

        return best;
    }

    private static double SelectionIndependence(ConfusionCounts[] counts, ConfusionCounts overall, List<string> warnings)
    {
        if (counts.Length < 2)
        {
            return 1;
        }

        if (overall.Selected == 0 || overall.Selected == overall.Count)
        {
            warnings.Add(overall.Selected == 0
                ? "No row was predicted positive: selection cannot depend on group (independence p-value 1)."
                : "Every row was predicted positive: selection cannot depend on group (independence p-value 1).");
            return 1;
        }

        var table = new long[counts.Length, 2];
        for (var g = 0; g < counts.Length; g++)
        {
            table[g, 0] = counts[g].Selected;
            table[g, 1] = counts[g].Count - counts[g].Selected;
        }

        return ChiSquared.Contingency(table).PValue;
    }

    private static FairnessBootstrapIntervals BootstrapIntervals(ConfusionCounts[] counts, int referenceIndex, FairnessOptions options)
    {
        var resamples = options.BootstrapResamples;
        var random = new SplitMix64Random(options.Seed);
        var resampled = new ConfusionCounts[counts.Length];
        var values = new double[ParityMeasures.MeasureCount * resamples];
        Span<long> ends = stackalloc long[4];
        Span<long> drawn = stackalloc long[4];
        for (var b = 0; b < resamples; b++)
        {
            for (var g = 0; g < counts.Length; g++)
            {
                // Rows are resampled within their group: a row drawn uniformly is its cell with probability count/n.
                var c = counts[g];
                ends[0] = c.TruePositives;
                ends[1] = ends[0] + c.FalsePositives;
                ends[2] = ends[1] + c.FalseNegatives;
                ends[3] = ends[2] + c.TrueNegatives;
                Bootstrap.ResampleCells(ref random, ends, drawn);
                resampled[g] = new ConfusionCounts(drawn[0], drawn[1], drawn[2], drawn[3]);
            }

            var measures = ParityMeasures.From(resampled, referenceIndex);
            for (var m = 0; m < ParityMeasures.MeasureCount; m++)
            {
                values[(m * resamples) + b] = measures[m];
            }
        }

        var level = options.ConfidenceLevel;
        var intervals = new Interval[ParityMeasures.MeasureCount];
        for (var m = 0; m < intervals.Length; m++)
        {
            intervals[m] = Bootstrap.PercentileInterval(values.AsSpan(m * resamples, resamples), level);
        }

        return new FairnessBootstrapIntervals(resamples, options.Seed, level, intervals[0], intervals[1], intervals[2], intervals[3], intervals[4],
            intervals[5], intervals[6]);
    }

    private static void ThrowIfMismatched(ReadOnlySpan<bool> yTrue, ReadOnlySpan<bool> yPred, int groupLength, string groupName)
    {
        if (yTrue.IsEmpty)
        {
            throw new ArgumentException("There are no rows.", nameof(yTrue));
        }

        if (yPred.Length != yTrue.Length)
        {
            throw new ArgumentException($"yPred has {yPred.Length} rows but yTrue has {yTrue.Length}.", nameof(yPred));
        }

        if (groupLength != yTrue.Length)
        {
            throw new ArgumentException($"{groupName} has {groupLength} rows but yTrue has {yTrue.Length}.", groupName);
        }
    }

    private static void ValidateOptions(FairnessOptions options)
    {
        if (options.MinimumGroupSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MinimumGroupSize, "FairnessOptions.MinimumGroupSize must be at least 1.");
        }

        if (!(options.DisparateImpactThreshold >= 0 && options.DisparateImpactThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DisparateImpactThreshold,
                "FairnessOptions.DisparateImpactThreshold must lie in [0, 1].");
        }

        if (options.BootstrapResamples is < 0 or > FairnessDefaults.MaxBootstrapResamples)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BootstrapResamples,
                $"FairnessOptions.BootstrapResamples must lie in [0, {FairnessDefaults.MaxBootstrapResamples}].");
        }

        if (!(options.ConfidenceLevel >= 0.5 && options.ConfidenceLevel <= 0.9999))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ConfidenceLevel,
                "FairnessOptions.ConfidenceLevel must lie in [0.5, 0.9999].");
        }
    }
}
