namespace AiGovernance.Samples.GatedService.Api;

/// <summary>The body of <c>POST /outcome</c>: the ground truth of an earlier prediction.</summary>
public sealed record OutcomeRequest(string? RequestId, bool? Defaulted)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(RequestId) || RequestId.Length > PredictRequest.MaxIdLength)
        {
            errors["requestId"] = ["The request id of an earlier prediction is required."];
        }

        if (Defaulted is null)
        {
            errors["defaulted"] = ["Whether the applicant defaulted is required (true or false)."];
        }

        return errors;
    }
}
