using System.Text.Json;
using System.Text.Json.Serialization;
using AiGovernance.Statistics;

namespace AiGovernance.Statistics.Tests.Profiles;

/// <summary>A consumer's own source-generated context (as an AOT batch job would declare) picks up the types' converters.</summary>
[JsonSerializable(typeof(DriftSnapshot))]
internal sealed partial class UserJsonContext : JsonSerializerContext;

internal sealed record DriftSnapshot(string Column, BinEdges Edges, ColumnProfile Profile);

public class UserJsonContextTests
{
    [Fact]
    public void ConsumerContext_RoundTripsEdgesAndProfiles()
    {
        var edges = BinEdges.FromCutPoints([0.5, 1.5]);
        var profile = ColumnProfile.CreateNumeric(new() { Edges = edges });
        profile.Add([0.1, 1.0, 2.0, double.NaN, 1.2]);

        var json = JsonSerializer.Serialize(new DriftSnapshot("score", edges, profile), UserJsonContext.Default.DriftSnapshot);
        var back = JsonSerializer.Deserialize(json, UserJsonContext.Default.DriftSnapshot)!;

        Assert.Equal("score", back.Column);
        Assert.Equal(edges, back.Edges);
        Assert.Equal(profile.ToJson(), back.Profile.ToJson());
        Assert.Equal([1L, 2, 1], back.Profile.BinCounts.ToArray());
        Assert.Equal(1, back.Profile.MissingCount);
    }
}
