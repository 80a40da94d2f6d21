using System.Globalization;

namespace KannadaKit.Generation.Chat;

/// <summary>Precedence-climbing parser over the words of one tag (string literals arrive prefixed with a quote).</summary>
internal sealed class ExprParser
{
    /// <summary>Deepest nesting of brackets and unary operators one expression may have: evaluation recurses once
    /// per level, and 100k nested parentheses overflowed the stack (regression).</summary>
    public const int MaxDepth = 200;

    /// <summary>Most operator nodes one expression may have: a chain of 10^6 added terms evaluates as 10^6 nested
    /// calls, which also overflowed the stack (regression).</summary>
    public const int MaxNodes = 10_000;

    private readonly List<string> _words;
    private int _at;
    private int _depth;
    private int _nodes;

    public ExprParser(List<string> words) => _words = words;

    /// <summary>Counts an operator node against <see cref="MaxNodes"/>.</summary>
    private Fn Node(Func<Dictionary<string, object?>, object?> body)
    {
        if (++_nodes > MaxNodes)
        {
            throw new TemplateException($"expression too large (more than {MaxNodes:N0} operations)");
        }
        return new Fn(body);
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new TemplateException($"expression nested more than {MaxDepth} levels deep");
        }
    }

    public Expr ParseAll()
    {
        var e = Conditional();
        if (_at < _words.Count)
        {
            throw new TemplateException($"unexpected '{_words[_at].TrimStart('"')}' in expression");
        }
        return e;
    }

    private string? Peek(int ahead = 0) => _at + ahead < _words.Count ? _words[_at + ahead] : null;

    private bool Accept(string word)
    {
        if (Peek() == word)
        {
            _at++;
            return true;
        }
        return false;
    }

    /// <summary>The next word, which must exist (a template ending in "x |" or "x." is an error, not an index out of range).</summary>
    private string Word(string what) =>
        _at < _words.Count ? _words[_at++] : throw new TemplateException($"expected {what} in expression, found the end");

    private void Expect(string word)
    {
        if (!Accept(word))
        {
            throw new TemplateException($"expected '{word}' in expression, found '{Peek()?.TrimStart('"') ?? "end"}'");
        }
    }

    private Expr Conditional()
    {
        var value = Or();
        if (Accept("if"))
        {
            var condition = Or();
            var otherwise = Accept("else") ? Conditional() : new Literal(null);
            return Node(s => Values.Truthy(condition.Eval(s)) ? value.Eval(s) : otherwise.Eval(s));
        }
        return value;
    }

    private Expr Or()
    {
        var left = And();
        while (Accept("or"))
        {
            var l = left;
            var r = And();
            // The left side once: evaluating it twice made a chain of n falsy terms take 2^n steps (found by fuzzing).
            left = Node(s => l.Eval(s) is var v && Values.Truthy(v) ? v : r.Eval(s));
        }
        return left;
    }

    private Expr And()
    {
        var left = Not();
        while (Accept("and"))
        {
            var l = left;
            var r = Not();
            left = Node(s => l.Eval(s) is var v && !Values.Truthy(v) ? v : r.Eval(s));
        }
        return left;
    }

    private Expr Not()
    {
        if (Accept("not"))
        {
            Enter();
            var inner = Not();
            _depth--;
            return Node(s => !Values.Truthy(inner.Eval(s)));
        }
        return Comparison();
    }

    private Expr Comparison()
    {
        var left = Additive();
        while (true)
        {
            var op = Peek();
            if (op is "==" or "!=" or "<" or ">" or "<=" or ">=")
            {
                _at++;
                var l = left;
                var r = Additive();
                left = Node(s => Values.Compare(op, l.Eval(s), r.Eval(s)));
            }
            else if (op == "in" || (op == "not" && Peek(1) == "in"))
            {
                _at += op == "in" ? 1 : 2;
                var negate = op == "not";
                var l = left;
                var r = Additive();
                left = Node(s => Values.Contains(r.Eval(s), l.Eval(s)) != negate);
            }
            else if (op == "is")
            {
                _at++;
                var negate = Accept("not");
                var test = Word("a test name after 'is'");
                var l = left;
                Expr? argument = null;
                if (Peek() is { } next && next != ")" && test is "equalto" or "sameas")
                {
                    argument = Primary();
                }
                left = Node(s => Values.Test(test, l, s, argument?.Eval(s)) != negate);
            }
            else
            {
                return left;
            }
        }
    }

    private Expr Additive()
    {
        var left = Multiplicative();
        while (Peek() is "+" or "-" or "~")
        {
            var op = _words[_at++];
            var l = left;
            var r = Multiplicative();
            left = Node(s => Values.Arithmetic(op, l.Eval(s), r.Eval(s)));
        }
        return left;
    }

    private Expr Multiplicative()
    {
        var left = Power();
        while (Peek() is "*" or "/" or "%" or "//")
        {
            var op = _words[_at++];
            var l = left;
            var r = Power();
            left = Node(s => Values.Arithmetic(op, l.Eval(s), r.Eval(s)));
        }
        return left;
    }

    /// <summary>Jinja binds ** tighter than * and looser than unary minus (-2 ** 2 is 4), left to right.</summary>
    private Expr Power()
    {
        var left = Unary();
        while (Accept("**"))
        {
            var l = left;
            var r = Unary();
            left = Node(s => Values.Arithmetic("**", l.Eval(s), r.Eval(s)));
        }
        return left;
    }

    private Expr Unary()
    {
        if (Accept("-"))
        {
            Enter();
            var inner = Unary();
            _depth--;
            return Node(s => Values.Arithmetic("-", 0L, inner.Eval(s)));
        }
        return Filtered();
    }

    private Expr Filtered()
    {
        var value = Postfix(Primary());
        while (Accept("|"))
        {
            var name = Word("a filter name after '|'");
            var args = Accept("(") ? KeywordArguments() : [];
            var v = value;
            value = Node(s => Values.Filter(name, v.Eval(s), [.. args.Where(a => a.Key is null).Select(a => a.Value.Eval(s))],
                args.Where(a => a.Key is not null).ToDictionary(a => a.Key!, a => a.Value.Eval(s), StringComparer.Ordinal)));
        }
        return value;
    }

    private List<Expr> Arguments() => [.. KeywordArguments().Select(a => a.Value)];

    /// <summary>Call arguments; keyword arguments keep their names (namespace(count=0)), others have none.</summary>
    private List<(string? Key, Expr Value)> KeywordArguments()
    {
        var args = new List<(string?, Expr)>();
        while (!Accept(")"))
        {
            string? key = null;
            if (Peek(1) == "=" && Peek() is { } name && !name.StartsWith('"'))
            {
                key = name;
                _at += 2;
            }
            args.Add((key, Conditional()));
            Accept(",");
        }
        return args;
    }

    private Expr Postfix(Expr value)
    {
        while (true)
        {
            if (Accept("."))
            {
                var name = Word("an attribute name after '.'");
                var target = value;
                if (Accept("("))
                {
                    var args = Arguments();
                    value = Node(s => Values.Method(target.Eval(s), name, [.. args.Select(a => a.Eval(s))]));
                }
                else
                {
                    value = Node(s => Values.Attribute(target.Eval(s), name));
                }
            }
            else if (Accept("["))
            {
                var target = value;
                Expr? start = Peek() == ":" ? null : Conditional();
                if (Accept(":"))
                {
                    Expr? stop = Peek() is "]" or ":" ? null : Conditional();
                    Expr? step = Accept(":") && Peek() != "]" ? Conditional() : null;
                    Expect("]");
                    value = Node(s => Values.Slice(target.Eval(s), start?.Eval(s), stop?.Eval(s), step?.Eval(s)));
                }
                else
                {
                    Expect("]");
                    var index = start!;
                    value = Node(s => Values.Index(target.Eval(s), index.Eval(s)));
                }
            }
            else if (Accept("("))
            {
                var target = value;
                var args = KeywordArguments();
                if (target is Name { Identifier: "namespace" })
                {
                    value = Node(s => Namespace(args, s));
                }
                else
                {
                    value = Node(s => target is Name name && s.GetValueOrDefault(name.Identifier) is Macro macro
                        ? macro.Invoke([.. args.Select(a => (a.Key, a.Value.Eval(s)))])
                        : Values.Call(target, s, [.. args.Select(a => a.Value.Eval(s))]));
                }
            }
            else
            {
                return value;
            }
        }
    }

    private Expr Primary()
    {
        Enter();
        try
        {
            return PrimaryCore();
        }
        finally
        {
            _depth--;
        }
    }

    private Expr PrimaryCore()
    {
        var word = Peek() ?? throw new TemplateException("expression ends too early");
        _at++;
        if (word.StartsWith('"'))
        {
            var text = word[1..];
            // Adjacent string literals concatenate.
            while (Peek() is { } next && next.StartsWith('"'))
            {
                text += next[1..];
                _at++;
            }
            return new Literal(text);
        }
        if (char.IsDigit(word[0]))
        {
            // Boxed separately: a conditional of double and long would make every integer a double.
            if (word.Contains('.', StringComparison.Ordinal))
            {
                return double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
                    ? new Literal(d)
                    : throw new TemplateException($"number {word} is out of range");
            }
            return long.TryParse(word, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? new Literal(n)
                : throw new TemplateException($"integer {(word.Length > 30 ? word[..30] + "…" : word)} is out of range (at most 19 digits)");
        }
        switch (word)
        {
            case "(":
                var inner = Conditional();
                if (Accept(","))
                {
                    var items = new List<Expr> { inner };
                    while (!Accept(")"))
                    {
                        items.Add(Conditional());
                        Accept(",");
                    }
                    return Node(s => items.Select(i => i.Eval(s)).ToList());
                }
                Expect(")");
                return inner;
            case "[":
                var list = new List<Expr>();
                while (!Accept("]"))
                {
                    list.Add(Conditional());
                    Accept(",");
                }
                return Node(s => list.Select(i => i.Eval(s)).ToList());
            case "{":
                var pairs = new List<(Expr, Expr)>();
                while (!Accept("}"))
                {
                    var k = Conditional();
                    Expect(":");
                    pairs.Add((k, Conditional()));
                    Accept(",");
                }
                return Node(s => pairs.ToDictionary(p => Values.ToText(p.Item1.Eval(s)), p => p.Item2.Eval(s)));
            case "true" or "True":
                return new Literal(true);
            case "false" or "False":
                return new Literal(false);
            case "none" or "None":
                return new Literal(null);
            default:
                return new Name(word);
        }
    }

    internal sealed record Literal(object? Value) : Expr
    {
        public override object? Eval(Dictionary<string, object?> scope) => Value;
    }

    internal sealed record Name(string Identifier) : Expr
    {
        public override object? Eval(Dictionary<string, object?> scope) =>
            scope.TryGetValue(Identifier, out var v) ? v : Undefined.Value;
    }

    /// <summary>namespace(a=1, b=2); a name given twice is an error, as in Python.</summary>
    private static Dictionary<string, object?> Namespace(List<(string? Key, Expr Value)> args, Dictionary<string, object?> scope)
    {
        var ns = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in args)
        {
            if (key is not null && !ns.TryAdd(key, value.Eval(scope)))
            {
                throw new TemplateException($"namespace() got '{key}' twice");
            }
        }
        return ns;
    }

    /// <summary>Every value an expression makes is checked against the render's size limits, so doubling a string or
    /// a list in a chain of filters or a loop ends in an error, not in exhausted memory (found by fuzzing: 40 chained
    /// join filters).</summary>
    private sealed record Fn(Func<Dictionary<string, object?>, object?> Body) : Expr
    {
        public override object? Eval(Dictionary<string, object?> scope) => Values.WithinLimits(Body(scope));
    }
}
