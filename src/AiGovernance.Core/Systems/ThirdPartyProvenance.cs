namespace AiGovernance.Core;

/// <summary>Where a third-party AI system comes from: the vendor and the component that embeds the AI.</summary>
public sealed record ThirdPartyProvenance
{
    /// <summary>Creates a provenance record.</summary>
    /// <param name="vendor">The vendor's name.</param>
    /// <param name="component">The product or component that contains the AI.</param>
    /// <exception cref="ArgumentException">A value is null, empty or white space.</exception>
    public ThirdPartyProvenance(string vendor, string component)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        Vendor = vendor;
        Component = component;
    }

    /// <summary>The vendor's name.</summary>
    public string Vendor { get; }

    /// <summary>The product or component that contains the AI.</summary>
    public string Component { get; }
}
