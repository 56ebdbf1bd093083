namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>The outcome of verifying a signed technical file.</summary>
/// <param name="Reason">Why it failed, or <see cref="TechnicalFileFailureReason.None"/>.</param>
/// <param name="Message">What was checked or what failed, for a person.</param>
/// <param name="KeyId">The key that verified the signature, once known.</param>
public sealed record TechnicalFileVerification(TechnicalFileFailureReason Reason, string Message, string? KeyId = null)
{
    /// <summary>Whether the file verified.</summary>
    public bool IsValid => Reason == TechnicalFileFailureReason.None;
}
