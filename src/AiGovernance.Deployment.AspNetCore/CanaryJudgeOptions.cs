using System.ComponentModel.DataAnnotations;
using AiGovernance.Deployment.Canary;
using Microsoft.Extensions.Options;

namespace AiGovernance.Deployment.AspNetCore;

/// <summary>Options of the canary judge endpoint (<c>AddCanaryJudge</c>, <c>MapCanaryJudge</c>).</summary>
/// <remarks><c>MapCanaryJudge</c> refuses to map the endpoint until <see cref="AuthorizationPolicy"/> names a policy: a judge
/// that anyone can ask is a judge anyone can use to probe the service's error rates.</remarks>
public sealed class CanaryJudgeOptions
{
    /// <summary>The authorization policy every judge request must satisfy (for example one requiring the rollout
    /// controller's service-account token).</summary>
    /// <value>The default value is null: the endpoint is not mapped until it is set.</value>
    [StringLength(256, MinimumLength = 1)]
    public string? AuthorizationPolicy { get; set; }

    /// <summary>The analysis window when a request names none: the traffic of the last <c>DefaultWindow</c>.</summary>
    /// <value>The default value is 10 minutes.</value>
    #pragma warning disable IL2026 // Only the generated validator reads the attribute; it parses the bounds without a TypeConverter.
    [Range(typeof(TimeSpan), CanaryJudgeDefaults.MinWindow, CanaryJudgeDefaults.MaxWindow)]
    #pragma warning restore IL2026
    public TimeSpan DefaultWindow { get; set; } = CanaryJudgeDefaults.DefaultWindow;

    /// <summary>The candidate's planned traffic share when a request names none; null requires every request to name it.</summary>
    /// <value>The default value is null.</value>
    [Range(CanaryJudgeDefaults.MinFraction, CanaryJudgeDefaults.MaxFraction)]
    public double? DefaultCandidateFraction { get; set; }

    /// <summary>The largest request body accepted, in bytes (Flagger's payloads are a few hundred bytes).</summary>
    /// <value>The default value is 16 KiB.</value>
    [Range(256, 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = CanaryJudgeDefaults.MaxRequestBodyBytes;

    /// <summary>The analysis thresholds.</summary>
    /// <value>The default value is <see cref="CanaryAnalysisOptions"/>' defaults in fixed-sample mode (each request to the
    /// judge is one look at the window, not a continuation of an earlier sequence).</value>
    [Required]
    [ValidateObjectMembers]
    public CanaryAnalysisOptions Analysis { get; set; } = new() { Mode = CanaryAnalysisMode.FixedSample };
}
