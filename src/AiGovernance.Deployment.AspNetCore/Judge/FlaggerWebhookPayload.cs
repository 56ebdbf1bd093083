namespace AiGovernance.Deployment.AspNetCore.Judge;

/// <summary>The JSON Flagger POSTs to every webhook (https://docs.flagger.app/usage/webhooks):
/// <c>{"name":"podinfo","namespace":"test","phase":"Progressing","checksum":"85d557f47b","metadata":{"k":"v"}}</c>.</summary>
internal sealed record FlaggerWebhookPayload(
    string? Name,
    string? Namespace,
    string? Phase,
    string? Checksum,
    Dictionary<string, string>? Metadata);
