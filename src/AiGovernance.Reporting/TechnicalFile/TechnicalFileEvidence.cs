using AiGovernance.Core.Audit;
using AiGovernance.Core.Reports;
using AiGovernance.Gates.Classification;
using AiGovernance.Gates.Incidents;
using AiGovernance.Gates.Inventory;
using AiGovernance.Gates.ModelCards;
using AiGovernance.Gates.PostMarket;

namespace AiGovernance.Reporting.TechnicalFile;

/// <summary>What the library holds about one AI system, gathered for its technical file. Everything is optional: what is
/// missing becomes a gap in the file, never an invented statement.</summary>
/// <remarks><see cref="TechnicalDocumentation.BuildAsync"/> fills <see cref="AuditRecords"/> and <see cref="Reports"/> from the
/// audit log and the report store; the rest comes from the Gates components that made them.</remarks>
public sealed record TechnicalFileEvidence
{
    /// <summary>The model card of the artifact (intended use, performance, fairness by group, drift baseline, limitations).</summary>
    public ModelCard? ModelCard { get; init; }

    /// <summary>The risk classification of the system's use case (tier, EU category, legal basis, controls, duties).</summary>
    public RiskClassification? Classification { get; init; }

    /// <summary>The system's inventory record (owners, vendor, last review).</summary>
    public AiInventoryEntry? InventoryEntry { get; init; }

    /// <summary>The Article 72 post-market monitoring plan.</summary>
    public PostMarketMonitoringPlan? MonitoringPlan { get; init; }

    /// <summary>Serious incidents (Article 73) of any system; only the system's own are used.</summary>
    public IReadOnlyList<SeriousIncident> Incidents { get; init; } = [];

    /// <summary>Audit records of any system; the system's own (and milestone attempts on its artifact) are used and cited.</summary>
    public IReadOnlyList<AuditRecord> AuditRecords { get; init; } = [];

    /// <summary>Stored reports of any system; the system's own are used and cited.</summary>
    public IReadOnlyList<StoredGovernanceReport> Reports { get; init; } = [];

    /// <summary>Harmonised standards or common specifications the owner declares applied (Annex IV(7)); a gap when empty. The
    /// library cannot know them.</summary>
    public IReadOnlyList<string> StandardsApplied { get; init; } = [];
}
