using AiGovernance.Gates.Law;

namespace AiGovernance.Gates.Incidents;

/// <summary>The latest reporting periods of Article 73: 15 days (Art. 73(2)); 2 days for a widespread infringement or a
/// serious and irreversible disruption of critical infrastructure (Art. 73(3)); 10 days after the death of a person
/// (Art. 73(4)). When several apply the shortest wins; an incident not yet assessed gets the shortest of all (fail closed).</summary>
/// <remarks>Periods are counted in calendar days from the moment of awareness. The extension of a period ending on a
/// public holiday or weekend under Regulation (EEC, Euratom) No 1182/71 is not applied, which can only make a deadline
/// earlier. Every report is due "immediately" once a causal link is established; the periods are the latest dates.</remarks>
public static class SeriousIncidentDeadlines
{
    /// <summary>The general period, 15 days (Art. 73(2)).</summary>
    public static readonly TimeSpan General = TimeSpan.FromDays(15);

    /// <summary>The period after the death of a person, 10 days (Art. 73(4)).</summary>
    public static readonly TimeSpan AfterDeath = TimeSpan.FromDays(10);

    /// <summary>The period for a widespread infringement or a critical-infrastructure disruption, 2 days (Art. 73(3)).</summary>
    public static readonly TimeSpan WidespreadOrCriticalInfrastructure = TimeSpan.FromDays(2);

    /// <summary>The period for an incident with the given harms.</summary>
    /// <param name="harms">The harms assessed; empty when not yet assessed.</param>
    /// <param name="isWidespreadInfringement">Whether it is a widespread infringement (Art. 3(61)).</param>
    /// <returns>The shortest applicable period with its provision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="harms"/> is null.</exception>
    /// <exception cref="ArgumentException">A harm is not a defined value.</exception>
    public static ReportingPeriod GetPeriod(IReadOnlyCollection<SeriousIncidentHarm> harms, bool isWidespreadInfringement)
    {
        ArgumentNullException.ThrowIfNull(harms);
        foreach (var harm in harms)
        {
            if (!Enum.IsDefined(harm))
            {
                throw new ArgumentException($"Unknown harm {harm}.", nameof(harms));
            }
        }

        if (harms.Count == 0 && !isWidespreadInfringement)
        {
            return new ReportingPeriod(WidespreadOrCriticalInfrastructure, Cite("Art. 73(3)"),
                "Not yet assessed: the shortest period applies until the harms are assessed.");
        }

        if (isWidespreadInfringement || harms.Contains(SeriousIncidentHarm.CriticalInfrastructureDisruption))
        {
            return new ReportingPeriod(WidespreadOrCriticalInfrastructure, Cite("Art. 73(3)"),
                isWidespreadInfringement ? "Widespread infringement." : "Serious and irreversible disruption of critical infrastructure.");
        }

        return harms.Contains(SeriousIncidentHarm.Death)
            ? new ReportingPeriod(AfterDeath, Cite("Art. 73(4)"), "Death of a person.")
            : new ReportingPeriod(General, Cite("Art. 73(2)"), "Serious incident.");
    }

    private static string Cite(string id) => EuAiActLaw.CitationPrefix + id;
}
