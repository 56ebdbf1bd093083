namespace AiGovernance.Gates.Classification;

/// <summary>Whether a deployment region is in the territorial scope of the EU AI Act, as <see cref="EuTerritorialScope"/> reads it.</summary>
public enum RegionScope
{
    /// <summary>Not a recognised code: treated as in scope (fail closed).</summary>
    Unknown = 0,

    /// <summary>Union law applies there: a Member State (or one of its subdivisions), an outermost region, Åland, Ceuta and
    /// Melilla, or the EEA.</summary>
    InScope = 1,

    /// <summary>A recognised country or territory where Union law does not apply.</summary>
    OutOfScope = 2,
}
