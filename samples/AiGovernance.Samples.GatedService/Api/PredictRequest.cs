using AiGovernance.Samples.GatedService.Models;

namespace AiGovernance.Samples.GatedService.Api;

/// <summary>The body of <c>POST /predict</c>. Every field is nullable so that a missing one is reported as a validation
/// problem (400) rather than silently read as zero.</summary>
public sealed record PredictRequest(
    string? ApplicantId,
    double? Income,
    double? DebtToIncome,
    double? CreditHistoryYears,
    double? LatePayments,
    double? LoanAmount,
    string? RequestId = null)
{
    public const int MaxIdLength = 128;

    /// <summary>Validates the body; returns the errors by field, or the application when there are none.</summary>
    public Dictionary<string, string[]> Validate(out CreditApplication? application)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(ApplicantId))
        {
            errors["applicantId"] = ["The applicant id is required."];
        }
        else if (ApplicantId.Length > MaxIdLength)
        {
            errors["applicantId"] = [$"The applicant id has at most {MaxIdLength} characters."];
        }

        if (RequestId is not null && (RequestId.Length is 0 or > MaxIdLength || string.IsNullOrWhiteSpace(RequestId)))
        {
            errors["requestId"] = [$"The request id, when given, has 1 to {MaxIdLength} non-blank characters."];
        }

        Check(errors, "income", Income, 0, 100_000);
        Check(errors, "debtToIncome", DebtToIncome, 0, 10);
        Check(errors, "creditHistoryYears", CreditHistoryYears, 0, 100);
        Check(errors, "latePayments", LatePayments, 0, 1_000);
        Check(errors, "loanAmount", LoanAmount, 0, 1_000_000);
        application = errors.Count == 0
            ? new CreditApplication(ApplicantId!, Income!.Value, DebtToIncome!.Value, CreditHistoryYears!.Value, LatePayments!.Value, LoanAmount!.Value)
            : null;
        return errors;
    }

    private static void Check(Dictionary<string, string[]> errors, string name, double? value, double min, double max)
    {
        if (value is not { } v)
        {
            errors[name] = [$"{name} is required."];
        }
        else if (!double.IsFinite(v) || v < min || v > max)
        {
            errors[name] = [$"{name} must be between {min} and {max}."];
        }
    }
}
