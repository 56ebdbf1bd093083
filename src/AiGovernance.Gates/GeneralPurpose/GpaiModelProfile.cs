namespace AiGovernance.Gates.GeneralPurpose;

/// <summary>The facts about an AI model that decide whether it is a general-purpose AI model (Art. 3(63)), whether it has
/// systemic risk (Art. 51) and which Chapter V obligations apply to its provider.</summary>
/// <remarks>Each fact is an assessment made by the people who know the model; the classifier combines them and never
/// decides them.</remarks>
public sealed record GpaiModelProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="name">The model's name, for example its identifier in the inventory.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or white space.</exception>
    public GpaiModelProfile(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The model's name.</summary>
    public string Name { get; }

    /// <summary>Whether the model displays significant generality (Art. 3(63)); models trained with a large amount of data
    /// using self-supervision at scale typically do.</summary>
    public bool DisplaysSignificantGenerality { get; init; }

    /// <summary>Whether the model is capable of competently performing a wide range of distinct tasks (Art. 3(63)).</summary>
    public bool PerformsWideRangeOfDistinctTasks { get; init; }

    /// <summary>Whether the model can be integrated into a variety of downstream systems or applications (Art. 3(63)).</summary>
    public bool IntegrableIntoDownstreamSystems { get; init; }

    /// <summary>Whether the model is used only for research, development or prototyping before being placed on the market,
    /// which Art. 3(63) excludes.</summary>
    public bool UsedOnlyForResearchBeforeMarket { get; init; }

    /// <summary>The cumulative amount of computation used for training, in floating point operations; <see langword="null"/>
    /// when unknown, which is treated as above the Art. 51(2) threshold (fail closed).</summary>
    public double? TrainingComputeFlops { get; init; }

    /// <summary>Whether an evaluation with appropriate technical tools found high-impact capabilities (Art. 51(1)(a)).</summary>
    public bool HasHighImpactCapabilities { get; init; }

    /// <summary>Whether the Commission designated the model as having systemic risk (Art. 51(1)(b), Art. 52(4)).</summary>
    public bool DesignatedWithSystemicRisk { get; init; }

    /// <summary>Whether the model is released under a free and open-source licence allowing access, usage, modification and
    /// distribution, with its parameters, including the weights, architecture and usage information, made public (Art. 53(2)).</summary>
    public bool ReleasedAsFreeAndOpenSource { get; init; }

    /// <summary>When the model was placed on the Union market; <see langword="null"/> when not yet or unknown. Models placed
    /// before 2 August 2025 comply by 2 August 2027 (Art. 111(3)).</summary>
    public DateOnly? PlacedOnMarketOn { get; init; }

    /// <summary>Whether the provider is established in the Union; <see langword="null"/> when unknown, which is treated as not
    /// established (fail closed), so the authorised-representative duty of Art. 54 is listed.</summary>
    public bool? ProviderEstablishedInUnion { get; init; }
}
