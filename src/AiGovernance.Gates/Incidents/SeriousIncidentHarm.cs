namespace AiGovernance.Gates.Incidents;

/// <summary>The outcomes that make an incident or malfunctioning a serious incident (Art. 3(49)); the death of a person is
/// separate from harm to health because it has its own reporting period (Art. 73(4)).</summary>
public enum SeriousIncidentHarm
{
    /// <summary>The death of a person (Art. 3(49)(a); reported within 10 days, Art. 73(4)).</summary>
    Death = 0,

    /// <summary>Serious harm to a person's health (Art. 3(49)(a); 15 days, Art. 73(2)).</summary>
    SeriousHarmToHealth = 1,

    /// <summary>A serious and irreversible disruption of the management or operation of critical infrastructure
    /// (Art. 3(49)(b); 2 days, Art. 73(3)).</summary>
    CriticalInfrastructureDisruption = 2,

    /// <summary>An infringement of obligations under Union law intended to protect fundamental rights (Art. 3(49)(c); 15 days,
    /// or 2 days when widespread, Art. 73(3)).</summary>
    FundamentalRightsInfringement = 3,

    /// <summary>Serious harm to property or the environment (Art. 3(49)(d); 15 days).</summary>
    PropertyOrEnvironmentHarm = 4,
}
