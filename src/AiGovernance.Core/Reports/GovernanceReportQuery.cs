namespace AiGovernance.Core.Reports;

/// <summary>Which reports to read from an <see cref="IGovernanceReportStore"/>: one system, optionally one kind, and a
/// half-open time range [<see cref="From"/>, <see cref="To"/>) on <see cref="GovernanceReport.CreatedAt"/>.</summary>
/// <param name="SystemId">The system.</param>
/// <param name="Kind">The kind, or <see langword="null"/> for every kind.</param>
/// <param name="From">The earliest creation time included, or <see langword="null"/> for no lower bound.</param>
/// <param name="To">The creation time excluded and everything after it, or <see langword="null"/> for no upper bound.</param>
public sealed record GovernanceReportQuery(string SystemId, string? Kind = null, DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    /// <summary>Throws when the query cannot match anything sensible.</summary>
    /// <exception cref="ArgumentException">The system id is empty, the kind is empty, or <see cref="To"/> is before
    /// <see cref="From"/>.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(SystemId, nameof(SystemId));
        if (Kind is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(Kind, nameof(Kind));
        }

        if (From is { } from && To is { } to && to < from)
        {
            throw new ArgumentException($"The range ends ({to:O}) before it starts ({from:O}).", nameof(To));
        }
    }
}
