using System.Globalization;
using System.Text;

namespace KannadaKit.Generation.Chat;

/// <summary>
/// The part of Jinja that chat templates use, rendered as transformers renders them (trim_blocks and lstrip_blocks
/// on): text, <c>{{ }}</c>, <c>{% if/elif/else %}</c>, <c>{% for … in … %}</c> with <c>loop</c>, <c>{% set %}</c>,
/// <c>{# #}</c>, whitespace control with <c>-</c>; literals, names, attributes, subscripts and slices, + - * / %
/// ~, comparisons, in, and/or/not, <c>is defined/none/string</c>, conditional expressions, filters (trim, length,
/// upper, lower, tojson, default, first, last, string) and <c>raise_exception</c>, string methods (strip, startswith…).
/// </summary>
internal sealed class JinjaTemplate
{
    /// <summary>Deepest nesting of if/for blocks (parsing and rendering recurse per level; 50k nested ifs overflowed
    /// the stack).</summary>
    public const int MaxBlockDepth = 200;

    /// <summary>Most nodes and loop iterations one render may execute (nested range(100000) loops ran unbounded).</summary>
    public const long MaxSteps = 10_000_000;

    /// <summary>Longest output one render may produce, in UTF-16 units.</summary>
    public const int MaxOutput = 16 << 20;

    private readonly List<Node> _body;

    public JinjaTemplate(string source)
    {
        var tokens = Lex(source);
        var position = 0;
        _body = ParseBlock(tokens, ref position, [], 0);
        if (position < tokens.Count)
        {
            throw new TemplateException($"unexpected {{% {string.Join(' ', tokens[position].Words)} %}}");
        }
    }

    public string Render(Dictionary<string, object?> variables)
    {
        var output = new StringBuilder();
        var scope = new Dictionary<string, object?>(variables, StringComparer.Ordinal);
        Execute(_body, scope, output, new Budget());
        return output.ToString();
    }

    // ---- lexing: text, {{ expression }}, {% statement %} ------------------------------------------------

    private sealed record Piece(char Kind, string Text, List<string> Words);

    private static List<Piece> Lex(string s)
    {
        var pieces = new List<Piece>();
        var i = 0;
        var trimNext = false;
        while (i < s.Length)
        {
            var open = s.IndexOf('{', i);
            while (open >= 0 && open + 1 < s.Length && s[open + 1] is not ('{' or '%' or '#'))
            {
                open = s.IndexOf('{', open + 1);
            }
            if (open < 0 || open + 1 >= s.Length)
            {
                AddText(pieces, s[i..], trimNext, false, false);
                break;
            }
            var kind = s[open + 1];
            var stripBefore = open + 2 < s.Length && s[open + 2] == '-';
            var close = kind switch { '{' => "}}", '%' => "%}", _ => "#}" };
            var end = s.IndexOf(close, open + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new TemplateException($"unclosed {{{kind} at offset {open}");
            }
            var stripAfter = s[end - 1] == '-' && end - 1 > open + 2;
            AddText(pieces, s[i..open], trimNext, stripBefore, kind == '%' || kind == '#');
            var inner = s[(open + 2 + (stripBefore ? 1 : 0))..(end - (stripAfter ? 1 : 0))];
            i = end + 2;
            trimNext = stripAfter;
            if (kind == '#')
            {
                trimNext = stripAfter;
                if (!stripAfter && i < s.Length && s[i] == '\n')
                {
                    i++;
                }
                continue;
            }
            pieces.Add(new Piece(kind, inner, Words(inner)));
            if (kind == '%' && !stripAfter && i < s.Length && s[i] == '\n')
            {
                i++; // trim_blocks
            }
        }
        return pieces;
    }

    private static void AddText(List<Piece> pieces, string text, bool trimStart, bool trimEnd, bool beforeBlock)
    {
        if (trimStart)
        {
            text = text.TrimStart();
        }
        if (trimEnd)
        {
            text = text.TrimEnd();
        }
        else if (beforeBlock)
        {
            // lstrip_blocks: spaces and tabs from the start of the line up to a block tag go.
            var lineStart = text.LastIndexOf('\n') + 1;
            if (text.AsSpan(lineStart).Trim(" \t").IsEmpty)
            {
                text = text[..lineStart];
            }
        }
        if (text.Length > 0)
        {
            pieces.Add(new Piece('t', text, []));
        }
    }

    private static List<string> Words(string inner)
    {
        var words = new List<string>();
        var i = 0;
        while (i < inner.Length)
        {
            var c = inner[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            if (c is '\'' or '"')
            {
                i++;
                var sb = new StringBuilder();
                while (i < inner.Length && inner[i] != c)
                {
                    if (inner[i] == '\\' && i + 1 < inner.Length)
                    {
                        i++;
                        sb.Append(inner[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var x => x });
                    }
                    else
                    {
                        sb.Append(inner[i]);
                    }
                    i++;
                }
                i++;
                words.Add("\"" + sb);
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                while (i < inner.Length && (char.IsLetterOrDigit(inner[i]) || inner[i] == '_'))
                {
                    i++;
                }
            }
            else if (char.IsDigit(c))
            {
                while (i < inner.Length && (char.IsDigit(inner[i]) || inner[i] == '.'))
                {
                    i++;
                }
            }
            else
            {
                var two = i + 1 < inner.Length ? inner.Substring(i, 2) : "";
                i += two is "==" or "!=" or "<=" or ">=" or "//" or "**" ? 2 : 1;
            }
            words.Add(inner[start..i]);
        }
        return words;
    }

    // ---- statements -------------------------------------------------------------------------------------

    private abstract record Node;

    private sealed record TextNode(string Text) : Node;

    private sealed record OutputNode(Expr Value) : Node;

    private sealed record IfNode(List<(Expr? Condition, List<Node> Body)> Branches) : Node;

    private sealed record ForNode(List<string> Targets, Expr Items, Expr? Filter, List<Node> Body, List<Node> Else) : Node;

    private sealed record SetNode(string Name, string? Attribute, Expr Value) : Node;

    private sealed record MacroNode(string Name, List<(string Name, Expr? Default)> Parameters, List<Node> Body) : Node;

    private static List<Node> ParseBlock(List<Piece> pieces, ref int position, string[] terminators, int depth)
    {
        if (depth > MaxBlockDepth)
        {
            throw new TemplateException($"blocks nested more than {MaxBlockDepth} levels deep");
        }
        var nodes = new List<Node>();
        while (position < pieces.Count)
        {
            var p = pieces[position];
            if (p.Kind == 't')
            {
                nodes.Add(new TextNode(p.Text));
                position++;
                continue;
            }
            if (p.Kind == '{')
            {
                nodes.Add(new OutputNode(new ExprParser(p.Words).ParseAll()));
                position++;
                continue;
            }
            var keyword = p.Words.Count > 0 ? p.Words[0] : "";
            if (terminators.Contains(keyword))
            {
                return nodes;
            }
            position++;
            switch (keyword)
            {
                case "if":
                    var branches = new List<(Expr?, List<Node>)>();
                    var condition = new ExprParser(p.Words.Skip(1).ToList()).ParseAll();
                    while (true)
                    {
                        var body = ParseBlock(pieces, ref position, ["elif", "else", "endif"], depth + 1);
                        branches.Add((condition, body));
                        var end = Expect(pieces, position, "endif");
                        position++;
                        if (end.Words[0] == "endif")
                        {
                            break;
                        }
                        condition = end.Words[0] == "elif" ? new ExprParser(end.Words.Skip(1).ToList()).ParseAll() : null;
                    }
                    nodes.Add(new IfNode(branches));
                    break;
                case "for":
                    var inAt = p.Words.IndexOf("in");
                    var targets = p.Words.Skip(1).Take(inAt - 1).Where(w => w != ",").ToList();
                    if (inAt < 2 || targets.Count == 0 || !targets.All(IsIdentifier))
                    {
                        throw new TemplateException($"expected {{% for name in items %}}, found {{% {string.Join(' ', p.Words)} %}}");
                    }
                    var rest = p.Words.Skip(inAt + 1).ToList();
                    var ifAt = rest.IndexOf("if");
                    var items = new ExprParser(ifAt < 0 ? rest : rest.Take(ifAt).ToList()).ParseAll();
                    var filter = ifAt < 0 ? null : new ExprParser(rest.Skip(ifAt + 1).ToList()).ParseAll();
                    var loopBody = ParseBlock(pieces, ref position, ["else", "endfor"], depth + 1);
                    var elseBody = new List<Node>();
                    if (Expect(pieces, position, "endfor").Words[0] == "else")
                    {
                        position++;
                        elseBody = ParseBlock(pieces, ref position, ["endfor"], depth + 1);
                        Expect(pieces, position, "endfor");
                    }
                    position++;
                    nodes.Add(new ForNode(targets, items, filter, loopBody, elseBody));
                    break;
                case "set":
                    var eq = p.Words.IndexOf("=");
                    if (eq < 0)
                    {
                        throw new TemplateException("block {% set %} is not supported");
                    }
                    var target = p.Words.Skip(1).Take(eq - 1).ToList();
                    if (!(target.Count == 1 && IsIdentifier(target[0])) && !(target.Count == 3 && IsIdentifier(target[0]) && target[1] == "." && IsIdentifier(target[2])))
                    {
                        throw new TemplateException($"expected {{% set name = value %}} or {{% set name.attribute = value %}}, found {{% {string.Join(' ', p.Words)} %}}");
                    }
                    nodes.Add(new SetNode(target[0], target.Count == 3 && target[1] == "." ? target[2] : null,
                        new ExprParser(p.Words.Skip(eq + 1).ToList()).ParseAll()));
                    break;
                case "macro":
                    var macro = ParseMacroHeader(p.Words);
                    var macroBody = ParseBlock(pieces, ref position, ["endmacro"], depth + 1);
                    Expect(pieces, position, "endmacro");
                    position++;
                    nodes.Add(macro with { Body = macroBody });
                    break;
                case "generation" or "endgeneration":
                    break; // transformers' assistant-mask markers render nothing.
                default:
                    throw new TemplateException($"unsupported statement {{% {keyword} %}}");
            }
        }
        if (terminators.Length > 0)
        {
            throw new TemplateException($"missing {{% {terminators[^1]} %}}");
        }
        return nodes;
    }

    /// <summary>{% macro name(a, b='x') %}: the name and the parameters with their default expressions.</summary>
    private static MacroNode ParseMacroHeader(List<string> words)
    {
        if (words.Count < 4 || words[2] != "(" || words[^1] != ")" || !IsIdentifier(words[1]))
        {
            throw new TemplateException($"expected {{% macro name(parameters) %}}, found {{% {string.Join(' ', words)} %}}");
        }

        var parameters = new List<(string, Expr?)>();
        var part = new List<string>();
        var nesting = 0;
        foreach (var word in words.Skip(3).Take(words.Count - 4).Append(","))
        {
            nesting += word is "(" or "[" or "{" ? 1 : word is ")" or "]" or "}" ? -1 : 0;
            if (word != "," || nesting > 0)
            {
                part.Add(word);
                continue;
            }

            if (part.Count == 0)
            {
                continue;
            }

            if (!IsIdentifier(part[0]) || (part.Count > 1 && (part[1] != "=" || part.Count < 3)))
            {
                throw new TemplateException($"macro {words[1]}: bad parameter '{string.Join(' ', part)}'");
            }

            parameters.Add((part[0], part.Count > 1 ? new ExprParser(part.Skip(2).ToList()).ParseAll() : null));
            part = [];
        }

        return new MacroNode(words[1], parameters, []);
    }

    private static bool IsIdentifier(string word) =>
        word.Length > 0 && (char.IsLetter(word[0]) || word[0] == '_') && word.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static Piece Expect(List<Piece> pieces, int position, string closer) =>
        position < pieces.Count ? pieces[position] : throw new TemplateException($"missing {{% {closer} %}}");

    /// <summary>What one render has used of <see cref="MaxSteps"/> and <see cref="MaxOutput"/>.</summary>
    private sealed class Budget
    {
        private long _steps;
        private int _calls;

        /// <summary>Macro calls nest by recursion of the renderer; a macro calling itself must end in an error, not a
        /// stack overflow.</summary>
        public void EnterCall(string name)
        {
            if (++_calls > MaxBlockDepth)
            {
                throw new TemplateException($"macro {name} called more than {MaxBlockDepth} levels deep");
            }
        }

        public void LeaveCall() => _calls--;

        public void Step()
        {
            if (++_steps > MaxSteps)
            {
                throw new TemplateException($"the template ran more than {MaxSteps:N0} steps; it may not end");
            }
        }

        public static void Check(StringBuilder output)
        {
            if (output.Length > MaxOutput)
            {
                throw new TemplateException($"the template wrote more than {MaxOutput:N0} characters");
            }
        }
    }

    private static void Execute(List<Node> nodes, Dictionary<string, object?> scope, StringBuilder output, Budget budget)
    {
        foreach (var node in nodes)
        {
            budget.Step();
            switch (node)
            {
                case TextNode t:
                    output.Append(t.Text);
                    Budget.Check(output);
                    break;
                case OutputNode o:
                    output.Append(Values.ToText(o.Value.Eval(scope)));
                    Budget.Check(output);
                    break;
                case IfNode i:
                    foreach (var (condition, body) in i.Branches)
                    {
                        if (condition is null || Values.Truthy(condition.Eval(scope)))
                        {
                            Execute(body, scope, output, budget);
                            break;
                        }
                    }
                    break;
                case MacroNode m:
                    var definition = scope;
                    scope[m.Name] = new Macro(m.Name, args => Call(m, definition, args, budget));
                    break;
                case SetNode s when s.Attribute is null:
                    scope[s.Name] = s.Value.Eval(scope);
                    break;
                case SetNode s:
                    if (scope.GetValueOrDefault(s.Name) is Dictionary<string, object?> ns)
                    {
                        ns[s.Attribute!] = s.Value.Eval(scope);
                    }
                    break;
                case ForNode f:
                    var items = Values.Iterate(f.Items.Eval(scope)).ToList();
                    var inner = new Dictionary<string, object?>(scope, StringComparer.Ordinal);
                    if (f.Filter is not null)
                    {
                        items = [.. items.Where(item => { Bind(inner, f.Targets, item); return Values.Truthy(f.Filter.Eval(inner)); })];
                    }
                    for (var k = 0; k < items.Count; k++)
                    {
                        budget.Step();
                        Bind(inner, f.Targets, items[k]);
                        inner["loop"] = new Dictionary<string, object?>
                        {
                            ["index0"] = (long)k, ["index"] = (long)(k + 1), ["first"] = k == 0, ["last"] = k == items.Count - 1,
                            ["length"] = (long)items.Count, ["revindex"] = (long)(items.Count - k), ["revindex0"] = (long)(items.Count - k - 1),
                            ["previtem"] = k > 0 ? items[k - 1] : null, ["nextitem"] = k + 1 < items.Count ? items[k + 1] : null,
                        };
                        Execute(f.Body, inner, output, budget);
                    }
                    if (items.Count == 0)
                    {
                        Execute(f.Else, inner, output, budget);
                    }
                    // Jinja scoping: assignments inside a loop do not leak, except into namespace objects (shared references).
                    break;
            }
        }
    }

    /// <summary>Renders a macro's body in a scope of its own: the names visible where it was defined plus its
    /// parameters, bound from positional then keyword arguments, else their defaults, else undefined.</summary>
    private static string Call(MacroNode macro, Dictionary<string, object?> definition, IReadOnlyList<(string? Key, object? Value)> args, Budget budget)
    {
        budget.EnterCall(macro.Name);
        var inner = new Dictionary<string, object?>(definition, StringComparer.Ordinal);
        var positional = args.Where(a => a.Key is null).Select(a => a.Value).ToList();
        if (positional.Count > macro.Parameters.Count)
        {
            throw new TemplateException($"macro {macro.Name} takes {macro.Parameters.Count} arguments, got {positional.Count}");
        }

        foreach (var (key, _) in args.Where(a => a.Key is not null))
        {
            if (!macro.Parameters.Exists(p => p.Name == key))
            {
                throw new TemplateException($"macro {macro.Name} has no parameter '{key}'");
            }
        }

        for (var i = 0; i < macro.Parameters.Count; i++)
        {
            var (name, fallback) = macro.Parameters[i];
            var keyword = args.FirstOrDefault(a => a.Key == name);
            inner[name] = keyword.Key is not null ? keyword.Value
                : i < positional.Count ? positional[i]
                : fallback is not null ? fallback.Eval(inner)
                : Undefined.Value;
        }

        var output = new StringBuilder();
        Execute(macro.Body, inner, output, budget);
        budget.LeaveCall();
        return output.ToString();
    }

    private static void Bind(Dictionary<string, object?> scope, List<string> targets, object? item)
    {
        if (targets.Count == 1)
        {
            scope[targets[0]] = item;
            return;
        }
        var parts = Values.Iterate(item).ToList();
        for (var i = 0; i < targets.Count; i++)
        {
            scope[targets[i]] = i < parts.Count ? parts[i] : null;
        }
    }

    internal static string Invariant(double d) => d.ToString(CultureInfo.InvariantCulture);
}
