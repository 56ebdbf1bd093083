namespace AiGovernance.Reporting.Json;

/// <summary>Collects, while a document is built, the properties that are undefined and why, for the object's
/// <c>nullReasons</c>. Property names are the JSON names (camelCase).</summary>
internal sealed class NullReasons
{
    private Dictionary<string, string>? _reasons;

    /// <summary>The collected reasons, or <see langword="null"/> when every value is defined (the property is then omitted).</summary>
    public IReadOnlyDictionary<string, string>? Result => _reasons;

    /// <summary><paramref name="value"/> when finite; otherwise <see langword="null"/>, recording <paramref name="reason"/> (and,
    /// for an infinity, which one).</summary>
    public double? Value(double value, string property, string reason)
    {
        if (double.IsFinite(value))
        {
            return value;
        }

        Add(property, double.IsNaN(value) ? reason : reason + (value > 0 ? " (+∞)" : " (−∞)"));
        return null;
    }

    /// <summary><paramref name="value"/> when it has a value, otherwise <see langword="null"/> with the reason.</summary>
    public double? Value(double? value, string property, string reason) => value is { } v ? Value(v, property, reason) : Missing(property, reason);

    /// <summary>Records that <paramref name="property"/> is undefined.</summary>
    public double? Missing(string property, string reason)
    {
        Add(property, reason);
        return null;
    }

    public void Add(string property, string reason)
    {
        _reasons ??= new Dictionary<string, string>(StringComparer.Ordinal);
        _reasons.TryAdd(property, reason);
    }
}
