using System.Text.Json.Serialization;

namespace AiGovernance.Statistics;

/// <summary>Serialised shape of <see cref="BinEdges"/>.</summary>
internal sealed class BinEdgesData
{
    public double[]? CutPoints { get; set; }
}

/// <summary>Serialised shape of <see cref="KllSketch"/>.</summary>
internal sealed class KllSketchData
{
    public int K { get; set; }

    public long Seed { get; set; }

    public long Count { get; set; }

    public double Minimum { get; set; }

    public double Maximum { get; set; }

    public double[][]? Levels { get; set; }

    public long[]? Compactions { get; set; }
}

/// <summary>Serialised shape of <see cref="ColumnProfile"/>.</summary>
internal sealed class ColumnProfileData
{
    public ColumnKind Kind { get; set; }

    public long Count { get; set; }

    public long MissingCount { get; set; }

    public double Minimum { get; set; }

    public double Maximum { get; set; }

    public double Mean { get; set; }

    public double SumOfSquaredDeviations { get; set; }

    public BinEdges? Edges { get; set; }

    public long[]? BinCounts { get; set; }

    public int SketchK { get; set; }

    public long SketchSeed { get; set; }

    public int CategoryCap { get; set; }

    public Dictionary<string, long>? Categories { get; set; }

    public long OtherCount { get; set; }

    public KllSketch? Sketch { get; set; }
}

/// <summary>Source-generated (AOT-safe) metadata for the internal serialised shapes; NaN and infinities are written as
/// the strings "NaN", "Infinity", "-Infinity".</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(BinEdgesData))]
[JsonSerializable(typeof(KllSketchData))]
[JsonSerializable(typeof(ColumnProfileData))]
internal sealed partial class StatisticsDataJsonContext : JsonSerializerContext;
