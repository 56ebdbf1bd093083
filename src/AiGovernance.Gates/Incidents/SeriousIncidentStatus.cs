namespace AiGovernance.Gates.Incidents;

/// <summary>Where a serious-incident record stands.</summary>
public enum SeriousIncidentStatus
{
    /// <summary>Raised and not yet reported; its reporting deadline runs.</summary>
    Open = 0,

    /// <summary>Reported to the market surveillance authority (an initial report meets the deadline, Art. 73(5)).</summary>
    Reported = 1,

    /// <summary>Assessed as not a serious incident, with the reason recorded.</summary>
    Dismissed = 2,
}
