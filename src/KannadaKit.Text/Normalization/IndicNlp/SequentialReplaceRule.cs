using System.Text;

namespace KannadaKit.Text.Normalization.IndicNlp;

/// <summary>
/// Base for rules that mirror a list of Python <c>str.replace</c> calls applied one after another, which is how
/// indic_nlp_library writes its normalizer; the order matters (<c>’’</c> becomes <c>''</c> and then <c>"</c>).
/// </summary>
internal abstract class SequentialReplaceRule : NormalizationRule
{
    private readonly (string From, string To)[] _steps;

    protected SequentialReplaceRule((string From, string To)[] steps) => _steps = steps;

    public override void DeclareTriggers(TriggerSet triggers)
    {
        foreach (var (from, _) in _steps)
        {
            triggers.Add(from[0]);
        }
    }

    public override void Apply(ref TextRewriter output)
    {
        var source = output.Source;
        string text = source.ToString();
        foreach (var (from, to) in _steps)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        if (!source.SequenceEqual(text))
        {
            // One edit for the whole line: these steps can overlap, so finer offsets would be a guess.
            int prefix = source.CommonPrefixLength(text);
            int suffix = CommonSuffix(source[prefix..], text.AsSpan(prefix));
            output.Replace(prefix, source.Length - prefix - suffix, text.AsSpan(prefix, text.Length - prefix - suffix));
        }
    }

    private static int CommonSuffix(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int n = 0;
        while (n < a.Length && n < b.Length && a[a.Length - 1 - n] == b[b.Length - 1 - n])
        {
            n++;
        }

        return n;
    }

    /// <summary>Renders a step list for descriptions.</summary>
    protected static string Describe((string From, string To)[] steps)
    {
        var sb = new StringBuilder();
        foreach (var (from, to) in steps)
        {
            if (sb.Length > 0)
            {
                sb.Append("; ");
            }

            sb.Append(Escape(from)).Append(" → ").Append(to.Length == 0 ? "(deleted)" : Escape(to));
        }

        return sb.ToString();
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c < 0x80 && c > ' ' ? c.ToString() : $"U+{(int)c:X4}"));
}
