using KannadaKit.Text.Normalization;

namespace KannadaKit.Cli.Terminal;

/// <summary>Prints a change report as a short table for people (the JSON form is for programs).</summary>
internal static class ReportSummary
{
    public static void Write(ChangeReport report, NormalizerOptions options, TextWriter err)
    {
        err.WriteLine($"profile {NormalizationRules.NameOf(options.Profile)}: {report.LinesChanged:N0} of {report.Lines:N0} lines changed");
        if (!report.Rules.Any())
        {
            return;
        }

        err.WriteLine($"  {"rule",-22} {"lines",8} {"changes",8}  first example (line: before → after)");
        foreach (var s in report.Rules.OrderByDescending(r => r.Lines))
        {
            var e = s.Examples.Count > 0 ? s.Examples[0] : null;
            string example = e is null ? "" : $"{e.Line}: {Visible(e.Before)} → {Visible(e.After)}";
            err.WriteLine($"  {s.Rule,-22} {s.Lines,8:N0} {s.Changes,8:N0}  {example}");
        }
    }

    /// <summary>Shows invisible characters by name so the change can be seen.</summary>
    private static string Visible(string s) => s
        .Replace("\u200C", "<ZWNJ>", StringComparison.Ordinal).Replace("\u200D", "<ZWJ>", StringComparison.Ordinal)
        .Replace("\u200B", "<ZWSP>", StringComparison.Ordinal).Replace("\u00A0", "<NBSP>", StringComparison.Ordinal)
        .Replace("\uFEFF", "<BOM>", StringComparison.Ordinal).Replace("\u00AD", "<SHY>", StringComparison.Ordinal)
        .Replace("\t", "<TAB>", StringComparison.Ordinal).Replace("\r", "<CR>", StringComparison.Ordinal);
}
