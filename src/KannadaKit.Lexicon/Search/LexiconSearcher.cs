using System.Text;
using KannadaKit.Lexicon.Morphology;
using KannadaKit.Lexicon.Phonetics;
using KannadaKit.Lexicon.Store;
using KannadaKit.Text.Transliteration;
using System.Data.Common;

namespace KannadaKit.Lexicon.Search;

/// <summary>
/// Ranked search over a <see cref="LexiconStore"/>. Every query is bound as a parameter (never spliced into SQL) and
/// FTS queries are quoted phrases, so query text cannot change a statement. One instance per thread.
/// </summary>
public sealed class LexiconSearcher
{
    /// <summary>Longest query accepted, in chars.</summary>
    public const int MaxQueryLength = 100;

    private const string Columns = "e.headword, e.gloss, e.origin, e.frequency";
    private readonly DbConnection _db;
    private readonly StoreDialect _dialect;

    /// <summary>Searches <paramref name="store"/>.</summary>
    public LexiconSearcher(LexiconStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _db = store.Connection;
        _dialect = store.Dialect;
    }

    /// <summary>The best <paramref name="limit"/> matches, best first; each headword once, with its best reason.</summary>
    /// <exception cref="LexiconStoreException">The query is longer than <see cref="MaxQueryLength"/>.</exception>
    public IReadOnlyList<SearchResult> Search(string query, SearchMode mode = SearchMode.Auto, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > MaxQueryLength)
            throw new LexiconStoreException($"query is {query.Length} characters long; at most {MaxQueryLength} are accepted");
        string q = query.Normalize(NormalizationForm.FormC).Trim();
        if (q.Length == 0 || limit <= 0)
            return [];
        bool latin = PhoneticKey.IsLatin(q);
        // Equal scores keep the order the sources give (frequency, or a translation table's order): seq remembers it.
        var found = new Dictionary<string, (SearchResult Result, int Seq)>(StringComparer.Ordinal);
        void Keep(IEnumerable<SearchResult> results)
        {
            foreach (var r in results)
            {
                if (!found.TryGetValue(r.Headword, out var old))
                    found[r.Headword] = (r, found.Count);
                else if (old.Result.Score < r.Score)
                    found[r.Headword] = (r, old.Seq);
            }
        }

        int pool = Math.Max(limit, 20);
        switch (mode)
        {
            case SearchMode.Exact: Keep(Exact(q)); break;
            case SearchMode.Prefix: Keep(Prefix(q, pool)); break;
            case SearchMode.Substring: Keep(Substring(q, pool)); break;
            case SearchMode.Fuzzy: Keep(Fuzzy(q, pool)); break;
            case SearchMode.Phonetic: Keep(Phonetic(q, latin, pool)); break;
            case SearchMode.English: Keep(English(q, pool)); break;
            case SearchMode.Lemma: Keep(Lemma(q)); break;
            default:
                if (latin)
                {
                    Keep(Readings(q));
                    Keep(Phonetic(q, latin: true, pool));
                    Keep(English(q, pool));
                }
                else
                {
                    Keep(Exact(q));
                    Keep(Lemma(q));
                    Keep(Phonetic(q, latin: false, pool));
                    Keep(Prefix(q, pool));
                    if (found.Count < limit)
                        Keep(Fuzzy(q, pool));
                    if (found.Count < limit)
                        Keep(Substring(q, pool));
                }

                break;
        }

        return [.. found.Values.OrderByDescending(r => r.Result.Score).ThenBy(r => r.Seq).Select(r => r.Result).Take(limit)];
    }

    private IEnumerable<SearchResult> Exact(string q) =>
        Query($"SELECT {Columns} FROM entries e WHERE e.headword = @q", ("@q", q))
            .Select(r => Result(r, 100, SearchMode.Exact, "exact headword"));

    private List<SearchResult> Lemma(string q)
    {
        var results = new List<SearchResult>();
        foreach (var w in KannadaInflector.Analyse(q))
        {
            results.AddRange(Query($"SELECT {Columns} FROM entries e WHERE e.headword = @q", ("@q", w.Lemma))
                .Select(r => Result(r, 90, SearchMode.Lemma, $"{w.Tag} of {w.Lemma}")));
        }

        results.AddRange(Query($"SELECT {Columns}, f.tags FROM forms f JOIN entries e ON e.id = f.entry_id WHERE f.form = @q", ("@q", q))
            .Select(r => Result(r, 91, SearchMode.Lemma, $"{(r[4].Length > 0 ? r[4].Replace('|', ' ') : "form")} of {r[0]}")));
        return results;
    }

    private IEnumerable<SearchResult> Prefix(string q, int limit) =>
        Query($"""
            SELECT {Columns} FROM entries e WHERE e.headword >= @q AND e.headword < @hi AND e.headword <> @q
            ORDER BY e.frequency DESC, e.headword LIMIT @n
            """, ("@q", q), ("@hi", q + "\uFFFF"), ("@n", limit))
            .Select(r => Result(r, 65, SearchMode.Prefix, $"starts with {q}"));

    private IEnumerable<SearchResult> Substring(string q, int limit)
    {
        var (sql, args) = _dialect.Substring(Columns, q, limit + 1);
        return Query(sql, args).Where(r => r[0] != q).OrderByDescending(r => long.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture))
            .ThenBy(r => r[0], StringComparer.Ordinal).Take(limit)
            .Select(r => Result(r, 45, SearchMode.Substring, $"contains {q}"));
    }

    private IEnumerable<SearchResult> Fuzzy(string q, int limit)
    {
        var units = AksharaDistance.Units(q);
        if (units.Length == 0)
            return [];
        int max = units.Length <= 4 ? 1 : 2;
        // Candidates share the first akshara (an edit anywhere but the start) or the last two (an edit at the start);
        // the last two, not the last one, because few endings (-ು -ೆ -ಿ) cover most words and would fetch thousands.
        var rows = Query($"""
            SELECT {Columns}, e.aks FROM entries e WHERE e.first_ak = @f AND e.ak_len BETWEEN @lo AND @hi
            UNION SELECT {Columns}, e.aks FROM entries e WHERE {(units.Length >= 3 ? "e.last2" : "e.last_ak")} = @l AND e.ak_len BETWEEN @lo AND @hi
            """, ("@f", units[0]), ("@l", units.Length >= 3 ? units[^2] + units[^1] : units[^1]), ("@lo", units.Length - max), ("@hi", units.Length + max));
        return rows.Select(r => (Row: r, D: AksharaDistance.Between(units, r[4].Split(AksharaDistance.Separator), max)))
            .Where(x => x.D > 0 && x.D <= max)
            .OrderBy(x => x.D).Take(limit * 4)
            .Select(x => Result(x.Row, 62 - (10 * x.D), SearchMode.Fuzzy, $"{x.D} akshara{(x.D == 1 ? "" : "s")} from {q}"))
            .OrderByDescending(r => r.Score).Take(limit);
    }

    private IEnumerable<SearchResult> Phonetic(string q, bool latin, int limit)
    {
        string key = latin ? PhoneticKey.OfLatin(q) : PhoneticKey.OfKannada(q);
        if (key.Length == 0)
            return [];
        string said = latin ? $"sounds like \"{q}\"" : $"sounds like {q}";
        var same = Query($"SELECT {Columns} FROM entries e WHERE e.phonetic = @k AND e.headword <> @q ORDER BY e.frequency DESC LIMIT @n",
                ("@k", key), ("@q", q), ("@n", limit))
            .Select(r => Result(r, latin ? 88 : 80, SearchMode.Phonetic, $"{said} ({key})"));
        if (!latin)
            return same;
        // Latin input is often a word being typed: keys that start with the typed key come next.
        var started = Query($"""
            SELECT {Columns} FROM entries e WHERE e.phonetic > @k AND e.phonetic < @hi ORDER BY e.frequency DESC LIMIT @n
            """, ("@k", key), ("@hi", key + "~"), ("@n", limit))
            .Select(r => Result(r, 70, SearchMode.Phonetic, $"starts like \"{q}\" ({key}…)"));
        return same.Concat(started);
    }

    private List<SearchResult> Readings(string q)
    {
        var results = new List<SearchResult>();
        foreach (var scheme in RomanSchemes.All)
        {
            string kannada = scheme.ToKannada(q);
            if (kannada == q)
                continue;
            results.AddRange(Exact(kannada).Select(r => r with { Score = 96, Mode = SearchMode.Phonetic, Reason = $"{scheme.Name} reading of \"{q}\"" }));
        }

        return results;
    }

    private IEnumerable<SearchResult> English(string q, int limit)
    {
        var words = q.Split([' ', '\t', ',', ';', '"', '\'', '(', ')', '*', ':', '-', '^', '+'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return [];
        var (sql, args) = _dialect.English(Columns, words);
        var rows = Query(sql, args);
        // Whole-gloss matches in the order their source lists them (a translation table puts the usual word first).
        return rows.OrderBy(r => string.Equals(r[4].Trim(), q, StringComparison.OrdinalIgnoreCase) ? long.Parse(r[6], System.Globalization.CultureInfo.InvariantCulture) : long.MaxValue)
            .Select(r =>
            {
                bool whole = string.Equals(r[4].Trim(), q, StringComparison.OrdinalIgnoreCase);
                // bm25 is negative, more negative is better; it only orders within the non-exact band.
                double rank = double.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture);
                return Result(r, whole ? 78 : 55 + Math.Min(10, -rank), SearchMode.English, whole ? $"English \"{r[4]}\"" : $"English gloss \"{r[4]}\"");
            })
            .OrderByDescending(r => r.Score).Take(limit);
    }

    private static SearchResult Result(string[] row, double score, SearchMode mode, string reason)
    {
        long freq = long.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture);
        // Frequency orders words inside one kind of match; it never lifts a word above a better kind of match.
        double boost = Math.Min(4.9, Math.Log10(1 + freq));
        return new SearchResult(row[0], reason, Math.Round(score + boost, 3), mode, row[1], row[2], freq);
    }

    private List<string[]> Query(string sql, params (string Name, object Value)[] args)
    {
        using var c = DbCommands.Create(_db, sql);
        foreach (var (n, v) in args)
            c.Add(n, v);
        var rows = new List<string[]>();
        using var r = c.ExecuteReader();
        while (r.Read())
        {
            var row = new string[r.FieldCount];
            for (int i = 0; i < row.Length; i++)
                row[i] = Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            rows.Add(row);
        }

        return rows;
    }
}
