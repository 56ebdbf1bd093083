using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace AiGovernance.Oversight.Review;

/// <summary>The JSON-lines form of a <see cref="ReviewRecord"/>: one object per line with camel-case names, ISO 8601
/// timestamps, and the derived flags written for readers (ignored on reading, where they are recomputed).</summary>
internal static class ReviewRecordJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = true };

    public static void WriteLine(IBufferWriter<byte> output, ReviewRecord record)
    {
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("caseId", record.CaseId);
            writer.WriteString("reviewerId", record.ReviewerId);
            writer.WriteString("kind", record.Kind == ReviewKind.Audit ? "audit" : "routed");
            writer.WriteString("startedAt", record.StartedAt);
            writer.WriteString("initialJudgmentAt", record.InitialJudgmentAt);
            writer.WriteString("finalDecisionAt", record.FinalDecisionAt);
            writer.WriteString("humanInitialDecision", record.HumanInitialDecision);
            writer.WriteNumber("humanInitialConfidence", record.HumanInitialConfidence);
            writer.WriteString("aiPrediction", record.AiPrediction);
            writer.WriteNumber("aiConfidence", record.AiConfidence);
            writer.WriteString("finalDecision", record.FinalDecision);
            writer.WriteBoolean("disagreement", record.Disagreement);
            writer.WriteBoolean("changedMind", record.ChangedMind);
            writer.WriteBoolean("changedTowardAi", record.ChangedTowardAi);
            writer.WriteBoolean("override", record.IsOverride);
            writer.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    public static ReviewRecord Parse(ReadOnlySpan<byte> line, long lineNumber)
    {
        string? caseId = null, reviewerId = null, kind = null, initial = null, ai = null, final = null;
        DateTimeOffset? startedAt = null, initialAt = null, finalAt = null;
        double? initialConfidence = null, aiConfidence = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ReviewLogFormatException(lineNumber, "the line is not a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "caseId": caseId = reader.GetString(); break;
                    case "reviewerId": reviewerId = reader.GetString(); break;
                    case "kind": kind = reader.GetString(); break;
                    case "startedAt": startedAt = reader.GetDateTimeOffset(); break;
                    case "initialJudgmentAt": initialAt = reader.GetDateTimeOffset(); break;
                    case "finalDecisionAt": finalAt = reader.GetDateTimeOffset(); break;
                    case "humanInitialDecision": initial = reader.GetString(); break;
                    case "humanInitialConfidence": initialConfidence = reader.GetDouble(); break;
                    case "aiPrediction": ai = reader.GetString(); break;
                    case "aiConfidence": aiConfidence = reader.GetDouble(); break;
                    case "finalDecision": final = reader.GetString(); break;
                    default: reader.Skip(); break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw new ReviewLogFormatException(lineNumber, "the JSON object is incomplete.");
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new ReviewLogFormatException(lineNumber, "the line is not valid JSON: " + ex.Message, ex);
        }

        var reviewKind = kind switch
        {
            "routed" => ReviewKind.Routed,
            "audit" => ReviewKind.Audit,
            null => throw Missing(lineNumber, "kind"),
            _ => throw new ReviewLogFormatException(lineNumber, $"unknown review kind '{kind}'."),
        };

        try
        {
            return new ReviewRecord(
                caseId ?? throw Missing(lineNumber, "caseId"),
                reviewerId ?? throw Missing(lineNumber, "reviewerId"),
                reviewKind,
                startedAt ?? throw Missing(lineNumber, "startedAt"),
                initialAt ?? throw Missing(lineNumber, "initialJudgmentAt"),
                finalAt ?? throw Missing(lineNumber, "finalDecisionAt"),
                initial ?? throw Missing(lineNumber, "humanInitialDecision"),
                initialConfidence ?? throw Missing(lineNumber, "humanInitialConfidence"),
                ai ?? throw Missing(lineNumber, "aiPrediction"),
                aiConfidence ?? throw Missing(lineNumber, "aiConfidence"),
                final ?? throw Missing(lineNumber, "finalDecision"));
        }
        catch (ArgumentException ex)
        {
            throw new ReviewLogFormatException(lineNumber,
                string.Create(CultureInfo.InvariantCulture, $"the record is invalid ({ex.ParamName}): {ex.Message}"), ex);
        }
    }

    private static ReviewLogFormatException Missing(long lineNumber, string field) =>
        new(lineNumber, $"the required field '{field}' is missing.");
}
