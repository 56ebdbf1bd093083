using System.Diagnostics.CodeAnalysis;

namespace AiGovernance.Gates.Law;

/// <summary>The EU AI Act as the classifier applies it: the published provisions with the selected amendments laid over
/// them. Every citation in a classification names one of <see cref="Provisions"/>.</summary>
/// <remarks>Immutable and thread-safe. Lookups by identifier are O(1).</remarks>
public sealed class EuAiActLawVersion
{
    private readonly Dictionary<string, LegalProvision> _byId;

    internal EuAiActLawVersion(string id, string name, IReadOnlyList<LegalProvision> provisions, IReadOnlyList<AppliedAmendment> amendments)
    {
        Id = id;
        Name = name;
        Provisions = provisions;
        Amendments = amendments;
        _byId = new Dictionary<string, LegalProvision>(provisions.Count, StringComparer.Ordinal);
        foreach (var provision in provisions)
        {
            _byId.Add(provision.Id, provision);
        }
    }

    /// <summary>A short identifier of the version, for example <c>2024.1689+omnibus-2026:tightening</c> (the published
    /// regulation with only the tightening changes of the Digital Omnibus).</summary>
    public string Id { get; }

    /// <summary>The version in words, naming each amendment applied and whether it is confirmed.</summary>
    public string Name { get; }

    /// <summary>Every provision modelled, in the order of the Act.</summary>
    public IReadOnlyList<LegalProvision> Provisions { get; }

    /// <summary>The amendments applied, in the order applied.</summary>
    public IReadOnlyList<AppliedAmendment> Amendments { get; }

    /// <summary>Whether every provision is confirmed from a published text.</summary>
    public bool IsConfirmed
    {
        get
        {
            foreach (var provision in Provisions)
            {
                if (provision.Confidence != ProvisionConfidence.Confirmed)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The provision with the given identifier.</summary>
    /// <param name="id">The identifier, for example <c>Art. 27(1)</c>.</param>
    /// <returns>The provision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException">This version has no such provision.</exception>
    public LegalProvision Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id, out var provision)
            ? provision
            : throw new ArgumentException($"The law version '{Id}' has no provision '{id}'.", nameof(id));
    }

    /// <summary>Looks a provision up by identifier.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="provision">The provision, when found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGet(string? id, [NotNullWhen(true)] out LegalProvision? provision)
    {
        provision = null;
        return id is not null && _byId.TryGetValue(id, out provision);
    }

    /// <summary>Whether a text is exactly the citation of one of this version's provisions.</summary>
    /// <param name="citation">A citation, for example <c>EU AI Act Art. 49(5)</c>.</param>
    /// <returns>Whether it cites a provision of this version.</returns>
    public bool IsCitation(string? citation) =>
        citation is not null && citation.StartsWith(EuAiActLaw.CitationPrefix, StringComparison.Ordinal)
        && _byId.ContainsKey(citation[EuAiActLaw.CitationPrefix.Length..]);
}
