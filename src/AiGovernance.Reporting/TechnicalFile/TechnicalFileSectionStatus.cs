namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>How much of an Annex IV point the library could fill from what it holds.</summary>
public enum TechnicalFileSectionStatus
{
    /// <summary>Everything the point asks for is held by the library.</summary>
    Complete = 0,

    /// <summary>Some of it is held; the rest is listed as gaps for the owner to fill.</summary>
    Partial = 1,

    /// <summary>Nothing is held; the whole point is a gap for the owner to fill.</summary>
    Gap = 2,
}
