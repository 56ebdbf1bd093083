using AiGovernance.Core.Audit;
using AiGovernance.Oversight;
using AiGovernance.Oversight.Analysis;
using AiGovernance.Oversight.Review;
using AiGovernance.Oversight.Routing;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;
using static AiGovernance.Reliability.Tests.Hostile.HostileValues;

namespace AiGovernance.Reliability.Tests.Hostile;

/// <summary>Every public entry point of AiGovernance.Oversight under hostile ids, probabilities, options and records.</summary>
public class OversightHostileInputTests
{
    private static readonly string[] StringPalette =
    [
        "", " ", "\t\n", "\0", "a", "case-1", "\uD800", "\uDC00x", "a\u0301", "\u00E1", "аlice", "alice", "\u202Eevil", "\uFEFF",
        "{\"json\":1}", "line\nbreak", "\"quoted\"", "🙂", new string('x', 4096),
    ];

    private static Gen<string> Strings() =>
        Gen.Frequency(
            (4, Gen.Elements(StringPalette)),
            (1, Gen.Choose(0, 64).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c), n)).Select(cs => new string(cs))));

    private static Gen<DateTimeOffset> Instants() =>
        Gen.Frequency(
            (1, Gen.Elements(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, DateTimeOffset.UnixEpoch)),
            (4, Gen.Choose(0, 10_000_000).Select(m => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(m))));

    private static Gen<OversightOptions> Options() =>
        from threshold in Scalars()
        from rate in Scalars()
        from salt in Strings()
        from tolerance in Scalars()
        select new OversightOptions { ReviewThreshold = threshold, AuditSampleRate = rate, AuditSalt = salt, ProbabilitySumTolerance = tolerance };

    private static Gen<OverrideAnalysisOptions> AnalysisOptions() =>
        from level in Mostly(0.95, Scalars())
        from low in Mostly(0.25, Scalars())
        from high in Mostly(0.75, Scalars())
        from bands in Mostly(10, Gen.Elements(-1, 0, 1, 100, 101, int.MaxValue))
        from minimum in Mostly(30, Gen.Elements(int.MinValue, 0, 1, int.MaxValue))
        from significance in Mostly(0.05, Scalars())
        from zone in Gen.Elements("UTC", "UTC", "UTC", "Europe/Berlin", "Europe/Berlin", "America/St_Johns", "Pacific/Kiritimati", "", " ", "Not/AZone", "../../etc/passwd", "\0")
        select new OverrideAnalysisOptions
        {
            ConfidenceLevel = level, LowVolumePercentile = low, HighVolumePercentile = high, ConfidenceBandCount = bands,
            MinimumReviewsPerReviewer = minimum, MinimumReviewsPerHour = minimum, SignificanceLevel = significance, TimeZoneId = zone,
        };

    private static Gen<Func<ReviewRecord>> RecordFactories() =>
        from caseId in Strings()
        from reviewer in Strings()
        from kind in Gen.Choose(-1, 2).Select(k => (ReviewKind)k)
        from started in Instants()
        from judged in Instants()
        from decided in Instants()
        from human in Gen.Elements("approve", "deny", "", "\uD800")
        from humanConfidence in Scalars()
        from ai in Gen.Elements("approve", "deny", "")
        from aiConfidence in Scalars()
        from final in Gen.Elements("approve", "deny", "escalate", "")
        select new Func<ReviewRecord>(() => new ReviewRecord(caseId, reviewer, kind, started, judged, decided, human, humanConfidence, ai, aiConfidence, final));

    [Fact]
    public void AuditSampler_OnHostileRatesSaltsAndIds_SamplesInUnitIntervalOrRejects() =>
        HostileProperty.Run(
            from rate in Scalars()
            from salt in Strings()
            from caseId in Strings()
            select (rate, salt, caseId),
            HostileProperty.Cases(1000),
            input => HostileCall.Check("AuditSampler", () =>
                {
                    var sampler = new AuditSampler(input.rate, input.salt);
                    return (sampler.SamplingValue(input.caseId), sampler.IsSelected(input.caseId), sampler.Rate);
                },
                r => r.Item1 is >= 0 and < 1 && r.Item2 == (r.Item1 < r.Rate),
                inputIsValid: input.rate is >= 0 and <= 1 && !string.IsNullOrWhiteSpace(input.salt) && !string.IsNullOrWhiteSpace(input.caseId)));

    [Fact]
    public void ReviewRouter_RouteByProbabilities_OnHostileSpans_RoutesOrRejects() =>
        HostileProperty.Run(
            from options in Options()
            from caseId in Strings()
            from probabilities in Samples(50)
            select (options, caseId, probabilities),
            HostileProperty.Cases(1000),
            input => HostileCall.Check("ReviewRouter.Route(probabilities)", () =>
                {
                    var router = new ReviewRouter(input.options);
                    return router.Route(input.caseId, input.probabilities);
                },
                d => d.PredictedClass >= 0 && d.PredictedClass < input.probabilities.Length && IsProbability(d.Confidence)
                     && d.Confidence == input.probabilities[d.PredictedClass]
                     && Enum.IsDefined(d.Route)));

    [Fact]
    public void ReviewRouter_RouteByConfidence_OnHostileValues_RoutesOrRejects() =>
        HostileProperty.Run(
            from options in Options()
            from caseId in Strings()
            from confidence in Scalars()
            select (options, caseId, confidence),
            HostileProperty.Cases(1000),
            input => HostileCall.Check("ReviewRouter.Route(confidence)", () => new ReviewRouter(input.options).Route(input.caseId, input.confidence),
                d => d.Confidence == input.confidence && Enum.IsDefined(d.Route)
                     && d.RequiresHumanReview == (input.confidence < input.options.ReviewThreshold || d.Route == ReviewRoute.HumanReview)));

    [Fact]
    public void ReviewRecord_OnHostileFields_ConstructsOrRejects() =>
        HostileProperty.Run(RecordFactories(), HostileProperty.Cases(1000), factory =>
            HostileCall.Check("ReviewRecord..ctor", factory, r => r.StartedAt <= r.InitialJudgmentAt && r.InitialJudgmentAt <= r.FinalDecisionAt
                && IsProbability(r.AiConfidence) && IsProbability(r.HumanInitialConfidence)));

    [Fact]
    public void OverrideAnalyzer_OnHostileOptions_ConstructsOrRejects() =>
        HostileProperty.Run(AnalysisOptions(), HostileProperty.Cases(600), options =>
            HostileCall.Check("OverrideAnalyzer..ctor", () => new OverrideAnalyzer(options).GetReport(), report => report.ReviewCount == 0));

    [Fact]
    public void OverrideAnalyzer_Analyze_OnHostileRecords_GivesConsistentCounts() =>
        HostileProperty.Run(Gen.ArrayOf(RecordFactories(), 40), HostileProperty.Cases(300), factories =>
        {
            var records = new List<ReviewRecord>();
            foreach (var factory in factories)
            {
                try
                {
                    records.Add(factory());
                }
                catch (ArgumentException)
                {
                    // Invalid records are covered by ReviewRecord_OnHostileFields_ConstructsOrRejects.
                }
            }

            return HostileCall.Check("OverrideAnalyzer.Analyze", () => OverrideAnalyzer.Analyze(records, new OverrideAnalysisOptions { TimeZoneId = "Europe/Berlin" }),
                report => report.ReviewCount == records.Count
                          && (report.Overall?.Trials ?? 0) == records.Count(r => r.Kind == ReviewKind.Routed)
                          && report.ByHour.Sum(h => h.Overrides.Trials) == records.Count(r => r.Kind == ReviewKind.Routed),
                inputIsValid: true);
        });

    [Fact]
    public void IndependentReviewProtocol_OnHostileSteps_FollowsTheProtocolOrRejects() =>
        HostileProperty.Run(
            from caseId in Strings()
            from reviewer in Strings()
            from prediction in Strings()
            from aiConfidence in Scalars()
            from decision in Strings()
            from confidence in Scalars()
            from order in Gen.Choose(0, 3)
            select (caseId, reviewer, prediction, aiConfidence, decision, confidence, order),
            HostileProperty.Cases(500),
            input => HostileCall.Check("IndependentReviewProtocol", () =>
                {
                    var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));
                    var protocol = new IndependentReviewProtocol(new InMemoryReviewLog(), new InMemoryAuditLog(time), time);
                    var session = protocol.Start(input.caseId, input.reviewer, new AiRecommendation(input.prediction, input.aiConfidence));
                    if (input.order == 1)
                    {
                        // Out of order: the AI's view is sealed until the reviewer's own judgment is recorded.
                        session.RevealRecommendation();
                    }

                    session.RecordInitialJudgment(input.decision, input.confidence);
                    var shown = session.RevealRecommendation();
                    return (shown, record: session.CompleteAsync(input.decision, TestContext.Current.CancellationToken).AsTask().GetAwaiter().GetResult());
                },
                r => r.shown.Prediction == input.prediction && r.record.AiPrediction == input.prediction && !r.record.ChangedMind));
}
