namespace AiGovernance.Monitoring.Validation;

/// <summary>One broken rule found by <see cref="DataSchema.Validate"/>.</summary>
/// <param name="Column">The column concerned; empty for table-level rules such as <see cref="SchemaRule.EmptyData"/>.</param>
/// <param name="Rule">The rule broken.</param>
/// <param name="Observed">The observed value (a rate, a count, a statistic or a data value); NaN when the rule has no number, such as
/// <see cref="SchemaRule.Kind"/>.</param>
/// <param name="Limit">The limit the observed value broke; NaN when the rule has no number.</param>
/// <param name="Message">A sentence a data engineer can act on.</param>
public readonly record struct SchemaViolation(string Column, SchemaRule Rule, double Observed, double Limit, string Message);
