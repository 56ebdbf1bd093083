using System.ComponentModel.DataAnnotations;

namespace AiGovernance.Monitoring.Validation;

/// <summary>How <see cref="DataSchema.Infer"/> turns a reference dataset into limits.</summary>
public sealed class SchemaInferenceOptions
{
    /// <summary>How far the allowed range extends beyond the reference's [min, max], as a share of that range on each side.</summary>
    /// <value>The default value is 0.1.</value>
    [Range(0, double.MaxValue)]
    public double RangeMargin { get; set; } = MonitoringDefaults.RangeMargin;

    /// <summary>What is added to the reference's missing rate to give the allowed missing rate (capped at 1).</summary>
    /// <value>The default value is 0.05.</value>
    [Range(0.0, 1.0)]
    public double MissingRateSlack { get; set; } = MonitoringDefaults.MissingRateSlack;

    /// <summary>The allowed share of labels a categorical column never showed in the reference.</summary>
    /// <value>The default value is 0.01.</value>
    [Range(0.0, 1.0)]
    public double MaxUnseenCategoryRate { get; set; } = MonitoringDefaults.MaxUnseenCategoryRate;

    /// <summary>Whether inferred schemas accept columns they do not describe.</summary>
    /// <value>The default value is <see langword="false"/>: unexpected columns are reported.</value>
    public bool AllowUnexpectedColumns { get; set; }

    /// <summary>When set, inferred columns get this PSI limit and the schema keeps a fitted reference to check it.</summary>
    /// <value>The default value is <see langword="null"/> (no distribution rule).</value>
    [Range(0, double.MaxValue)]
    public double? MaxPsi { get; set; }

    /// <summary>When set, inferred numeric columns get this minimum KS p-value and the schema keeps a fitted reference.</summary>
    /// <value>The default value is <see langword="null"/> (no distribution rule).</value>
    [Range(0.0, 1.0)]
    public double? MinKolmogorovSmirnovPValue { get; set; }
}
