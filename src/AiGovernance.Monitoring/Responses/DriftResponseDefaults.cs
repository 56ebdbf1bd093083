namespace AiGovernance.Monitoring.Responses;

internal static class DriftResponseDefaults
{
    public static readonly TimeSpan CoolDown = TimeSpan.FromHours(12);
    public static readonly TimeSpan HandlerTimeout = TimeSpan.FromMinutes(5);
    public const string Actor = "AiGovernance.Monitoring";
}
