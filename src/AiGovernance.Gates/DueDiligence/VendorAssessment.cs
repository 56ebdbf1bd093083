using AiGovernance.Core;

namespace AiGovernance.Gates.DueDiligence;

/// <summary>A due-diligence assessment of a vendor's AI component: each criterion's risk rated
/// <see cref="Severity.Low"/>..<see cref="Severity.Critical"/> (1..4).</summary>
public sealed record VendorAssessment
{
    /// <summary>Creates an assessment.</summary>
    /// <param name="vendor">The vendor.</param>
    /// <param name="component">The AI component assessed.</param>
    /// <param name="ratings">The risk rating of every one of the twelve criteria.</param>
    /// <exception cref="ArgumentException">A name is empty, a criterion is unrated, or a rating or criterion is undefined.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="ratings"/> is null.</exception>
    public VendorAssessment(string vendor, string component, IReadOnlyDictionary<VendorCriterion, Severity> ratings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(ratings);
        var copy = new Dictionary<VendorCriterion, Severity>();
        foreach (var (criterion, rating) in ratings)
        {
            if (!Enum.IsDefined(criterion) || !Enum.IsDefined(rating))
            {
                throw new ArgumentException($"Undefined criterion or rating: {criterion} = {rating}.", nameof(ratings));
            }

            copy[criterion] = rating;
        }

        foreach (var criterion in Enum.GetValues<VendorCriterion>())
        {
            if (!copy.ContainsKey(criterion))
            {
                throw new ArgumentException($"Every criterion must be rated; {criterion} is not.", nameof(ratings));
            }
        }

        Vendor = vendor;
        Component = component;
        Ratings = copy;
    }

    /// <summary>The vendor.</summary>
    public string Vendor { get; }

    /// <summary>The AI component assessed.</summary>
    public string Component { get; }

    /// <summary>The rating of each criterion.</summary>
    public IReadOnlyDictionary<VendorCriterion, Severity> Ratings { get; }
}
