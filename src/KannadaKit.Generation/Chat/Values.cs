using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KannadaKit.Generation.Chat;

/// <summary>Jinja's value semantics over .NET objects: string, long, double, bool, null, lists and string-keyed dictionaries.</summary>
internal static class Values
{
    public static bool Truthy(object? v) => v switch
    {
        null or Undefined => false,
        bool b => b,
        string s => s.Length > 0,
        long l => l != 0,
        double d => d != 0,
        ICollection c => c.Count > 0,
        _ => true,
    };

    public static string ToText(object? v) => v switch
    {
        null => "None",
        Undefined => "",
        string s => s,
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => JinjaTemplate.Invariant(d),
        IDictionary or IList => ToJson(v, python: true),
        _ => v.ToString() ?? "",
    };

    public static IEnumerable<object?> Iterate(object? v) => v switch
    {
        null or Undefined => [],
        string s => s.Select(c => (object?)c.ToString()),
        IDictionary<string, object?> d => d.Keys,
        IEnumerable e => e.Cast<object?>(),
        _ => throw new TemplateException($"cannot iterate over {TypeName(v)}"),
    };

    public static object? Compare(string op, object? a, object? b)
    {
        if (op is "==" or "!=")
        {
            var equal = Equal(a, b);
            return op == "==" ? equal : !equal;
        }
        int c;
        if (IsNumber(a) && IsNumber(b))
        {
            c = ToDouble(a).CompareTo(ToDouble(b));
        }
        else if (a is string sa && b is string sb)
        {
            c = string.CompareOrdinal(sa, sb);
        }
        else
        {
            throw new TemplateException($"cannot compare {TypeName(a)} with {TypeName(b)}");
        }
        return op switch { "<" => c < 0, ">" => c > 0, "<=" => c <= 0, _ => c >= 0 };
    }

    private static bool Equal(object? a, object? b)
    {
        if (a is Undefined)
        {
            a = null;
        }
        if (b is Undefined)
        {
            b = null;
        }
        if (IsNumber(a) && IsNumber(b))
        {
            return ToDouble(a) == ToDouble(b);
        }
        return Equals(a, b);
    }

    public static bool Contains(object? container, object? item) => container switch
    {
        string s => item is string i && s.Contains(i, StringComparison.Ordinal),
        IDictionary<string, object?> d => item is string k && d.ContainsKey(k),
        IEnumerable e => e.Cast<object?>().Any(x => Equal(x, item)),
        _ => false,
    };

    public static bool Test(string test, Expr operand, Dictionary<string, object?> scope, object? argument) =>
        Test(test, operand.Eval(scope), argument);

    public static bool Test(string test, object? v, object? argument)
    {
        return test switch
        {
            "defined" => v is not Undefined,
            "undefined" => v is Undefined,
            "none" => v is null,
            "string" => v is string,
            "number" => IsNumber(v),
            "integer" => v is long,
            "boolean" => v is bool,
            "mapping" => v is IDictionary,
            "iterable" or "sequence" => v is IEnumerable,
            "true" => v is true,
            "false" => v is false,
            "even" => v is long e && e % 2 == 0,
            "odd" => v is long o && o % 2 != 0,
            "equalto" or "sameas" or "eq" or "==" => Equal(v, argument),
            "ne" or "!=" => !Equal(v, argument),
            "in" => Contains(argument, v),
            _ => throw new TemplateException($"unknown test 'is {test}'"),
        };
    }

    public static object? Arithmetic(string op, object? a, object? b)
    {
        if (op == "~")
        {
            return ToText(a) + ToText(b);
        }
        if (op == "+" && (a is string || b is string))
        {
            if (a is string sa && b is string sb)
            {
                return sa + sb;
            }
            throw new TemplateException($"cannot add {TypeName(a)} and {TypeName(b)}");
        }
        if (op == "+" && a is IList la && b is IList lb)
        {
            return la.Cast<object?>().Concat(lb.Cast<object?>()).ToList();
        }
        if (op == "*" && a is string repeated && b is long times)
        {
            if (times > 0 && (long)repeated.Length * times > JinjaTemplate.MaxOutput)
            {
                throw new TemplateException($"string repeated {times:N0} times is longer than {JinjaTemplate.MaxOutput:N0} characters");
            }
            return string.Concat(Enumerable.Repeat(repeated, (int)Math.Max(0, times)));
        }
        if (!IsNumber(a) || !IsNumber(b))
        {
            throw new TemplateException($"cannot apply '{op}' to {TypeName(a)} and {TypeName(b)}");
        }
        if (op is "%" or "/" or "//" && ToDouble(b) == 0)
        {
            throw new TemplateException($"division by zero ({ToText(a)} {op} {ToText(b)})");
        }
        if (op == "**")
        {
            return Power(a, b);
        }
        if (a is long x && b is long y && op != "/")
        {
            return op switch
            {
                "+" => x + y,
                "-" => x - y,
                "*" => x * y,
                "%" => ((x % y) + y) % y,
                _ => (long)Math.Floor((double)x / y),
            };
        }
        var p = ToDouble(a);
        var q = ToDouble(b);
        return op switch { "+" => p + q, "-" => p - q, "*" => p * q, "%" => p % q, "//" => Math.Floor(p / q), _ => p / q };
    }

    /// <summary>Integer powers stay integers (as in Python) and must fit in 64 bits; others are doubles.</summary>
    private static object Power(object? a, object? b)
    {
        if (a is long x && b is long y && y >= 0)
        {
            if (x is 0 or 1 or -1)
            {
                // No loop for these: 1 ** 10**18 must not take 10**18 steps.
                return y == 0 ? 1L : x == -1 ? (y % 2 == 0 ? 1L : -1L) : x;
            }

            long result = 1;
            try
            {
                // |x| >= 2 overflows within 63 steps.
                for (long i = 0; i < y; i++)
                {
                    result = checked(result * x);
                }
            }
            catch (OverflowException)
            {
                throw new TemplateException($"{x} ** {y} is out of range");
            }
            return result;
        }
        var d = Math.Pow(ToDouble(a), ToDouble(b));
        return double.IsFinite(d) ? d : throw new TemplateException($"{ToText(a)} ** {ToText(b)} is out of range");
    }

    /// <summary>The value, if it is within one render's limits: strings up to <see cref="JinjaTemplate.MaxOutput"/>
    /// characters, lists up to <see cref="MaxRange"/> items.</summary>
    public static object? WithinLimits(object? value) => value switch
    {
        string s when s.Length > JinjaTemplate.MaxOutput => throw new TemplateException($"a string grew longer than {JinjaTemplate.MaxOutput:N0} characters"),
        IList l when l.Count > MaxRange => throw new TemplateException($"a list grew longer than {MaxRange:N0} items"),
        _ => value,
    };

    private static string Join(object? items, string separator)
    {
        var sb = new StringBuilder();
        var first = true;
        foreach (var item in Iterate(items))
        {
            sb.Append(first ? "" : separator).Append(ToText(item));
            first = false;
            if (sb.Length > JinjaTemplate.MaxOutput)
            {
                throw new TemplateException($"join made a string longer than {JinjaTemplate.MaxOutput:N0} characters");
            }
        }
        return sb.ToString();
    }

    private static string ReplaceBounded(string s, string old, string replacement)
    {
        var count = 0L;
        for (var at = s.IndexOf(old, StringComparison.Ordinal); at >= 0; at = s.IndexOf(old, at + old.Length, StringComparison.Ordinal))
        {
            count++;
        }
        if (s.Length + (count * (replacement.Length - old.Length)) > JinjaTemplate.MaxOutput)
        {
            throw new TemplateException($"replace would make a string longer than {JinjaTemplate.MaxOutput:N0} characters");
        }
        return s.Replace(old, replacement, StringComparison.Ordinal);
    }

    public static object? Attribute(object? target, string name) => target switch
    {
        IDictionary<string, object?> d => d.TryGetValue(name, out var v) ? v : Undefined.Value,
        _ => Undefined.Value,
    };

    public static object? Index(object? target, object? index) => (target, index) switch
    {
        (IDictionary<string, object?> d, string k) => d.TryGetValue(k, out var v) ? v : Undefined.Value,
        (IList l, long i) => (i < 0 ? l.Count + i : i) is var j && j >= 0 && j < l.Count ? l[(int)j] : Undefined.Value,
        (string s, long i) => (i < 0 ? s.Length + i : i) is var j && j >= 0 && j < s.Length ? s[(int)j].ToString() : Undefined.Value,
        _ => Undefined.Value,
    };

    public static object? Slice(object? target, object? start, object? stop, object? step)
    {
        var items = target is string s ? s.Select(c => (object?)c.ToString()).ToList() : Iterate(target).ToList();
        var n = items.Count;
        var st = step is long k ? k : 1;
        if (st == 0)
        {
            throw new TemplateException("slice step cannot be zero");
        }
        long Clamp(object? v, long fallback)
        {
            if (v is not long i)
            {
                return fallback;
            }
            if (i < 0)
            {
                i += n;
            }
            return st > 0 ? Math.Clamp(i, 0, n) : Math.Clamp(i, -1, n - 1);
        }
        var from = Clamp(start, st > 0 ? 0 : n - 1);
        var to = Clamp(stop, st > 0 ? n : -1);
        var result = new List<object?>();
        for (var i = from; st > 0 ? i < to : i > to; i += st)
        {
            result.Add(items[(int)i]);
        }
        return target is string ? string.Concat(result.Cast<string>()) : result;
    }

    public static object? Call(Expr target, Dictionary<string, object?> scope, List<object?> args)
    {
        var name = target is ExprParser.Name n ? n.Identifier : "";
        switch (name)
        {
            case "raise_exception":
                throw new TemplateException(args.Count > 0 ? ToText(args[0]) : "the chat template raised an exception");
            case "namespace":
                return new Dictionary<string, object?>(StringComparer.Ordinal);
            case "range":
                return Range(args);
            case "strftime_now":
                return DateTime.UtcNow.ToString(args.Count > 0 ? ToText(args[0]).Replace("%d", "dd", StringComparison.Ordinal)
                    .Replace("%b", "MMM", StringComparison.Ordinal).Replace("%Y", "yyyy", StringComparison.Ordinal) : "dd MMM yyyy", CultureInfo.InvariantCulture);
            default:
                throw new TemplateException($"unknown function '{name}'");
        }
    }

    /// <summary>Longest list <c>range</c> may make (range(10**12) was an internal error).</summary>
    public const long MaxRange = 1_000_000;

    /// <summary>Jinja's range(stop), range(start, stop) and range(start, stop, step), integers only.</summary>
    private static List<object?> Range(List<object?> args)
    {
        if (args.Count is < 1 or > 3 || args.Any(a => a is not long))
        {
            throw new TemplateException($"range takes 1 to 3 integers, got ({string.Join(", ", args.Select(TypeName))})");
        }
        var (start, stop, step) = args.Count switch
        {
            1 => (0L, (long)args[0]!, 1L),
            2 => ((long)args[0]!, (long)args[1]!, 1L),
            _ => ((long)args[0]!, (long)args[1]!, (long)args[2]!),
        };
        if (step == 0)
        {
            throw new TemplateException("range step must not be zero");
        }
        // Int128: stop - start overflows long for range(-9e18, 9e18).
        var count = step > 0 ? (stop > start ? (((Int128)stop - start - 1) / step) + 1 : 0) : (start > stop ? (((Int128)start - stop - 1) / -(Int128)step) + 1 : 0);
        if (count > MaxRange)
        {
            throw new TemplateException($"range of {count:N0} items is longer than {MaxRange:N0}");
        }
        var list = new List<object?>((int)count);
        for (long i = 0, v = start; i < count; i++, v += step)
        {
            list.Add(v);
        }
        return list;
    }

    public static object? Method(object? target, string name, List<object?> args)
    {
        if (target is string s)
        {
            var chars = args.Count > 0 && args[0] is string c ? c.ToCharArray() : null;
            return name switch
            {
                "strip" => chars is null ? s.Trim() : s.Trim(chars),
                "lstrip" => chars is null ? s.TrimStart() : s.TrimStart(chars),
                "rstrip" => chars is null ? s.TrimEnd() : s.TrimEnd(chars),
                "upper" => s.ToUpperInvariant(),
                "lower" => s.ToLowerInvariant(),
                "title" => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(s.ToLowerInvariant()),
                "startswith" => s.StartsWith(ToText(args[0]), StringComparison.Ordinal),
                "endswith" => s.EndsWith(ToText(args[0]), StringComparison.Ordinal),
                // Python's str.replace with an empty needle inserts between characters (.NET throws).
                "replace" when ToText(args[0]).Length == 0 && (long)(s.Length + 1) * ToText(args[1]).Length > JinjaTemplate.MaxOutput =>
                    throw new TemplateException($"replace would make a string longer than {JinjaTemplate.MaxOutput:N0} characters"),
                "replace" when ToText(args[0]).Length == 0 => ToText(args[1]) + string.Join(ToText(args[1]), s.EnumerateRunes()) + (s.Length > 0 ? ToText(args[1]) : ""),
                "replace" => ReplaceBounded(s, ToText(args[0]), ToText(args[1])),
                "split" => (args.Count > 0 ? s.Split(ToText(args[0])) : s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Select(x => (object?)x).ToList(),
                _ => throw new TemplateException($"unknown string method '{name}'"),
            };
        }
        if (target is IDictionary<string, object?> d)
        {
            return name switch
            {
                "get" => d.TryGetValue(ToText(args[0]), out var v) ? v : args.Count > 1 ? args[1] : null,
                "items" => d.Select(kv => (object?)new List<object?> { kv.Key, kv.Value }).ToList(),
                "keys" => d.Keys.Select(k => (object?)k).ToList(),
                "values" => d.Values.ToList(),
                _ => throw new TemplateException($"unknown mapping method '{name}'"),
            };
        }
        throw new TemplateException($"{TypeName(target)} has no method '{name}'");
    }

    public static object? Filter(string name, object? v, List<object?> args, IReadOnlyDictionary<string, object?> keywords) => name switch
    {
        "title" => Title(ToText(v)),
        "replace" when args.Count >= 2 => Method(v, "replace", args),
        "map" when keywords.TryGetValue("attribute", out var attribute) => Iterate(v).Select(x => Attribute(x, ToText(attribute))).ToList(),
        "map" when args.Count >= 1 => Iterate(v).Select(x => Filter(ToText(args[0]), x, args.Skip(1).ToList(), keywords)).ToList(),
        "selectattr" or "rejectattr" when args.Count >= 1 => Iterate(v).Where(x =>
            (args.Count == 1 ? Truthy(Attribute(x, ToText(args[0]))) : Test(ToText(args[1]), Attribute(x, ToText(args[0])), args.Count > 2 ? args[2] : null)) == (name == "selectattr")).ToList(),
        "select" or "reject" => Iterate(v).Where(x => (args.Count == 0 ? Truthy(x) : Test(ToText(args[0]), x, args.Count > 1 ? args[1] : null)) == (name == "select")).ToList(),
        "float" => v is string f && double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out var fp) ? fp : IsNumber(v) ? ToDouble(v) : 0.0,
        "abs" => v is long a ? Math.Abs(a) : IsNumber(v) ? Math.Abs(ToDouble(v)) : throw new TemplateException($"abs of {TypeName(v)}"),
        "tojson" when keywords.TryGetValue("indent", out _) => throw new TemplateException("tojson(indent=...) is not supported"),
        "trim" => ToText(v).Trim(),
        "length" or "count" => (long)(v is string s ? s.Length : Iterate(v).Count()),
        "upper" => ToText(v).ToUpperInvariant(),
        "lower" => ToText(v).ToLowerInvariant(),
        "string" => ToText(v),
        "int" => v is string t && long.TryParse(t, out var parsed) ? parsed : IsNumber(v) ? (long)ToDouble(v) : 0L,
        "tojson" => ToJson(v, python: false),
        "default" or "d" => v is Undefined || (args.Count > 1 && args[1] is true && !Truthy(v)) ? (args.Count > 0 ? args[0] : "") : v,
        "first" => Iterate(v).FirstOrDefault(),
        "last" => Iterate(v).LastOrDefault(),
        "join" => Join(v, args.Count > 0 ? ToText(args[0]) : ""),
        "list" => Iterate(v).ToList(),
        "reverse" => v is string r ? new string(r.Reverse().ToArray()) : Iterate(v).Reverse().ToList(),
        "capitalize" => ToText(v) is { Length: > 0 } c ? char.ToUpperInvariant(c[0]) + c[1..].ToLowerInvariant() : "",
        "items" => Method(v, "items", []),
        _ => throw new TemplateException($"unknown filter '{name}'"),
    };

    private static string ToJson(object? v, bool python)
    {
        var sb = new StringBuilder();
        void Write(object? x)
        {
            switch (x)
            {
                case null or Undefined:
                    sb.Append(python ? "None" : "null");
                    break;
                case string s:
                    sb.Append(python ? "'" + s.Replace("'", "\\'", StringComparison.Ordinal) + "'" : JsonString(s));
                    break;
                case bool b:
                    sb.Append(python ? (b ? "True" : "False") : (b ? "true" : "false"));
                    break;
                case IDictionary<string, object?> d:
                    sb.Append('{');
                    var first = true;
                    foreach (var (k, val) in d)
                    {
                        sb.Append(first ? "" : ", ");
                        first = false;
                        Write(k);
                        sb.Append(": ");
                        Write(val);
                    }
                    sb.Append('}');
                    break;
                case IList l:
                    sb.Append('[');
                    for (var i = 0; i < l.Count; i++)
                    {
                        sb.Append(i == 0 ? "" : ", ");
                        Write(l[i]);
                    }
                    sb.Append(']');
                    break;
                default:
                    sb.Append(ToText(x));
                    break;
            }
        }
        Write(v);
        return sb.ToString();
    }

    /// <summary>A JSON string as Python's json.dumps(ensure_ascii=False) writes it (what transformers' tojson uses):
    /// only quote, backslash and control characters escaped, Kannada as it is.</summary>
    private static string JsonString(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>Jinja's title filter (not Python's str.title): words start after white space or one of - ( { [ &lt;;
    /// each word's first character is upper-cased and the rest lower-cased, so "x2y" becomes "X2y".</summary>
    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var wordStart = true;
        foreach (var c in s)
        {
            var separator = char.IsWhiteSpace(c) || c is '-' or '(' or '{' or '[' or '<';
            sb.Append(separator ? c : wordStart ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            wordStart = separator;
        }
        return sb.ToString();
    }

    private static bool IsNumber(object? v) => v is long or double;

    private static double ToDouble(object? v) => v is long l ? l : (double)v!;

    private static string TypeName(object? v) => v switch
    {
        null => "none",
        Undefined => "undefined",
        string => "string",
        long or double => "number",
        bool => "boolean",
        IDictionary => "mapping",
        IList => "list",
        _ => v.GetType().Name,
    };
}
