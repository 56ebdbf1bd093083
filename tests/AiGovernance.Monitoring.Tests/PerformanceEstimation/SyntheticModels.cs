namespace AiGovernance.Monitoring.Tests.PerformanceEstimation;

/// <summary>Seeded synthetic classifiers and regressors with known truth, for checking label-free estimation by
/// simulation (there is no NannyML to compare with).</summary>
internal static class SyntheticModels
{
    /// <summary>The true log-odds of the default classifier's world: P(y = 1 | x) = σ(−1 + 2.5·x).</summary>
    public static double TrueLogOdds(double x) => -1 + (2.5 * x);

    public static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    public static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Draws n examples with x ~ N(mean, sd): the model's score is <paramref name="score"/>(x) and the label is
    /// drawn from <paramref name="logOdds"/>(x) (the truth, which under concept shift differs from what the score assumes).</summary>
    public static (double[] Scores, bool[] Labels) Classifier(
        Random random, int n, double mean, double sd, Func<double, double> score, Func<double, double> logOdds)
    {
        var scores = new double[n];
        var labels = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var x = mean + (sd * Gaussian(random));
            scores[i] = score(x);
            labels[i] = random.NextDouble() < Sigmoid(logOdds(x));
        }

        return (scores, labels);
    }

    /// <summary>A perfectly calibrated classifier: its score is the true probability.</summary>
    public static (double[] Scores, bool[] Labels) Calibrated(Random random, int n, double mean, double sd) =>
        Classifier(random, n, mean, sd, x => Sigmoid(TrueLogOdds(x)), TrueLogOdds);
}

/// <summary>A synthetic regression world for direct loss estimation: y = sin(x) + 0.5·[group b] + ε with heteroscedastic
/// noise sd = 0.3 + 0.4·|x| + 0.3·[group c]; the model predicts sin(x) + 0.5·[group b] + 0.2·x, so its error also has a
/// bias that grows with x.</summary>
internal static class SyntheticRegression
{
    public static readonly string[] Groups = ["a", "b", "c"];

    public static (AiGovernance.Monitoring.Data.TabularData Features, double[] Predictions, double[] Actuals) Draw(
        Random random, int n, double mean, double sd, double[] groupShares, double noiseScale = 1)
    {
        var x = new double[n];
        var groups = new string?[n];
        var predictions = new double[n];
        var actuals = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = mean + (sd * SyntheticModels.Gaussian(random));
            var u = random.NextDouble();
            var g = u < groupShares[0] ? 0 : u < groupShares[0] + groupShares[1] ? 1 : 2;
            groups[i] = Groups[g];
            var signal = Math.Sin(x[i]) + (g == 1 ? 0.5 : 0);
            var noise = noiseScale * (0.3 + (0.4 * Math.Abs(x[i])) + (g == 2 ? 0.3 : 0));
            actuals[i] = signal + (noise * SyntheticModels.Gaussian(random));
            predictions[i] = signal + (0.2 * x[i]);
        }

        var b = AiGovernance.Monitoring.Data.TabularData.CreateBuilder();
        b.AddNumeric("x", x);
        b.AddCategorical("group", groups);
        return (b.Build(), predictions, actuals);
    }
}
