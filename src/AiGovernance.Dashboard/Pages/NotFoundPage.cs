using Microsoft.AspNetCore.Http;

namespace AiGovernance.Dashboard.Pages;

/// <summary>Any other path under the dashboard: refused like every page when unauthorized, else 404.</summary>
internal static class NotFoundPage
{
    public static Task<int> RenderAsync(PageContext context, HtmlWriter html, HttpContext http)
    {
        PageLayout.Begin(html, context.Options.Title, "Not found", context.BasePath);
        html.Raw("<h2>Not found</h2><p>The dashboard has no page at <code>").Text(http.Request.Path).Raw("</code>.</p>");
        PageLayout.End(html);
        return Task.FromResult(StatusCodes.Status404NotFound);
    }
}
