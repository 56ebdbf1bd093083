using System.Collections.ObjectModel;
using AiGovernance.Shared;

namespace AiGovernance.Scorecards.Literacy;

/// <summary>Tracks AI literacy across roles: scores individuals on their role's competencies and finds the organisation's
/// gaps and priority training topics.</summary>
/// <remarks>
/// <para>An individual's overall score is the mean of their competency scores; they need training below the
/// needs-training threshold (default 0.7). Across the organisation, competencies averaging below the priority threshold
/// (default 0.6) are priority training topics. Role and competency names compare case-insensitively (ordinal).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class AiLiteracyAssessment
{
    private readonly Dictionary<string, string[]> _roles;

    /// <summary>Creates an assessment with the default competencies for <see cref="LiteracyRoles.Executive"/>,
    /// <see cref="LiteracyRoles.Manager"/>, <see cref="LiteracyRoles.Technical"/> and
    /// <see cref="LiteracyRoles.LegalCompliance"/>, and thresholds 0.7 and 0.6.</summary>
    public AiLiteracyAssessment()
    {
        _roles = DefaultCompetencies.RoleCompetencies();
        NeedsTrainingThreshold = ScorecardsDefaults.NeedsTrainingThreshold;
        PriorityTrainingThreshold = ScorecardsDefaults.PriorityTrainingThreshold;
        RoleCompetencies = Snapshot(_roles);
    }

    /// <summary>Creates an assessment with custom role competencies.</summary>
    /// <param name="roleCompetencies">Each role's competencies: at least one role, each with at least one competency, no
    /// name empty or repeated within its role.</param>
    /// <param name="needsTrainingThreshold">An individual whose overall score is below this, in [0, 1], needs training.</param>
    /// <param name="priorityTrainingThreshold">A competency averaging below this, in [0, 1], is a priority training topic.</param>
    /// <exception cref="ArgumentNullException"><paramref name="roleCompetencies"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="roleCompetencies"/> is empty, a role or competency is empty or
    /// repeated, or a threshold is outside [0, 1] (the exception names the threshold).</exception>
    public AiLiteracyAssessment(
        IReadOnlyDictionary<string, IReadOnlyList<string>> roleCompetencies,
        double needsTrainingThreshold = ScorecardsDefaults.NeedsTrainingThreshold,
        double priorityTrainingThreshold = ScorecardsDefaults.PriorityTrainingThreshold)
    {
        ArgumentNullException.ThrowIfNull(roleCompetencies);

        // The thresholds' ranges are AiLiteracyOptions' [Range]s, run by its generated validator, one parameter at a time so
        // the exception names the wrong one.
        OptionsGuard.ThrowIfInvalid(new AiLiteracyOptions { NeedsTrainingThreshold = needsTrainingThreshold }, nameof(needsTrainingThreshold),
            AiLiteracyOptionsValidator.Instance);
        OptionsGuard.ThrowIfInvalid(new AiLiteracyOptions { PriorityTrainingThreshold = priorityTrainingThreshold },
            nameof(priorityTrainingThreshold), AiLiteracyOptionsValidator.Instance);
        RuleViolation.ThrowFirst(RoleViolations(roleCompetencies));
        _roles = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (role, competencies) in roleCompetencies)
        {
            _roles.Add(role, [.. competencies]);
        }

        NeedsTrainingThreshold = needsTrainingThreshold;
        PriorityTrainingThreshold = priorityTrainingThreshold;
        RoleCompetencies = Snapshot(_roles);
    }

    /// <summary>An assessment with the default roles, competencies and thresholds.</summary>
    public static AiLiteracyAssessment Default { get; } = new();

    /// <summary>Each role's competencies.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RoleCompetencies { get; }

    /// <summary>An individual whose overall score is below this needs training.</summary>
    public double NeedsTrainingThreshold { get; }

    /// <summary>A competency averaging below this across the organisation is a priority training topic.</summary>
    public double PriorityTrainingThreshold { get; }

    /// <summary>Assesses one person on their role's competencies.</summary>
    /// <param name="employeeId">The person's identifier.</param>
    /// <param name="role">The person's role.</param>
    /// <param name="competencyScores">A score in [0, 1] for every competency of the role, and nothing else.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentException"><paramref name="employeeId"/> is empty, <paramref name="role"/> is unknown, or
    /// <paramref name="competencyScores"/> misses a competency of the role or scores one the role does not have.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="competencyScores"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside [0, 1].</exception>
    public IndividualLiteracyAssessment AssessIndividual(string employeeId, string role, IReadOnlyDictionary<string, double> competencyScores)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(employeeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        ArgumentNullException.ThrowIfNull(competencyScores);
        if (!_roles.TryGetValue(role, out var competencies))
        {
            throw new ArgumentException($"Unknown role '{role}'; known roles: {string.Join(", ", _roles.Keys)}.", nameof(role));
        }

        var given = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (competency, score) in competencyScores)
        {
            if (Array.FindIndex(competencies, c => string.Equals(c, competency, StringComparison.OrdinalIgnoreCase)) < 0)
            {
                throw new ArgumentException($"Role '{role}' has no competency '{competency}'.", nameof(competencyScores));
            }

            if (!(score is >= 0 and <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(competencyScores), score, $"The score of '{competency}' must be in [0, 1].");
            }

            given[competency] = score;
        }

        var scores = new CompetencyScore[competencies.Length];
        var sum = 0.0;
        for (var i = 0; i < competencies.Length; i++)
        {
            if (!given.TryGetValue(competencies[i], out var score))
            {
                throw new ArgumentException($"No score for competency '{competencies[i]}' of role '{role}'.", nameof(competencyScores));
            }

            scores[i] = new CompetencyScore(competencies[i], score);
            sum += score;
        }

        return new IndividualLiteracyAssessment(employeeId, CanonicalRole(role), scores, sum / competencies.Length, NeedsTrainingThreshold);
    }

    /// <summary>Finds the organisation's literacy gaps by role and by competency, and the priority training topics.</summary>
    /// <param name="assessments">Everyone's assessments, at most one per employee.</param>
    /// <returns>The report; roles, competencies and topics are listed weakest first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessments"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="assessments"/> is empty or assesses an employee twice.</exception>
    public OrganizationLiteracyReport IdentifyGaps(IEnumerable<IndividualLiteracyAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        var employees = new HashSet<string>(StringComparer.Ordinal);
        var byRole = new Dictionary<string, List<IndividualLiteracyAssessment>>(StringComparer.OrdinalIgnoreCase);
        var byCompetency = new Dictionary<string, (double Sum, int Count)>(StringComparer.OrdinalIgnoreCase);
        var overallSum = 0.0;
        var needingTraining = 0;
        foreach (var assessment in assessments)
        {
            ArgumentNullException.ThrowIfNull(assessment, nameof(assessments));
            if (!employees.Add(assessment.EmployeeId))
            {
                throw new ArgumentException($"Employee '{assessment.EmployeeId}' is assessed twice.", nameof(assessments));
            }

            if (!byRole.TryGetValue(assessment.Role, out var people))
            {
                byRole[assessment.Role] = people = [];
            }

            people.Add(assessment);
            overallSum += assessment.OverallScore;
            needingTraining += assessment.OverallScore < NeedsTrainingThreshold ? 1 : 0;
            Accumulate(byCompetency, assessment);
        }

        if (employees.Count == 0)
        {
            throw new ArgumentException("At least one assessment is required.", nameof(assessments));
        }

        var roles = new List<RoleLiteracy>(byRole.Count);
        foreach (var (role, people) in byRole)
        {
            var sum = 0.0;
            var needing = 0;
            var competencies = new Dictionary<string, (double Sum, int Count)>(StringComparer.OrdinalIgnoreCase);
            foreach (var person in people)
            {
                sum += person.OverallScore;
                needing += person.OverallScore < NeedsTrainingThreshold ? 1 : 0;
                Accumulate(competencies, person);
            }

            var average = sum / people.Count;
            roles.Add(new RoleLiteracy(role, people.Count, average, Gap(average), needing, Summarise(competencies)));
        }

        roles.Sort((a, b) => a.AverageScore != b.AverageScore
            ? a.AverageScore.CompareTo(b.AverageScore)
            : string.CompareOrdinal(a.Role, b.Role));
        var overall = Summarise(byCompetency);
        var topics = new List<string>();
        foreach (var competency in overall)
        {
            if (competency.AverageScore < PriorityTrainingThreshold)
            {
                topics.Add(competency.Competency);
            }
        }

        return new OrganizationLiteracyReport(
            employees.Count, needingTraining, overallSum / employees.Count, roles.AsReadOnly(), overall, topics.AsReadOnly());
    }

    private static void Accumulate(Dictionary<string, (double Sum, int Count)> totals, IndividualLiteracyAssessment assessment)
    {
        foreach (var score in assessment.CompetencyScores)
        {
            totals.TryGetValue(score.Competency, out var total);
            totals[score.Competency] = (total.Sum + score.Score, total.Count + 1);
        }
    }

    private ReadOnlyCollection<CompetencyLiteracy> Summarise(Dictionary<string, (double Sum, int Count)> totals)
    {
        var result = new List<CompetencyLiteracy>(totals.Count);
        foreach (var (competency, total) in totals)
        {
            var average = total.Sum / total.Count;
            result.Add(new CompetencyLiteracy(competency, total.Count, average, Gap(average)));
        }

        result.Sort((a, b) => a.AverageScore != b.AverageScore
            ? a.AverageScore.CompareTo(b.AverageScore)
            : string.CompareOrdinal(a.Competency, b.Competency));
        return result.AsReadOnly();
    }

    private double Gap(double average) => Math.Max(0.0, NeedsTrainingThreshold - average);

    private string CanonicalRole(string role)
    {
        foreach (var key in _roles.Keys)
        {
            if (string.Equals(key, role, StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }

        return role;
    }

    /// <summary>The rules of custom roles, written once: the constructor throws the first broken one and
    /// <c>ScorecardsOptionsCustomValidator</c> lists them all for configured roles.</summary>
    internal static IEnumerable<RuleViolation> RoleViolations(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> roleCompetencies)
    {
        const string Parameter = "roleCompetencies";
        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (role, competencies) in roleCompetencies)
        {
            if (string.IsNullOrWhiteSpace(role))
            {
                yield return new RuleViolation(Parameter, "Role names must not be empty.");
                continue;
            }

            if (!roles.Add(role))
            {
                yield return new RuleViolation(Parameter, $"Role '{role}' is defined twice (names compare case-insensitively).");
            }

            if (competencies is null || competencies.Count == 0)
            {
                yield return new RuleViolation(Parameter, $"Role '{role}' has no competencies.");
                continue;
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var competency in competencies)
            {
                if (string.IsNullOrWhiteSpace(competency) || !seen.Add(competency))
                {
                    yield return new RuleViolation(Parameter, $"Role '{role}' has an empty or repeated competency '{competency}'.");
                }
            }
        }

        if (roles.Count == 0)
        {
            yield return new RuleViolation(Parameter, "At least one role is required.");
        }
    }

    private static ReadOnlyDictionary<string, IReadOnlyList<string>> Snapshot(Dictionary<string, string[]> roles)
    {
        var copy = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (role, competencies) in roles)
        {
            copy[role] = Array.AsReadOnly(competencies);
        }

        return copy.AsReadOnly();
    }
}
