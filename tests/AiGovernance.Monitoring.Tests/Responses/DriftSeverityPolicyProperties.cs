using AiGovernance.Monitoring.Responses;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AiGovernance.Monitoring.Tests.Responses;

public class DriftSeverityPolicyProperties
{
    private static readonly DriftSeverityPolicy Policy = new();

    [Property]
    public Property Classify_IsMonotoneInPsiAndDegradation(NormalFloat psi, NormalFloat degradation, PositiveInt bumpPsi, PositiveInt bumpDegradation)
    {
        double p = Math.Abs(psi.Get) % 1, d = Math.Abs(degradation.Get) % 1;
        var worse = Policy.Classify(p + bumpPsi.Get / 1000.0, d + bumpDegradation.Get / 1000.0);
        return (worse >= Policy.Classify(p, d)).ToProperty();
    }

    [Property]
    public Property Plan_AlertsExactlyFromMedium(NormalFloat psi)
    {
        var severity = Policy.Classify(Math.Abs(psi.Get) % 1, 0);
        return (Policy.Plan(severity, 0).Alert == severity >= AiGovernance.Core.Severity.Medium).ToProperty();
    }
}
