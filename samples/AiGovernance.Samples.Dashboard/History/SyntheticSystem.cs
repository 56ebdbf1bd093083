using System.Globalization;
using AiGovernance.Core;
using AiGovernance.Gates.Classification;
using AiGovernance.Monitoring.Data;

namespace AiGovernance.Samples.Dashboard.History;

/// <summary>One of the three synthetic systems: its identity, classification profile, columns and how each drifts over the
/// year.</summary>
public sealed class SyntheticSystem
{
    /// <summary>Rows of the reference (validation) sample.</summary>
    public const int ReferenceRows = 1500;

    /// <summary>Rows of each weekly window.</summary>
    public const int WindowRows = 400;

    /// <summary>Numeric and categorical columns per system.</summary>
    public const int ColumnCount = 30;

    /// <summary>A column name that is an HTML payload: the dashboard must show it as text.</summary>
    public const string HostileColumn = "<script>alert(1)</script>";

    private readonly string[] _numeric;
    private readonly string[] _categorical;
    private readonly Func<string, int, double> _shift;

    private SyntheticSystem(AiSystem system, UseCaseProfile profile, string[] numeric, string[] categorical, Func<string, int, double> shift)
    {
        System = system;
        Profile = profile;
        _numeric = numeric;
        _categorical = categorical;
        _shift = shift;
    }

    /// <summary>The system.</summary>
    public AiSystem System { get; }

    /// <summary>The use-case profile it is classified from.</summary>
    public UseCaseProfile Profile { get; }

    /// <summary>The columns whose distribution the generator shifts at some point of the year.</summary>
    public IReadOnlyList<string> DriftingColumns => [.. _numeric.Concat(_categorical).Where(c => Enumerable.Range(0, 52).Any(w => _shift(c, w) != 0))];

    /// <summary>The three systems: a high-risk credit scorer (in-house, drifting income, debt ratio and the hostile column late in the
    /// year), a medium-risk vendor fraud model (merchant mix shifts mid-year) and a low-risk support-chat triage model (stable).</summary>
    public static IReadOnlyList<SyntheticSystem> All { get; } =
    [
        new(
            new AiSystem("credit-scoring", "Consumer credit scoring", "3.2.0", new AiSystemOwners("maria.keller", "jonas.weber", "sre-lending"), RiskTier.High),
            new UseCaseProfile("Consumer credit scoring")
            {
                HighRiskUseCases = [AnnexIIIUseCase.Creditworthiness], ProfilesNaturalPersons = true, Roles = [Gates.Obligations.OrganisationRole.Provider],
                DeploymentRegions = ["EU"],
            },
            Numeric("income", "debt_ratio", HostileColumn, 24),
            Categorical("employment_type", "region", "housing", "loan_purpose", "channel", "product"),
            static (column, week) => column switch
            {
                "income" when week >= 30 => (week - 29) * 0.06,
                "debt_ratio" when week >= 45 => 1.2,
                HostileColumn when week >= 40 => 0.9,
                _ => 0,
            }),
        new(
            new AiSystem("fraud-detection", "Card fraud detection", "4.1.0", new AiSystemOwners("lena.fischer", "omar.haddad", "sre-payments"), RiskTier.Medium,
                new ThirdPartyProvenance("Acme Risk Ltd", "fraud-score-v4")),
            new UseCaseProfile("Card fraud detection") { DeploymentRegions = ["EU"], InteractsWithNaturalPersons = false },
            Numeric("amount", "velocity_1h", "distance_home_km", 24),
            Categorical("merchant_category", "card_type", "entry_mode", "country", "currency", "terminal"),
            static (column, week) => column switch
            {
                "merchant_category" when week is >= 20 and < 34 => 1,
                "amount" when week >= 38 => 0.35,
                _ => 0,
            }),
        new(
            new AiSystem("support-triage", "Support chat triage", "1.4.0", new AiSystemOwners("nina.berg", "nina.berg", "support-ops"), RiskTier.Low),
            new UseCaseProfile("Support chat triage") { DeploymentRegions = ["EU"], InteractsWithNaturalPersons = true },
            Numeric("message_length", "wait_seconds", "prior_contacts", 24),
            Categorical("language", "topic", "channel", "customer_tier", "device", "hour_band"),
            static (_, _) => 0),
    ];

    /// <summary>The reference sample.</summary>
    public TabularData Reference(int seed) => Generate(seed, ReferenceRows, week: -1);

    /// <summary>The current window of week <paramref name="week"/> (0–51).</summary>
    public TabularData Window(int seed, int week) => Generate(seed + (1000 * (week + 1)), WindowRows, week);

    private TabularData Generate(int seed, int rows, int week)
    {
        // System.Random is fine here: seed data for a demonstration, not a statistic; the tests assert only drift large enough
        // to be found whatever the draws.
        var random = new Random(seed);
        var builder = new TabularDataBuilder();
        foreach (var column in _numeric)
        {
            var shift = week < 0 ? 0 : _shift(column, week);
            var values = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                values[i] = Normal(random) + shift;
            }

            builder.AddNumeric(column, values);
        }

        foreach (var column in _categorical)
        {
            var shift = week < 0 ? 0 : _shift(column, week);
            var values = new string?[rows];
            for (var i = 0; i < rows; i++)
            {
                var u = random.NextDouble();
                var category = shift > 0 && u < 0.45 ? 0 : (int)(u * 5);
                values[i] = "c" + category.ToString(CultureInfo.InvariantCulture);
            }

            builder.AddCategorical(column, values);
        }

        return builder.Build();
    }

    private static double Normal(Random random)
    {
        // Box–Muller: one standard normal draw from two uniforms.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static string[] Numeric(string a, string b, string c, int total) =>
        [a, b, c, .. Enumerable.Range(1, total - 3).Select(i => "feature_" + i.ToString("00", CultureInfo.InvariantCulture))];

    private static string[] Categorical(params string[] names) => names;
}
