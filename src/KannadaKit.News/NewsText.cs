using System.Text;

namespace KannadaKit.News;

/// <summary>Text as comparison sees it (dedup, ROUGE): ZWNJ and ZWJ removed, then NFC.</summary>
internal static class NewsText
{
    /// <summary>
    /// ಆರ್‌ಡಿಎಫ್ and ಆರ್ಡಿಎಫ್ are one word spelt two ways, and the ZWNJ alone decides whether ರ್ಡಿ is one akshara or
    /// two; for comparison they must be the same text.
    /// </summary>
    public static string WithoutJoiners(string text) =>
        text.Replace("\u200C", "", StringComparison.Ordinal).Replace("\u200D", "", StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
}
