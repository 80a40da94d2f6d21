namespace KannadaKit.Lexicon.Model;

/// <summary>Reads <c>{{name|a|b|key=v}}</c> wikitext into an <see cref="EtymologyTemplate"/> (named arguments dropped).</summary>
public static class EtymologyTemplates
{
    /// <summary>The template, or null when the text is not one template.</summary>
    public static EtymologyTemplate? Parse(string wikitext)
    {
        ArgumentNullException.ThrowIfNull(wikitext);
        string t = wikitext.Trim();
        if (!t.StartsWith("{{", StringComparison.Ordinal) || !t.EndsWith("}}", StringComparison.Ordinal) || t.Length < 5)
            return null;
        var parts = t[2..^2].Split('|');
        string name = parts[0].Trim();
        if (name.Length == 0)
            return null;
        return new EtymologyTemplate(name, [.. parts.Skip(1).Where(p => !p.Contains('=', StringComparison.Ordinal)).Select(p => p.Trim())]);
    }
}
