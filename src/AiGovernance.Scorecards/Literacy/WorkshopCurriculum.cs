namespace AiGovernance.Scorecards.Literacy;

/// <summary>A cross-functional AI-literacy workshop programme: the session agenda, a theme per quarter and an incident
/// scenario.</summary>
/// <remarks>Technical and business teams work through real scenarios together, which surfaces the translation gaps that
/// separate training never does. <see cref="Default"/> is the default programme (docs/background.md).</remarks>
/// <param name="SessionAgenda">The blocks of one session, in order.</param>
/// <param name="QuarterlyThemes">One theme per quarter, Q1 to Q4.</param>
/// <param name="ExampleScenario">An incident scenario for the walkthrough block.</param>
public sealed record WorkshopCurriculum(
    IReadOnlyList<WorkshopAgendaItem> SessionAgenda, IReadOnlyList<QuarterlyWorkshopTheme> QuarterlyThemes, WorkshopScenario ExampleScenario)
{
    /// <summary>The default programme: a two-hour session (model card, regulatory requirements, discussion, incident
    /// walkthrough, lessons learned), quarterly themes from explainability to incident response, and a credit-decisioning
    /// fairness incident.</summary>
    public static WorkshopCurriculum Default { get; } = new(
        [
            new("Technical team presents the model card of a real production system", TimeSpan.FromMinutes(15)),
            new("Compliance team presents the regulatory requirements for the same system", TimeSpan.FromMinutes(15)),
            new("Cross-functional discussion of alignment and gaps", TimeSpan.FromMinutes(30)),
            new("Hypothetical incident scenario walkthrough", TimeSpan.FromMinutes(45)),
            new("Lessons learned and action items", TimeSpan.FromMinutes(15)),
        ],
        [
            new(1, "Model explainability and regulatory transparency requirements"),
            new(2, "Fairness testing and anti-discrimination law"),
            new(3, "Security, adversarial robustness, data protection"),
            new(4, "Incident response, crisis communication, remediation"),
        ],
        new WorkshopScenario(
            "Credit decisioning model fairness incident",
            [
                "The model approves or denies small-business loan applications.",
                "Deployed 6 months ago, processing 500 applications a day.",
                "The model card documents 87% accuracy, validated on historical data.",
            ],
            [
                "A local news investigation reveals an approval rate of 23% for minority-owned businesses against 41% for others.",
                "A reporter requests an explanation of the algorithm and the training data.",
                "A regulator opens an investigation under fair lending laws.",
            ],
            [
                new("What went wrong?", "Technical: fairness testing gaps"),
                new("What are we legally required to provide?", "Legal: adverse action explanations"),
                new("What can we explain about the model?", "Technical: interpretability limits"),
                new("What is our liability exposure?", "Legal: potential penalties"),
                new("How do we fix it?", "Technical: retraining, fairness constraints"),
                new("How do we prevent recurrence?", "Governance: enhanced testing"),
                new("What do we tell customers?", "Communications: transparency, remediation"),
                new("When can we redeploy?", "Technical and legal: validation and compliance"),
            ]));

    /// <summary>The total length of one session.</summary>
    public TimeSpan SessionDuration
    {
        get
        {
            var total = TimeSpan.Zero;
            foreach (var item in SessionAgenda)
            {
                total += item.Duration;
            }

            return total;
        }
    }

    /// <summary>The theme of <paramref name="quarter"/>.</summary>
    /// <param name="quarter">The quarter, 1 to 4.</param>
    /// <returns>The theme, or <see langword="null"/> when the curriculum has none for that quarter.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quarter"/> is outside 1..4.</exception>
    public string? TopicForQuarter(int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        foreach (var theme in QuarterlyThemes)
        {
            if (theme.Quarter == quarter)
            {
                return theme.Topic;
            }
        }

        return null;
    }
}
