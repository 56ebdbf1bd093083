using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AiGovernance.Dashboard.Tests;

internal static class Html
{
    public static async Task<(HttpResponseMessage Response, IDocument Document, string Text)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, new HtmlParser().ParseDocument(text), text);
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : string.Empty;
}
