using MathNet.Numerics.LinearAlgebra;

namespace AiGovernance.Statistics;

/// <summary>L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares) with a
/// backtracking line search; the intercept is not penalised.</summary>
/// <remarks>Maximises Σ[y·η − ln(1 + e^η)] − (λ/2)‖β‖², η = β₀ + xᵀβ. The objective is strictly concave for λ &gt; 0, so the
/// optimum is unique (also for separable classes) and the fit is deterministic. Each iteration builds the (p + 1)² Hessian
/// in O(n·p²) and solves it by MathNet's Cholesky decomposition; convergence is quadratic, typically 5–10 iterations.</remarks>
internal static class RidgeLogisticRegression
{
    private const int MaxIterations = 100;
    private const double StepTolerance = 1e-9;

    /// <summary>Fits coefficients: index 0 is the intercept, 1..p the features of the row-major <paramref name="features"/>.</summary>
    public static double[] Fit(ReadOnlySpan<double> features, ReadOnlySpan<double> labels, int p, double penalty)
    {
        var n = labels.Length;
        var beta = new double[p + 1];
        var eta = new double[n];
        var objective = Objective(features, labels, beta, eta, p, penalty);
        var gradient = new double[p + 1];
        var hessian = new double[(p + 1) * (p + 1)];
        var weighted = new double[p + 1];
        var row = new double[p + 1];
        var candidate = new double[p + 1];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            Array.Clear(gradient);
            Array.Clear(hessian);
            for (var i = 0; i < n; i++)
            {
                var mu = Sigmoid(eta[i]);
                var w = mu * (1 - mu);
                var residual = labels[i] - mu;
                row[0] = 1;
                features.Slice(i * p, p).CopyTo(row.AsSpan(1));
                RowKernels.AddScaled(gradient, row, residual);
                for (var a = 0; a <= p; a++)
                {
                    if (row[a] != 0)
                    {
                        RowKernels.AddScaled(hessian.AsSpan((a * (p + 1)) + a, p + 1 - a), row.AsSpan(a), w * row[a]);
                    }
                }
            }

            for (var j = 1; j <= p; j++)
            {
                gradient[j] -= penalty * beta[j];
                hessian[(j * (p + 1)) + j] += penalty;
            }

            var matrix = Matrix<double>.Build.Dense(p + 1, p + 1);
            for (var a = 0; a <= p; a++)
            {
                for (var b = a; b <= p; b++)
                {
                    matrix[a, b] = hessian[(a * (p + 1)) + b];
                    matrix[b, a] = hessian[(a * (p + 1)) + b];
                }
            }

            // A tiny ridge on the intercept keeps the system positive definite when every weight underflows.
            matrix[0, 0] += 1e-12;
            var step = matrix.Cholesky().Solve(Vector<double>.Build.Dense(gradient));
            var t = 1.0;

            // Assigned by the line search below; initialised so that a mutation tester can rewrite the loop and still compile
            // (Stryker removes every mutant of a method in which one mutant fails to compile).
            var next = objective;
            while (true)
            {
                for (var j = 0; j <= p; j++)
                {
                    candidate[j] = beta[j] + (t * step[j]);
                }

                next = Objective(features, labels, candidate, eta, p, penalty);
                if (next >= objective - (1e-12 * Math.Abs(objective)) || t < 1e-10)
                {
                    break;
                }

                t /= 2;
            }

            double largest = 0, size = 0;
            for (var j = 0; j <= p; j++)
            {
                largest = Math.Max(largest, Math.Abs(t * step[j]));
                size = Math.Max(size, Math.Abs(candidate[j]));
                beta[j] = candidate[j];
            }

            var previous = objective;
            objective = next;
            if (largest <= StepTolerance * (1 + size) || Math.Abs(objective - previous) <= 1e-14 * Math.Abs(previous))
            {
                break;
            }
        }

        return beta;
    }

    /// <summary>The linear predictor η = β₀ + xᵀβ of one row.</summary>
    public static double Predict(ReadOnlySpan<double> coefficients, ReadOnlySpan<double> row) =>
        coefficients[0] + RowKernels.Dot(coefficients[1..], row);

    /// <summary>The penalised log-likelihood at <paramref name="beta"/>; fills <paramref name="eta"/> with the linear predictors.</summary>
    private static double Objective(ReadOnlySpan<double> features, ReadOnlySpan<double> labels, double[] beta, double[] eta, int p, double penalty)
    {
        double sum = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var e = Predict(beta, features.Slice(i * p, p));
            eta[i] = e;

            // ln(1 + e^η) without overflow.
            var softplus = e > 0 ? e + Math.Log(1 + Math.Exp(-e)) : Math.Log(1 + Math.Exp(e));
            sum += (labels[i] * e) - softplus;
        }

        double squares = 0;
        for (var j = 1; j <= p; j++)
        {
            squares += beta[j] * beta[j];
        }

        return sum - (penalty / 2 * squares);
    }

    private static double Sigmoid(double eta) => eta >= 0 ? 1 / (1 + Math.Exp(-eta)) : Math.Exp(eta) / (1 + Math.Exp(eta));
}
