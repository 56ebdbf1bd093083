using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AiGovernance.Reporting.Tests;

/// <summary>What every rendered report must be: one HTML file with no script, no external reference and no <c>url(</c>.</summary>
internal static class SelfContainedHtml
{
    public static IDocument Parse(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("script, link, iframe, img, object, embed"));
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        return document;
    }
}
