using System.Globalization;
using System.Text;
using System.Text.Json;
using AiGovernance.Shared;

namespace AiGovernance.Gates.Milestones;

/// <summary>Both kinds of milestone with their status, for reporting to stakeholders.</summary>
/// <param name="GeneratedAt">When the plan was produced.</param>
/// <param name="Items">The milestones, fixed ones by due date first, then adaptive ones in the order they were added.</param>
public sealed record MilestonePlan(DateTimeOffset GeneratedAt, IReadOnlyList<MilestonePlanItem> Items)
{
    /// <summary>Renders the plan as a Markdown table.</summary>
    /// <returns>Markdown text.</returns>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Milestone plan ({GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC)\n\n");
        MarkdownTable.Header(sb, "kind", "milestone", "status", "due", "attempts", "detail");
        foreach (var item in Items)
        {
            var due = item.DueAt is { } d ? InvariantFormat.Date(d) : "—";
            var attempts = item.Kind == MilestoneKind.Adaptive ? InvariantFormat.Count(item.Attempts) : "—";
            MarkdownTable.Row(sb, item.Kind.ToString().ToLowerInvariant(), $"{item.Title} (`{item.Id}`)", item.Status.ToString(), due, attempts,
                item.Detail);
        }

        return sb.ToString();
    }

    /// <summary>Serialises the plan as JSON.</summary>
    /// <returns>Indented JSON with camel-case names.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("generatedAt", GeneratedAt);
            writer.WriteStartArray("items");
            foreach (var item in Items)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", item.Kind.ToString());
                writer.WriteString("id", item.Id);
                writer.WriteString("title", item.Title);
                writer.WriteString("status", item.Status.ToString());
                if (item.DueAt is { } due)
                {
                    writer.WriteString("dueAt", due);
                }
                else
                {
                    writer.WriteNull("dueAt");
                }

                writer.WriteNumber("attempts", item.Attempts);
                writer.WriteString("detail", item.Detail);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
