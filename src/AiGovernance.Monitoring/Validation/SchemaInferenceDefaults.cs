namespace AiGovernance.Monitoring.Validation;

internal static class SchemaInferenceDefaults
{
    public const double RangeMargin = 0.1;
    public const double MissingRateSlack = 0.05;
    public const double MaxUnseenCategoryRate = 0.01;
}
