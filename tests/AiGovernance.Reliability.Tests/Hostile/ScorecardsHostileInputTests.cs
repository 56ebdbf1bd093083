using System.Text.Json;
using AiGovernance.Scorecards;
using AiGovernance.Scorecards.Literacy;
using FsCheck;
using FsCheck.Fluent;
using static AiGovernance.Reliability.Tests.Hostile.HostileValues;

namespace AiGovernance.Reliability.Tests.Hostile;

/// <summary>AiGovernance.Scorecards entry points under hostile ROI inputs, metric bounds and report JSON.</summary>
public class ScorecardsHostileInputTests
{
    [Fact]
    public void RoiCalculator_OnHostileInputs_CalculatesOrRejects() =>
        HostileProperty.Run(
            from development in Scalars().Select(v => v * 1e6)
            from infrastructure in Scalars().Select(v => v * 1e5)
            from revenue in Scalars().Select(v => v * 1e6)
            from years in Gen.Elements(-1, 0, 1, 5, 200, 201, int.MaxValue)
            from rate in Scalars()
            from probability in Scalars()
            select new RoiInputs
            {
                DevelopmentCost = development, AnnualInfrastructureCost = infrastructure, AnnualRevenueImpact = revenue, Years = years,
                DiscountRate = rate, ProbabilityOfSuccess = probability,
            },
            HostileProperty.Cases(600),
            inputs => HostileCall.Check("RoiCalculator.Calculate/Sensitivity", () => (RoiCalculator.Calculate(inputs), RoiCalculator.Sensitivity(inputs)),
                r => !double.IsNaN(r.Item1.Npv) && !double.IsNaN(r.Item1.Roi) && r.Item2 is not null));

    [Fact]
    public void ScorecardMetric_OnHostileBoundsAndValues_NormalizesIntoUnitIntervalOrRejects() =>
        HostileProperty.Run(
            from floor in Scalars()
            from target in Scalars()
            from value in Scalars()
            from dimension in Gen.Choose(-1, 4).Select(i => (ScorecardDimension)i)
            from direction in Gen.Choose(-1, 2).Select(i => (MetricDirection)i)
            select (floor, target, value, dimension, direction),
            HostileProperty.Cases(1000),
            input => HostileCall.Check("ScorecardMetric.Normalize", () => new ScorecardMetric("m", input.dimension, input.direction, input.floor, input.target).Normalize(input.value),
                score => IsProbability(score)));

    [Fact]
    public void ScorecardMetric_BoundsWhoseSpanOverflows_NormalizeExactly()
    {
        // Defect D6 (fixed): target − floor overflowed to −∞ and value − floor to −∞, so ∞/∞ = NaN. The halved terms give
        // (−1e308 − 1e308)/(−MaxValue − 1e308) = 2/(1 + 1.7976931348623157) ≈ 0.714875.
        var metric = new ScorecardMetric("m", ScorecardDimension.Risk, MetricDirection.LowerIsBetter, 1e308, -double.MaxValue);
        Assert.Equal(2 / (1 + (double.MaxValue / 1e308)), metric.Normalize(-1e308), 1e-15);
        Assert.Equal(1.0, metric.Normalize(-double.MaxValue));
        Assert.Equal(0.0, metric.Normalize(double.MaxValue));
        var wide = new ScorecardMetric("w", ScorecardDimension.Business, MetricDirection.HigherIsBetter, -double.MaxValue, double.MaxValue);
        Assert.Equal(0.5, wide.Normalize(0), 1e-15);
        Assert.Equal(0.75, wide.Normalize(double.MaxValue / 2), 1e-15);
    }

    [Fact]
    public void ScorecardReport_FromHostileJson_ParsesOrRejectsWithJsonException()
    {
        string[] palette = ["", "{", "null", "[]", "{}", "{\"systemName\":null}", "{\"overall\":1e999}", new string('{', 3000), "{\"dimensions\":[{}]}", "\"\\uD800\""];
        HostileProperty.Run(Gen.Elements(palette), HostileProperty.Cases(200), json =>
            HostileCall.Check("ScorecardReport.FromJson", () => ScorecardReport.FromJson(json), r => r is not null, alsoDocumented: typeof(JsonException)));
    }

    private static readonly string[] MetricNames = ["accuracy", "latency", "roi", "", " ", "\uD800", "accuracy", "Accuracy", "adoption"];

    private static Gen<Func<ScorecardMetric>> MetricFactories() =>
        from name in Gen.Elements(MetricNames)
        from dimension in Gen.Frequency((9, Gen.Choose(0, 3)), (1, Gen.Elements(-1, 4))).Select(i => (ScorecardDimension)i)
        from direction in Gen.Frequency((9, Gen.Choose(0, 1)), (1, Gen.Elements(-1, 2))).Select(i => (MetricDirection)i)
        from floor in Scalars()
        from target in Scalars()
        select new Func<ScorecardMetric>(() => new ScorecardMetric(name, dimension, direction, floor, target));

    [Fact]
    public void BalancedScorecard_OnHostileMetricsWeightsAndReadings_ScoresInUnitIntervalOrRejects() =>
        HostileProperty.Run(
            from factories in Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(MetricFactories(), n))
            from weights in Gen.Frequency(
                (3, Gen.Constant(DimensionWeights.Default)),
                (1, Gen.Constant(new DimensionWeights(1, 0, 0, 0))),
                (2, from a in Scalars() from b in Scalars() from c in Scalars() from d in Scalars() select new DimensionWeights(a, b, c, d)))
            from threshold in Gen.Frequency((3, Gen.Constant(0.5)), (1, Scalars()))
            from readings in Gen.Choose(0, 10).SelectMany(n => Gen.ArrayOf(
                from name in Gen.Elements(MetricNames.Append("unknown").Append(null!).ToArray())
                from value in Scalars().Select(v => v * 100)
                select new MetricReading(name, value), n))
            from system in Gen.Elements("credit-model", "", " ", "other")
            from period in Gen.Elements("2026-Q1", "", "\uD800")
            from chained in Gen.Elements(true, false)
            select (factories, weights, threshold, readings, system, period, chained),
            HostileProperty.Cases(400),
            input =>
            {
                var metrics = new List<ScorecardMetric>();
                foreach (var factory in input.factories)
                {
                    try
                    {
                        metrics.Add(factory());
                    }
                    catch (ArgumentException)
                    {
                        // Invalid definitions are covered by ScorecardMetric_OnHostileBoundsAndValues_….
                    }
                }

                return HostileCall.Check("BalancedScorecard (constructor, Evaluate, ToJson/FromJson, summaries)", () =>
                    {
                        var scorecard = new BalancedScorecard(metrics, input.weights, input.threshold);
                        var previous = input.chained ? scorecard.Evaluate(input.system, "2025-Q4", input.readings.Take(2)) : null;
                        var report = scorecard.Evaluate(input.system, input.period, input.readings, previous);
                        var copy = ScorecardReport.FromJson(report.ToJson());
                        return (report, copy, text: report.ToMarkdown() + report.ToPlainText());
                    },
                    r => (r.report.OverallHealth is null || IsProbability(r.report.OverallHealth.Value))
                         && r.report.Dimensions.All(d => (d.Score is null || IsProbability(d.Score.Value)) && d.Metrics.All(m => IsProbability(m.Score)))
                         && r.copy.OverallHealth == r.report.OverallHealth && r.text.Length > 0,
                    parameters: ["metrics", "weights", "weaknessThreshold", "systemName", "period", "readings", "previous"]);
            });

    [Fact]
    public void AiLiteracyAssessment_OnHostileRolesAndScores_AssessesInUnitIntervalOrRejects()
    {
        string[] names = ["Engineer", "engineer", "Analyst", "", " ", "\uD800", "İ", "i̇"];
        HostileProperty.Run(
            from roleCount in Gen.Choose(0, 4)
            from roles in Gen.ArrayOf(
                from role in Gen.Elements(names)
                from competencies in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Gen.Elements(names.Append("ethics").Append("bias").ToArray()), n))
                select (role, competencies), roleCount)
            from needs in Gen.Frequency((3, Gen.Constant(0.7)), (1, Scalars()))
            from priority in Gen.Frequency((3, Gen.Constant(0.6)), (1, Scalars()))
            from people in Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(
                from id in Gen.Elements("e1", "e2", "e3", "", "E1")
                from role in Gen.Elements(names)
                from scores in Gen.ArrayOf(
                    from competency in Gen.Elements(names.Append("ethics").Append("bias").ToArray())
                    from score in Scalars()
                    select (competency, score), 4)
                select (id, role, scores), n))
            select (roles, needs, priority, people),
            HostileProperty.Cases(400),
            input => HostileCall.Check("AiLiteracyAssessment (constructor, AssessIndividual, IdentifyGaps)", () =>
                {
                    var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                    foreach (var (role, competencies) in input.roles)
                    {
                        map[role] = competencies;
                    }

                    var assessment = map.Count == 0 ? AiLiteracyAssessment.Default : new AiLiteracyAssessment(map, input.needs, input.priority);
                    var assessed = new List<IndividualLiteracyAssessment>();
                    foreach (var person in input.people)
                    {
                        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
                        foreach (var (competency, score) in person.scores)
                        {
                            scores[competency] = score;
                        }

                        try
                        {
                            assessed.Add(assessment.AssessIndividual(person.id, person.role, scores));
                        }
                        catch (ArgumentException e) when (e.ParamName is "employeeId" or "role" or "competencyScores")
                        {
                            // Documented rejections of one person; the others are still assessed.
                        }
                    }

                    var report = assessed.Count == 0 ? null : assessment.IdentifyGaps(assessed);
                    return (assessed, report, markdown: report?.ToMarkdown());
                },
                r => r.assessed.All(a => IsProbability(a.OverallScore) && a.NeedsTraining == (a.OverallScore < (input.roles.Length == 0 ? 0.7 : input.needs)))
                     && (r.report is null || (IsProbability(r.report.OverallLiteracy) && r.report.NeedingTraining <= r.report.Assessed
                                              && r.report.Roles.Sum(x => x.People) == r.report.Assessed && r.markdown!.Length > 0)),
                parameters: ["roleCompetencies", "needsTrainingThreshold", "priorityTrainingThreshold", "employeeId", "role", "competencyScores", "assessments"]));
    }
}
