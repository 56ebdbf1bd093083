namespace AiGovernance.Reporting.Layout;

/// <summary>A row of headline tiles.</summary>
/// <param name="Tiles">The tiles.</param>
public sealed record TilesBlock(IReadOnlyList<ReportTile> Tiles) : ReportBlock;
