using System.Text.Json;

namespace KannadaKit.Text.Normalization;

/// <summary>
/// Per-rule account of what a normalizer changed: counts, lines and the first few examples per rule.
/// Every changed line is attributed to at least one rule, because text only changes through rules.
/// </summary>
/// <remarks>
/// Not thread-safe: give each worker its own report (with its starting line) and <see cref="Merge"/> them in input order.
/// </remarks>
public sealed class ChangeReport
{
    private readonly Dictionary<string, RuleChangeStats> _rules = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Creates a report whose first line is <paramref name="firstLine"/> (1-based).</summary>
    public ChangeReport(int maxExamplesPerRule = 5, long firstLine = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxExamplesPerRule);
        MaxExamplesPerRule = maxExamplesPerRule;
        NextLine = firstLine;
    }

    /// <summary>How many examples each rule keeps.</summary>
    public int MaxExamplesPerRule { get; }

    /// <summary>Line number the next recorded line gets.</summary>
    public long NextLine { get; private set; }

    /// <summary>Lines seen.</summary>
    public long Lines { get; private set; }

    /// <summary>Lines that changed.</summary>
    public long LinesChanged { get; private set; }

    /// <summary>Chars in (UTF-16 code units, line feeds included).</summary>
    public long CharsIn { get; private set; }

    /// <summary>Chars out.</summary>
    public long CharsOut { get; private set; }

    /// <summary>Statistics of each rule that changed something, in the order rules first fired.</summary>
    public IEnumerable<RuleChangeStats> Rules => _order.Select(n => _rules[n]);

    /// <summary>Statistics for one rule, or null when it changed nothing.</summary>
    public RuleChangeStats? this[string rule] => _rules.GetValueOrDefault(rule);

    /// <summary>Counts one line (or record) that went through without a rule firing, or with the given outcome.</summary>
    public void AddLine(int charsIn, int charsOut, bool changed)
    {
        Lines++;
        NextLine++;
        CharsIn += charsIn;
        CharsOut += charsOut;
        if (changed)
        {
            LinesChanged++;
        }
    }

    internal RuleChangeStats Stats(NormalizationRule rule)
    {
        if (!_rules.TryGetValue(rule.Name, out var stats))
        {
            stats = new RuleChangeStats(rule.Name, rule.Description);
            _rules.Add(rule.Name, stats);
            _order.Add(rule.Name);
        }

        return stats;
    }

    /// <summary>
    /// Adds the rule statistics of <paramref name="part"/> but counts it as a single line: for a JSONL record whose
    /// text field may itself hold several lines.
    /// </summary>
    public void MergeAsOneLine(ChangeReport part)
    {
        ArgumentNullException.ThrowIfNull(part);
        MergeRules(part);
        AddLine((int)part.CharsIn, (int)part.CharsOut, part.LinesChanged > 0);
    }

    /// <summary>Adds a later part of the same input (its lines follow this report's lines).</summary>
    public void Merge(ChangeReport later)
    {
        ArgumentNullException.ThrowIfNull(later);
        Lines += later.Lines;
        NextLine += later.Lines;
        LinesChanged += later.LinesChanged;
        CharsIn += later.CharsIn;
        CharsOut += later.CharsOut;
        MergeRules(later);
    }

    private void MergeRules(ChangeReport later)
    {
        foreach (var theirs in later.Rules)
        {
            if (!_rules.TryGetValue(theirs.Rule, out var ours))
            {
                ours = new RuleChangeStats(theirs.Rule, theirs.Description);
                _rules.Add(theirs.Rule, ours);
                _order.Add(theirs.Rule);
            }

            ours.Changes += theirs.Changes;
            ours.Lines += theirs.Lines;
            foreach (var e in theirs.Examples)
            {
                ours.AddExample(e, MaxExamplesPerRule);
            }
        }
    }

    /// <summary>Writes the report as JSON.</summary>
    public void WriteJson(Utf8JsonWriter writer, string? profile = null, IEnumerable<string>? enabledRules = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (profile is not null)
        {
            writer.WriteString("profile", profile);
        }

        if (enabledRules is not null)
        {
            writer.WriteStartArray("enabledRules");
            foreach (var r in enabledRules)
            {
                writer.WriteStringValue(r);
            }

            writer.WriteEndArray();
        }

        writer.WriteNumber("lines", Lines);
        writer.WriteNumber("linesChanged", LinesChanged);
        writer.WriteNumber("charsIn", CharsIn);
        writer.WriteNumber("charsOut", CharsOut);
        writer.WriteStartObject("rules");
        foreach (var s in Rules)
        {
            writer.WriteStartObject(s.Rule);
            writer.WriteString("description", s.Description);
            writer.WriteNumber("changes", s.Changes);
            writer.WriteNumber("lines", s.Lines);
            writer.WriteStartArray("examples");
            foreach (var e in s.Examples)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", e.Line);
                writer.WriteString("before", e.Before);
                writer.WriteString("after", e.After);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
