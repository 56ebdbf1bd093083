namespace AiGovernance.Monitoring.Responses;

internal static class DriftResponseDefaults
{
    public static readonly TimeSpan CoolDown = TimeSpan.FromHours(12);
    public const string Actor = "AiGovernance.Monitoring";
}
