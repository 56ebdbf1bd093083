namespace AiGovernance.Monitoring.VendorSla;

/// <summary>The verdict of a <see cref="VendorSlaReport"/>.</summary>
public enum VendorSlaStatus
{
    /// <summary>No significant shortfall against the contract.</summary>
    Compliant = 0,

    /// <summary>At least one metric fell significantly short of its tolerated limit.</summary>
    Violated = 1,

    /// <summary>Too few labelled records in the window to judge.</summary>
    InsufficientData = 2,
}
