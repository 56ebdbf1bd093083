using Microsoft.Extensions.Options;

namespace AiGovernance.Monitoring.Validation;

/// <summary>The <c>[Range]</c>/<c>[Required]</c> rules of <see cref="SchemaInferenceOptions"/>, checked by generated code; run by
/// <see cref="DataSchema.Infer(Data.TabularData, SchemaInferenceOptions?, Drift.DriftReference?)"/>.</summary>
[OptionsValidator]
internal sealed partial class SchemaInferenceOptionsValidator : IValidateOptions<SchemaInferenceOptions>
{
    /// <summary>A shared instance (the validator is stateless).</summary>
    public static SchemaInferenceOptionsValidator Instance { get; } = new();
}
