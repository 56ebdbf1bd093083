using AiGovernance.Core;
using AiGovernance.Monitoring.Data;
using AiGovernance.Monitoring.Drift;
using AiGovernance.Monitoring.Validation;
using AiGovernance.Statistics;

namespace AiGovernance.Monitoring.Tests.Validation;

public class DataSchemaTests
{
    private static readonly DataSchema Schema = new()
    {
        Columns =
        [
            new ColumnSchema { Name = "age", Kind = ColumnKind.Numeric, Minimum = 18, Maximum = 100, MaxMissingRate = 0.1 },
            new ColumnSchema { Name = "region", Kind = ColumnKind.Categorical, AllowedCategories = ["north", "south"], MaxUnseenCategoryRate = 0.2 },
            new ColumnSchema { Name = "score", Kind = ColumnKind.Numeric },
            new ColumnSchema { Name = "optional", Kind = ColumnKind.Numeric, Required = false },
        ],
    };

    private static TabularData Data(double[] age, string?[] region, double[]? score = null, Action<TabularDataBuilder>? more = null)
    {
        var builder = TabularData.CreateBuilder().AddNumeric("age", age).AddCategorical("region", region);
        if (score is not null)
        {
            builder.AddNumeric("score", score);
        }

        more?.Invoke(builder);
        return builder.Build();
    }

    private static readonly double[] GoodAge = [20, 30, 40, 50, 60];
    private static readonly string?[] GoodRegion = ["north", "south", "north", "south", "north"];
    private static readonly double[] GoodScore = [0.1, 0.2, 0.3, 0.4, 0.5];

    [Fact]
    public void Find_AmongFortyThousandColumns_ReturnsEachByName_AndNullForAnUnknownName()
    {
        // #21 defect 8: lookups are indexed (they were linear, making a 40,000-column run quadratic).
        var schema = new DataSchema { Columns = [.. Enumerable.Range(0, 40_000).Select(i => new ColumnSchema { Name = $"c{i}" })] };

        Assert.All(new[] { 0, 1, 20_000, 39_999 }, i => Assert.Same(schema.Columns[i], schema.Find($"c{i}")));
        Assert.Null(schema.Find("c40000"));
    }

    [Fact]
    public void Find_AfterAWithExpressionReplacedTheColumns_SeesTheNewColumns()
    {
        var schema = new DataSchema { Columns = [.. Enumerable.Range(0, 100).Select(i => new ColumnSchema { Name = $"c{i}" })] };
        Assert.NotNull(schema.Find("c5"));

        var edited = schema.WithColumn("c5", c => c with { Required = false });

        Assert.False(edited.Find("c5")!.Required);
        Assert.True(schema.Find("c5")!.Required);
    }

    [Fact]
    public void Find_WithTwoColumnsOfOneName_ReturnsTheFirst_AsALinearSearchWould()
    {
        var first = new ColumnSchema { Name = "dup", Required = true };
        var columns = Enumerable.Range(0, 20).Select(i => new ColumnSchema { Name = $"c{i}" }).Append(first).Append(new ColumnSchema { Name = "dup", Required = false });
        var schema = new DataSchema { Columns = [.. columns] };

        Assert.Same(first, schema.Find("dup"));
    }

    [Fact]
    public void Find_OnAListGrownAfterItWasIndexed_FindsTheAddedColumn()
    {
        var columns = Enumerable.Range(0, 20).Select(i => new ColumnSchema { Name = $"c{i}" }).ToList();
        var schema = new DataSchema { Columns = columns };
        Assert.Null(schema.Find("late"));

        columns.Add(new ColumnSchema { Name = "late" });

        Assert.NotNull(schema.Find("late"));
    }

    [Fact]
    public void Validate_ConformingData_IsValid()
    {
        var report = Schema.Validate(Data(GoodAge, GoodRegion, GoodScore));
        Assert.True(report.IsValid);
        Assert.Equal(5, report.RowCount);
    }

    [Fact]
    public void Validate_MissingRequiredColumn_ReportsRequired()
    {
        var violation = Assert.Single(Schema.Validate(Data(GoodAge, GoodRegion)).Violations);
        Assert.Equal(("score", SchemaRule.Required), (violation.Column, violation.Rule));
    }

    [Fact]
    public void Validate_WrongKind_ReportsKind()
    {
        var data = TabularData.CreateBuilder().AddNumeric("age", GoodAge).AddCategorical("region", GoodRegion)
            .AddCategorical("score", new string?[] { "a", "b", "c", "d", "e" }).Build();
        var violation = Assert.Single(Schema.Validate(data).Violations);
        Assert.Equal(SchemaRule.Kind, violation.Rule);
        Assert.Equal("score", violation.Column);
    }

    [Fact]
    public void Validate_BelowMinimumAndAboveMaximum_ReportsBothWithExtremes()
    {
        var report = Schema.Validate(Data([17, 30, 40, 101, 150], GoodRegion, GoodScore));
        Assert.Equal(2, report.Violations.Count);
        Assert.Equal(new SchemaViolation("age", SchemaRule.Minimum, 17, 18, report.Violations[0].Message), report.Violations[0]);
        Assert.Equal(new SchemaViolation("age", SchemaRule.Maximum, 150, 100, report.Violations[1].Message), report.Violations[1]);
        Assert.Contains("2 value(s) above", report.Violations[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingRateAboveLimit_ReportsRate()
    {
        var violation = Assert.Single(Schema.Validate(Data([20, double.NaN, 40, 50, 60], GoodRegion, GoodScore)).Violations);
        Assert.Equal(SchemaRule.MissingRate, violation.Rule);
        Assert.Equal(0.2, violation.Observed, 12);
        Assert.Equal(0.1, violation.Limit);
    }

    [Fact]
    public void Validate_AllMissing_ReportsAllMissingOnly()
    {
        var nan = double.NaN;
        var violation = Assert.Single(Schema.Validate(Data(GoodAge, GoodRegion, [nan, nan, nan, nan, nan])).Violations);
        Assert.Equal(("score", SchemaRule.AllMissing), (violation.Column, violation.Rule));
    }

    [Fact]
    public void Validate_UnseenCategoriesAboveRate_ListsThem()
    {
        var violation = Assert.Single(Schema.Validate(Data(GoodAge, ["north", "east", "west", "south", null], GoodScore)).Violations);
        Assert.Equal(SchemaRule.UnseenCategoryRate, violation.Rule);
        Assert.Equal(0.5, violation.Observed, 12); // 2 of 4 present values
        Assert.Equal(0.2, violation.Limit);
        Assert.Contains("'east', 'west'", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnseenCategoriesWithinRate_IsValid()
    {
        var region = Enumerable.Repeat<string?>("north", 9).Append("east").ToArray();
        var data = Data(Enumerable.Repeat(30.0, 10).ToArray(), region, Enumerable.Repeat(0.5, 10).ToArray());
        Assert.True(Schema.Validate(data).IsValid);
    }

    [Fact]
    public void Validate_UnexpectedColumn_Reported_UnlessAllowed()
    {
        var data = Data(GoodAge, GoodRegion, GoodScore, b => b.AddNumeric("extra", GoodScore));
        var violation = Assert.Single(Schema.Validate(data).Violations);
        Assert.Equal(("extra", SchemaRule.UnexpectedColumn), (violation.Column, violation.Rule));
        Assert.True((Schema with { AllowUnexpectedColumns = true }).Validate(data).IsValid);
    }

    [Fact]
    public void Validate_EmptyData_ReportsEmpty()
    {
        var report = Schema.Validate(Data([], [], []));
        Assert.Equal(SchemaRule.EmptyData, Assert.Single(report.Violations).Rule);
    }

    [Fact]
    public void Validate_EveryViolationListed_NoneDropped()
    {
        var data = TabularData.CreateBuilder()
            .AddNumeric("age", new[] { 5, double.NaN, 200 })
            .AddCategorical("region", new string?[] { "mars", "venus", "north" })
            .AddNumeric("unknown", new double[] { 1, 2, 3 })
            .Build();
        var rules = Schema.Validate(data).Violations.Select(v => v.Rule).ToArray();
        Assert.Equal([SchemaRule.MissingRate, SchemaRule.Minimum, SchemaRule.Maximum, SchemaRule.UnseenCategoryRate, SchemaRule.Required, SchemaRule.UnexpectedColumn], rules);
    }

    [Fact]
    public void EnsureValid_BadData_ThrowsDataQualityExceptionCarryingReport()
    {
        var ex = Assert.Throws<DataQualityException>(() => Schema.EnsureValid(Data([17, 30, 40, 50, 60], GoodRegion, GoodScore)));
        Assert.IsAssignableFrom<AiGovernanceException>(ex);
        Assert.Equal(SchemaRule.Minimum, Assert.Single(ex.Report.Violations).Rule);
        Assert.Contains("1 violation", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureValid_GoodData_ReturnsReport() =>
        Assert.True(Schema.EnsureValid(Data(GoodAge, GoodRegion, GoodScore)).IsValid);

    [Fact]
    public void Validate_InconsistentSchema_Throws()
    {
        var bad = new DataSchema { Columns = [new ColumnSchema { Name = "a", Minimum = 2, Maximum = 1 }] };
        Assert.Throws<InvalidOperationException>(() => bad.Validate(Data(GoodAge, GoodRegion)));
        var dup = new DataSchema { Columns = [new ColumnSchema { Name = "a" }, new ColumnSchema { Name = "a" }] };
        Assert.Throws<InvalidOperationException>(() => dup.Validate(Data(GoodAge, GoodRegion)));
    }

    [Fact]
    public void Infer_FromReference_DerivesLimits_ThenEditable()
    {
        var reference = TabularData.CreateBuilder()
            .AddNumeric("x", new[] { 0, 10, double.NaN, 5 })
            .AddCategorical("c", new string?[] { "b", "a", "a", "b" })
            .Build();

        var schema = DataSchema.Infer(reference);

        var x = schema.Find("x")!;
        Assert.Equal(ColumnKind.Numeric, x.Kind);
        Assert.Equal(-1, x.Minimum!.Value, 12);
        Assert.Equal(11, x.Maximum!.Value, 12);
        Assert.Equal(0.30, x.MaxMissingRate!.Value, 12);
        var c = schema.Find("c")!;
        Assert.Equal(["a", "b"], c.AllowedCategories);
        Assert.Equal(0.01, c.MaxUnseenCategoryRate);
        Assert.True(schema.Validate(reference).IsValid);

        var edited = schema.WithColumn("x", col => col with { Maximum = 8 });
        Assert.Equal(SchemaRule.Maximum, Assert.Single(edited.Validate(reference).Violations).Rule);
        Assert.Equal(11, schema.Find("x")!.Maximum);
    }

    [Fact]
    public void Infer_EmptyReference_NamesArgument()
    {
        var empty = TabularData.CreateBuilder().AddNumeric("x", Array.Empty<double>()).Build();
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => DataSchema.Infer(empty)).ParamName);
    }

    [Fact]
    public void Report_JsonRoundTrip_PreservesViolations()
    {
        var report = Schema.Validate(Data([17, double.NaN, 40, 101, 60], ["north", "east", "west", "south", null]));
        var back = ValidationReport.FromJson(report.ToJson());
        Assert.Equal(report.RowCount, back.RowCount);
        Assert.Equal(report.Violations, back.Violations);
        Assert.Contains("\"rule\": \"Minimum\"", report.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_JsonRoundTrip_ValidatesTheSame()
    {
        var back = DataSchema.FromJson(Schema.ToJson());
        var data = Data([17, 30, 40, 101, 150], ["north", "east", "west", "south", null], GoodScore);
        Assert.Equal(Schema.Validate(data).Violations, back.Validate(data).Violations);
    }

    [Fact]
    public void Report_Markdown_HasOneRowPerViolation()
    {
        var markdown = Schema.Validate(Data([17, 30, 40, 101, 60], GoodRegion, GoodScore)).ToMarkdown();
        Assert.Contains("**INVALID** (2 violation(s))", markdown, StringComparison.Ordinal);
        Assert.Contains("| age | Minimum | 17 | 18 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| age | Maximum | 101 | 100 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TenMegabyteUnseenLabel_IsQuotedBoundedWithItsLength()
    {
        var huge = new string('q', 10 * 1024 * 1024);

        var report = Schema.Validate(Data(GoodAge, ["north", huge, huge, "south", "north"], GoodScore));

        var violation = Assert.Single(report.Violations, v => v.Rule == SchemaRule.UnseenCategoryRate);
        Assert.True(violation.Message.Length < 500, $"{violation.Message.Length} characters");
        Assert.Contains("…(10485760 characters)", violation.Message, StringComparison.Ordinal);
        Assert.True(report.ToMarkdown().Length < 5_000);
    }

    [Fact]
    public void Validate_LabelAndColumnNameWithTerminalEscapes_AreShownAsEscapes()
    {
        const string name = "x\u001b]0;pwned\u0007\nforged";
        var schema = new DataSchema { Columns = [new ColumnSchema { Name = name, Kind = ColumnKind.Categorical, AllowedCategories = ["a"] }] };
        var data = TabularData.CreateBuilder().AddCategorical(name, ["a", "\u001b[2J"]).Build();

        var report = schema.Validate(data);

        var text = string.Join("\n", report.Violations.Select(v => v.Message)) + report.ToMarkdown().Replace("\n", "", StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.Contains("x\\u001b]0;pwned\\u0007\\u000aforged", text, StringComparison.Ordinal);
        Assert.Contains("\\u001b[2J", text, StringComparison.Ordinal);
    }
}

public class DataSchemaDistributionTests
{
    private static TabularData Data(double mean, int seed) => TabularData.CreateBuilder()
        .AddNumeric("x", Synthetic.Normal(500, mean, 1, seed))
        .AddCategorical("c", Synthetic.Categories(500, ["a", "b"], [0.5, 0.5], seed + 1))
        .Build();

    private static readonly DataSchema Schema = DataSchema.Infer(Data(0, 1), new SchemaInferenceOptions { MaxPsi = 0.2, MinKolmogorovSmirnovPValue = 0.01, RangeMargin = 10 });

    [Fact]
    public void Infer_WithDistributionLimits_KeepsAFittedReference()
    {
        Assert.NotNull(Schema.Reference);
        Assert.Equal(0.2, Schema.Find("x")!.MaxPsi);
        Assert.Equal(0.01, Schema.Find("x")!.MinKolmogorovSmirnovPValue);
        Assert.Null(Schema.Find("c")!.MinKolmogorovSmirnovPValue);
    }

    [Fact]
    public void Infer_WithAFittedReference_UsesItInsteadOfFittingAgain()
    {
        var data = Data(0, 1);
        var fitted = DriftReference.Fit(data);

        var schema = DataSchema.Infer(data, new SchemaInferenceOptions { MaxPsi = 0.2 }, fitted);

        Assert.Same(fitted, schema.Reference);
    }

    [Fact]
    public void Infer_WithAReferenceFittedOnOtherData_IsRefused_NamingFitted()
    {
        var fitted = DriftReference.Fit(TabularData.CreateBuilder().AddNumeric("x", new double[] { 1, 2, 3 }).Build());

        var refused = Assert.Throws<ArgumentException>(() => DataSchema.Infer(Data(0, 1), fitted: fitted));

        Assert.Equal("fitted", refused.ParamName);
    }

    [Fact]
    public async Task ValidateAsync_CancelledToken_StopsWithOperationCanceled() =>
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Schema.ValidateAsync(Data(0, 50), new CancellationToken(canceled: true)));

    [Fact]
    public async Task ValidateAsync_GivesTheSameReportAsValidate()
    {
        var data = Data(1, 60);

        var parallel = await Schema.ValidateAsync(data, TestContext.Current.CancellationToken);

        Assert.Equal(Schema.Validate(data).ToJson(), parallel.ToJson());
        Assert.Equal(2, parallel.Violations.Count);
    }

    [Fact]
    public void Validate_SameDistribution_NoDistributionViolation() =>
        Assert.True(Schema.Validate(Data(0, 50)).IsValid);

    [Fact]
    public void Validate_ShiftedDistribution_ReportsPsiAndKs()
    {
        var report = Schema.Validate(Data(1, 60));
        var psi = Assert.Single(report.Violations, v => v.Rule == SchemaRule.PopulationStabilityIndex);
        Assert.True(psi.Observed > 0.2);
        var ks = Assert.Single(report.Violations, v => v.Rule == SchemaRule.KolmogorovSmirnovPValue);
        Assert.True(ks.Observed < 1e-10);
        Assert.Equal(0.01, ks.Limit);
    }

    [Fact]
    public void Validate_DistributionRuleWithoutReference_Throws()
    {
        var schema = Schema with { Reference = null };
        Assert.Throws<InvalidOperationException>(() => schema.Validate(Data(0, 2)));
    }

    [Fact]
    public void Schema_WithReference_JsonRoundTrip_ValidatesTheSame()
    {
        var back = DataSchema.FromJson(Schema.ToJson());
        var data = Data(1, 70);
        Assert.Equal(Schema.Validate(data).Violations, back.Validate(data).Violations);
    }
}
