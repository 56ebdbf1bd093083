using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiGovernance.Shared;

namespace AiGovernance.Notifications.Webhooks;

/// <summary>The JSON-lines file of notifications that could not be delivered: one whole line per notification or nothing
/// (a failed write is cut back), appended under a lock and flushed to disk. A line holds the notification as generic JSON,
/// the format, the attempts and the last failure (an HTTP status or an exception type) — never the webhook URL.</summary>
internal sealed class DeadLetterLog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly string _path;
    private JsonLinesAppendFile? _file;

    public DeadLetterLog(string path) => _path = Path.GetFullPath(path);

    public string FilePath => _path;

    public void Append(GovernanceNotification notification, WebhookFormat format, int attempts, string failure, DateTimeOffset at, int maxText)
    {
        var line = new JsonObject
        {
            ["deadLetteredAt"] = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["format"] = NotificationsTelemetry.Name(format),
            ["attempts"] = attempts,
            ["failure"] = failure,
            ["notification"] = WebhookPayload.Json(notification, maxText),
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        lock (_gate)
        {
            _file ??= Open();
            _file.Append(bytes, flushToDisk: true);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }

    private JsonLinesAppendFile Open()
    {
        var file = JsonLinesAppendFile.Open(_path, "notifications dead-letter log");
        try
        {
            // A torn last line from a crash is cut off, so the next line starts on its own.
            file.TruncateTo(JsonLinesReader.LengthOfCompleteLines(file.Stream));
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
