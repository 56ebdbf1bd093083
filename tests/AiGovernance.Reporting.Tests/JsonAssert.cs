using System.Text.Json;

namespace AiGovernance.Reporting.Tests;

internal static class JsonAssert
{
    /// <summary>No value anywhere in the document is the string "NaN", "Infinity" or "-Infinity" (prose may mention NaN).</summary>
    public static void NoNonFiniteStrings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    NoNonFiniteStrings(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    NoNonFiniteStrings(item);
                }

                break;
            case JsonValueKind.String:
                Assert.DoesNotContain(element.GetString(), new[] { "NaN", "Infinity", "-Infinity" });
                break;
        }
    }
}
