using AiGovernance.Monitoring.Data;
using AiGovernance.Statistics;
using static AiGovernance.Statistics.Sampling.RandomVariates;

namespace AiGovernance.Samples.DriftJob.Data;

/// <summary>The embedded default dataset: loan applications with a reference half-year and three monthly production
/// windows, generated deterministically from a seed, with four known drifts injected.</summary>
/// <remarks>
/// <para><b>Injected drift</b> (July is clean; August and September drift):</para>
/// <list type="bullet">
/// <item><c>credit_score</c> — a mean shift: the bureau's new score version reads 30 points lower in August and 50 lower
/// in September (σ ≈ 55).</item>
/// <item><c>application_channel</c> — a new category: <c>mobile_app</c> takes 10% of applications in August and 20% in
/// September.</item>
/// <item><c>employment_years</c> — a rising missing rate: a partner API stops sending it, 2% → 2% → 9% → 18%.</item>
/// <item>The weekly accuracy on labelled outcomes declines slowly (about half a point a week) towards the 0.85 limit: the
/// applicant mix moves towards the decision boundary (a covariate shift), while the model's predicted default
/// probabilities stay calibrated.</item>
/// </list>
/// <para><b>Predicted probabilities.</b> Besides the columns, the dataset carries the model's predicted default
/// probability for 10,000 labelled reference applications and for 2,500 applications in each of the twelve production
/// weeks (ISO weeks 27–38), with their outcomes (<see cref="DriftJobDataset.Scored"/>). Each probability is σ(L) with the
/// applicant's log-odds L ~ N(m, 1.2²) and the outcome is drawn from it, so the model is calibrated by construction; m
/// moves from −2.891 (reference, accuracy 0.915) through −2.846 … −2.220 (weeks 27–38), values solved with SciPy so that
/// the expected accuracy E[max(p, 1 − p)] falls 0.912 − 0.0045·t. The weekly accuracy series is the realised accuracy of
/// those weeks, so label-free estimates and labels tell the same story — the estimates four weeks earlier, because
/// outcomes are known four weeks after the decision.</para>
/// <para><b>Nothing else drifts.</b> Every column draws from its own random stream (a <see cref="SplitMix64RandomSource"/>
/// seeded from the seed, the window and the column; MathNet draws the distributions from it), so injecting drift in one
/// column cannot change another's values; columns derived from a drifted one (the interest rate depends on credit quality)
/// use the undrifted latent value, as a real score-version change would
/// leave the pricing model's inputs alone. Every column is clipped near its 0.5th and 99.5th percentiles (as
/// upstream systems cap such fields), so the reference reaches the bounds and the ingestion schema inferred from it
/// does not flag an undrifted window's rare extreme value. Missing values are placed at exactly the stated rate, so an unchanged
/// missing rate gives a z-test p-value of 1. With 10,000 reference rows the detector compares by distances (normalised
/// Wasserstein, Jensen–Shannon, threshold 0.1). With 4,000-row windows the sampling noise of the normalised Wasserstein
/// distance has a mean of about 0.023 and a standard deviation of about 0.009 (simulated with SciPy for these
/// distributions), so even the largest of the 78 undrifted comparisons stays near 0.06; with 2,000-row windows the
/// largest reached 0.08, too close to the threshold to call reliable. The injected drifts measure 0.17 and above.</para>
/// </remarks>
internal static class SyntheticLoanApplications
{
    /// <summary>The seed of the embedded dataset.</summary>
    /// <remarks>Chosen, on moving from System.Random to SplitMix64, as the first seed from 20,260,401 whose demo tells the whole
    /// story: July clean and exactly the three injected columns drifting in August and September; the realised accuracy
    /// inside the label-free estimate's band every week (no gap alert); and the accuracy trend's response queueing
    /// retraining. 20,260,401 raised a gap alert in week 27 (realised 0.924 above the band) and its trend response stayed Low;
    /// 20,260,402's trend response stayed Low.</remarks>
    public const int DefaultSeed = 20_260_403;

    /// <summary>Rows in the reference period.</summary>
    public const int DefaultReferenceRows = 10_000;

    /// <summary>Rows per production window.</summary>
    public const int DefaultWindowRows = 4_000;

    /// <summary>The retraining limit of the accuracy series.</summary>
    public const double AccuracyThreshold = 0.85;

    /// <summary>The columns drifted on purpose, in the order they are described above.</summary>
    public static IReadOnlyList<string> DriftedColumns { get; } = ["credit_score", "application_channel", "employment_years"];

    /// <summary>The windows in which the injected column drift is present.</summary>
    public static IReadOnlyList<string> DriftedWindows { get; } = ["2026-08", "2026-09"];

    private static readonly string[] WindowNames = ["reference", "2026-07", "2026-08", "2026-09"];
    private static readonly DateTimeOffset[] WindowEnds =
    [
        new(2026, 6, 30, 23, 59, 59, TimeSpan.Zero),
        new(2026, 7, 31, 23, 59, 59, TimeSpan.Zero),
        new(2026, 8, 31, 23, 59, 59, TimeSpan.Zero),
        new(2026, 9, 30, 23, 59, 59, TimeSpan.Zero),
    ];

    // Indexed by window: 0 is the reference period.
    private static readonly double[] CreditScoreShift = [0, 0, -30, -50];
    private static readonly double[] MobileAppShare = [0, 0, 0.10, 0.20];
    private static readonly double[] EmploymentYearsMissing = [0.02, 0.02, 0.09, 0.18];

    private static readonly string[] Regions = ["north", "south", "east", "west", "central"];
    private static readonly double[] RegionShares = [0.22, 0.24, 0.18, 0.21, 0.15];
    private static readonly string[] HomeOwnership = ["rent", "mortgage", "own", "other"];
    private static readonly double[] HomeOwnershipShares = [0.38, 0.42, 0.17, 0.03];
    private static readonly string[] LoanPurposes = ["debt_consolidation", "credit_card", "home_improvement", "car", "medical", "small_business",
        "other"];
    private static readonly double[] LoanPurposeShares = [0.45, 0.20, 0.12, 0.08, 0.05, 0.05, 0.05];
    private static readonly string[] EmploymentTypes = ["salaried", "self_employed", "contract", "retired", "unemployed"];
    private static readonly double[] EmploymentTypeShares = [0.68, 0.14, 0.10, 0.05, 0.03];
    private static readonly string[] Channels = ["web", "branch", "partner", "mobile_app"];
    private static readonly double[] ChannelShares = [0.52, 0.28, 0.20];
    private static readonly string[] Terms = ["36m", "60m"];
    private static readonly double[] TermShares = [0.7, 0.3];

    /// <summary>Generates the dataset.</summary>
    /// <param name="seed">The seed; the same seed gives the same bytes.</param>
    /// <param name="referenceRows">Rows in the reference period.</param>
    /// <param name="windowRows">Rows per production window.</param>
    /// <returns>The reference, the three windows and the weekly accuracy series.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A row count is below 100.</exception>
    public static DriftJobDataset Generate(int seed = DefaultSeed, int referenceRows = DefaultReferenceRows, int windowRows = DefaultWindowRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(referenceRows, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowRows, 100);
        var reference = GenerateWindow(seed, 0, referenceRows);
        var windows = new List<DataWindow>(3);
        for (var w = 1; w <= 3; w++)
        {
            windows.Add(new DataWindow(WindowNames[w], GenerateWindow(seed, w, windowRows), WindowEnds[w]));
        }

        var scored = GenerateScored(seed);
        return new DriftJobDataset(
            $"embedded synthetic loan applications (seed {seed}; reference 2026-01..06, {referenceRows:N0} rows; " +
            $"windows 2026-07, 2026-08, 2026-09, " +
            $"{windowRows:N0} rows each)",
            reference,
            windows,
            AccuracyOf(scored))
        {
            Scored = scored,
        };
    }

    // Log-odds means of the predicted default probability: the reference period, then ISO weeks 27–38 (see the remarks).
    private const double ReferenceLogOddsMean = -2.891;
    private static readonly double[] WeeklyLogOddsMean = [-2.846, -2.780, -2.717, -2.656, -2.597, -2.539, -2.483, -2.428, -2.374, -2.322, -2.270,
        -2.220];
    private const double LogOddsSd = 1.2;
    private const int ScoredReferenceRows = 10_000;
    private const int ScoredWeekRows = 2_500;

    /// <summary>How many weeks after a decision its outcome is known.</summary>
    public const int LabelDelayWeeks = 4;

    private static ScoredPredictions GenerateScored(int seed)
    {
        var (referenceScores, referenceOutcomes) = Scores(Stream(seed, 20, 0), ScoredReferenceRows, ReferenceLogOddsMean);
        var weeks = new List<ScoredWeek>(WeeklyLogOddsMean.Length);
        var firstSunday = new DateTimeOffset(2026, 7, 5, 23, 59, 59, TimeSpan.Zero);
        for (var t = 0; t < WeeklyLogOddsMean.Length; t++)
        {
            var (scores, outcomes) = Scores(Stream(seed, 21 + t, 0), ScoredWeekRows, WeeklyLogOddsMean[t]);
            weeks.Add(new ScoredWeek($"2026-W{27 + t}", firstSunday.AddDays(7 * t), scores, outcomes));
        }

        return new ScoredPredictions(referenceScores, referenceOutcomes, weeks, LabelDelayWeeks, 0.5);
    }

    private static (double[] Scores, bool[] Outcomes) Scores(Random random, int n, double logOddsMean)
    {
        var scores = new double[n];
        var outcomes = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var p = 1 / (1 + Math.Exp(-Normal(random, logOddsMean, LogOddsSd)));
            scores[i] = Math.Round(p, 6);
            outcomes[i] = random.NextDouble() < p;
        }

        return (scores, outcomes);
    }

    // The labelled accuracy of each week: the share of decisions (default predicted when p ≥ 0.5) the outcomes confirmed.
    private static PerformanceSeries AccuracyOf(ScoredPredictions scored)
    {
        var labels = new string[scored.Weeks.Count];
        var values = new double[scored.Weeks.Count];
        for (var t = 0; t < values.Length; t++)
        {
            var week = scored.Weeks[t];
            var correct = 0;
            for (var i = 0; i < week.Scores.Length; i++)
            {
                correct += (week.Scores[i] >= scored.DecisionThreshold) == week.Outcomes[i] ? 1 : 0;
            }

            labels[t] = week.Label;
            values[t] = Math.Round((double)correct / week.Scores.Length, 4);
        }

        return new PerformanceSeries("accuracy", labels, values, AccuracyThreshold, "week");
    }

    private static TabularData GenerateWindow(int seed, int window, int n)
    {
        // Shared latent values give realistic correlations; each comes from its own stream.
        var age = Draw(n, Stream(seed, window, 100), r => Clamp(Math.Round(Normal(r, 41, 11)), 18, 70));
        var quality = Draw(n, Stream(seed, window, 101), r => Normal(r, 0, 1));
        var income = Draw(n, Stream(seed, window, 102), r => Clamp(Math.Round(LogNormal(r, Math.Log(62_000), 0.45) / 100) * 100, 20_000,
            200_000));
        var loan = Draw(n, Stream(seed, window, 103), r => Clamp(Math.Round(LogNormal(r, Math.Log(14_000), 0.55) / 50) * 50, 3_000, 60_000));
        var dti = Draw(n, Stream(seed, window, 104), r => Clamp(Math.Round(Beta(r, 2.5, 6) * 0.8, 3), 0.025, 0.57));
        var termCodes = Codes(n, Stream(seed, window, 105), TermShares);

        var b = TabularData.CreateBuilder();
        b.AddNumeric("age", age);
        b.AddNumeric("annual_income", income);
        var employmentRandom = Stream(seed, window, 1);
        var employmentYears = new double[n];
        for (var i = 0; i < n; i++)
        {
            employmentYears[i] = Math.Round(Math.Min(Math.Min(age[i] - 18, 35), Exponential(employmentRandom, 1 / 7.0)) * 2) / 2;
        }

        b.AddNumeric("employment_years", WithMissing(employmentYears, EmploymentYearsMissing[window], Stream(seed, window, 2)));
        b.AddNumeric("loan_amount", loan);
        var rateRandom = Stream(seed, window, 3);
        var rate = new double[n];
        for (var i = 0; i < n; i++)
        {
            rate[i] = Math.Round(Clamp(11.5 - (2.2 * quality[i]) + Normal(rateRandom, 0, 1.2), 5, 18), 2);
        }

        b.AddNumeric("interest_rate", rate);
        b.AddNumeric("debt_to_income", dti);
        var score = new double[n];
        for (var i = 0; i < n; i++)
        {
            score[i] = Clamp(Math.Round(690 + (55 * quality[i])), 550, 830) + CreditScoreShift[window];
        }

        b.AddNumeric("credit_score", score);
        b.AddNumeric("open_accounts", Draw(n, Stream(seed, window, 4), r => Math.Clamp(Poisson(r, 8), 2, 16)));
        b.AddNumeric("credit_inquiries_6m", Draw(n, Stream(seed, window, 5), r => Math.Min(5, Poisson(r, 1.2))));
        b.AddNumeric("revolving_utilization", Draw(n, Stream(seed, window, 6), r => Clamp(Math.Round(Beta(r, 2, 3.5), 3), 0.025, 0.85)));
        var delinquency = Draw(n, Stream(seed, window, 7), r => DiscreteUniform(r, 1, 120));
        b.AddNumeric("months_since_last_delinquency", WithMissing(delinquency, 0.45, Stream(seed, window, 8)));
        b.AddNumeric("total_credit_limit", Draw(n, Stream(seed, window, 9), r => Clamp(Math.Round(LogNormal(r, Math.Log(30_000),
            0.7) / 100) * 100, 5_000, 180_000)));
        var payment = new double[n];
        for (var i = 0; i < n; i++)
        {
            payment[i] = Clamp(Math.Round(income[i] / 12 * dti[i]), 100, 5_400);
        }

        b.AddNumeric("monthly_debt_payment", payment);
        b.AddNumeric("savings_balance", Draw(n, Stream(seed, window, 10), r => Clamp(Math.Round(LogNormal(r, Math.Log(8_000), 1.1)), 450,
            140_000)));
        b.AddNumeric("dependents", Draw(n, Stream(seed, window, 11), r => Math.Min(4, Poisson(r, 1.1))));
        b.AddNumeric("years_at_address", Draw(n, Stream(seed, window, 12), r => Math.Min(25, Math.Round(Exponential(r, 1 / 5.0) * 2) / 2)));
        var installment = new double[n];
        for (var i = 0; i < n; i++)
        {
            var months = termCodes[i] == 0 ? 36 : 60;
            var monthlyRate = rate[i] / 1200;
            installment[i] = Clamp(Math.Round(loan[i] * monthlyRate / (1 - Math.Pow(1 + monthlyRate, -months)), 2), 95, 1_775);
        }

        b.AddNumeric("installment_amount", installment);
        b.AddNumeric("previous_loans", Draw(n, Stream(seed, window, 13), r => Math.Min(5, Poisson(r, 1.5))));
        b.AddNumeric("late_payments_2y", Draw(n, Stream(seed, window, 14), r => Math.Min(3, Poisson(r, 0.4))));
        var historyRandom = Stream(seed, window, 15);
        var history = new double[n];
        for (var i = 0; i < n; i++)
        {
            history[i] = Math.Round(Math.Max(0, age[i] - 18 - Exponential(historyRandom, 1 / 3.0)), 1);
        }

        b.AddNumeric("credit_history_years", history);

        b.AddCategorical("region", Codes(n, Stream(seed, window, 20), RegionShares), Regions);
        b.AddCategorical("home_ownership", Codes(n, Stream(seed, window, 21), HomeOwnershipShares), HomeOwnership);
        b.AddCategorical("loan_purpose", Codes(n, Stream(seed, window, 22), LoanPurposeShares), LoanPurposes);
        b.AddCategorical("employment_type", Codes(n, Stream(seed, window, 23), EmploymentTypeShares), EmploymentTypes);
        double[] channelShares = [.. ChannelShares.Select(s => s * (1 - MobileAppShare[window])), MobileAppShare[window]];
        b.AddCategorical("application_channel", Codes(n, Stream(seed, window, 24), channelShares), Channels);
        b.AddCategorical("term", termCodes, Terms);
        return b.Build();
    }

    // One stream per (seed, window, column): drift injected in one column cannot shift another column's draws. SplitMix64 fixes
    // each stream's sequence independently of the .NET version (System.Random's seeded sequence is not documented as stable).
    private static SplitMix64RandomSource Stream(int seed, int window, int column) =>
        new(unchecked((((long)seed * 31) + window) * 1_000_003 + column));

    private static double[] Draw(int n, Random random, Func<Random, double> sample)
    {
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = sample(random);
        }

        return values;
    }

    private static int[] Codes(int n, Random random, double[] shares)
    {
        var codes = new int[n];
        for (var i = 0; i < n; i++)
        {
            codes[i] = Categorical(random, shares);
        }

        return codes;
    }

    // Exactly round(rate × n) rows become missing, chosen by a partial Fisher–Yates shuffle.
    private static double[] WithMissing(double[] values, double rate, Random random)
    {
        var n = values.Length;
        var rows = new int[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = i;
        }

        var missing = (int)Math.Round(rate * n);
        for (var i = 0; i < missing; i++)
        {
            var j = random.Next(i, n);
            (rows[i], rows[j]) = (rows[j], rows[i]);
            values[rows[i]] = double.NaN;
        }

        return values;
    }

    private static double Clamp(double value, double min, double max) => Math.Clamp(value, min, max);
}
