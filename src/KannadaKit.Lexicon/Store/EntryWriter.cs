using System.Globalization;
using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Origins;
using KannadaKit.Lexicon.Phonetics;
using KannadaKit.Lexicon.Search;
using System.Data.Common;

namespace KannadaKit.Lexicon.Store;

/// <summary>Writes one source's entries inside an open transaction with prepared statements.</summary>
internal sealed class EntryWriter
{
    private readonly DbConnection _db;
    private readonly DbTransaction _tx;
    private readonly StoreDialect _dialect;
    private readonly long _source;
    private readonly HashSet<long> _touched = [];
    private readonly HashSet<long> _created = [];
    private readonly Dictionary<long, string> _words = [];
    private readonly DbCommand _find, _insertEntry, _clearSenses, _clearFacts, _clearForms, _sense, _fact, _form;

    public EntryWriter(DbConnection db, DbTransaction tx, long source, StoreDialect dialect)
    {
        _db = db;
        _tx = tx;
        _dialect = dialect;
        _source = source;
        _find = Prepare("SELECT id FROM entries WHERE headword = @h", "@h");
        _insertEntry = Prepare("""
            INSERT INTO entries(headword, phonetic, iso, ipa, first_ak, last_ak, ak_len, aks, last2)
            VALUES (@h, @p, @i, @a, @f, @l, @n, @k, @t) RETURNING id
            """, "@h", "@p", "@i", "@a", "@f", "@l", "@n", "@k", "@t");
        _clearSenses = Prepare("DELETE FROM senses WHERE entry_id = @e AND source_id = @s", "@e", "@s");
        _clearFacts = Prepare("DELETE FROM facts WHERE entry_id = @e AND source_id = @s", "@e", "@s");
        _clearForms = Prepare("DELETE FROM forms WHERE entry_id = @e AND source_id = @s", "@e", "@s");
        _sense = Prepare("""
            INSERT INTO senses(entry_id, source_id, pos, gloss, kn_gloss, qualifier, ref) VALUES (@e, @s, @p, @g, @k, @q, @r)
            """, "@e", "@s", "@p", "@g", "@k", "@q", "@r");
        _fact = Prepare("""
            INSERT INTO facts(entry_id, source_id, kind, text, extra, ref, number) VALUES (@e, @s, @k, @t, @x, @r, @n)
            """, "@e", "@s", "@k", "@t", "@x", "@r", "@n");
        _form = Prepare("INSERT INTO forms(form, entry_id, source_id, tags) VALUES (@f, @e, @s, @t)", "@f", "@e", "@s", "@t");
    }

    public long NewHeadwords { get; private set; }

    public long UpdatedHeadwords { get; private set; }

    public void Write(LexiconEntry e)
    {
        long id = EntryId(e.Headword);
        // A headword this import created has nothing to clear.
        if (_touched.Add(id) && !_created.Contains(id))
        {
            foreach (var c in new[] { _clearSenses, _clearFacts, _clearForms })
                Run(c, id, _source);
        }

        foreach (var s in e.Senses)
            Run(_sense, id, _source, s.PartOfSpeech, s.Gloss, s.KannadaGloss, s.Qualifier, s.Source.Reference);
        foreach (var x in e.Examples)
            Fact(id, "example", x.Text, x.Translation, x.Source.Reference, 0);
        foreach (var o in e.Origins)
            Fact(id, "origin", OriginClasses.Name(o.Class), LexiconStore.Json(o.Evidence), o.Source.Reference, o.Confidence);
        foreach (var t in e.Etymologies)
            Fact(id, "etymology", t.Text, LexiconStore.Json(t.Templates.Select(x => x.ToString())), t.Source.Reference, 0);
        foreach (var r in e.Relations)
            Fact(id, "relation", r.Target, RelationKinds.Name(r.Kind), r.Source.Reference, 0);
        foreach (var a in e.Attestations)
            Fact(id, "attested", "", "", a.Reference, 0);
        foreach (var f in e.Frequencies)
            Fact(id, "frequency", "", "", f.Source.Reference, f.Count);
        if (e.Pronunciation is { Ipa.Length: > 0 } p && p.Source.Source != Provenance.Computed.Source)
            Fact(id, "ipa", p.Ipa, p.Iso15919, p.Source.Reference, 0);
        foreach (var f in e.Forms)
            Run(_form, f.Form.Normalize(System.Text.NormalizationForm.FormC), id, _source, string.Join('|', f.Tags));
    }

    /// <summary>Re-classifies the origin of every touched entry and refreshes the summary columns.</summary>
    public void Finish(long classifierSource)
    {
        using var templates = Prepare("SELECT extra FROM facts WHERE entry_id = @e AND kind = 'etymology'", "@e");
        // "ORDER BY id + 0": with plain "id", PostgreSQL walks the primary key in order looking for the entry's rows
        // (quadratic over a build); this makes it fetch the entry's few senses by entry_id and sort them.
        using var summary = Prepare("""
            UPDATE entries SET
              frequency = coalesce((SELECT sum(number) FROM facts WHERE entry_id = @e AND kind = 'frequency'), 0),
              origin = coalesce((SELECT text FROM facts WHERE entry_id = @e AND kind = 'origin' AND text <> 'unknown' ORDER BY number DESC, id LIMIT 1), 'unknown'),
              origin_confidence = coalesce((SELECT number FROM facts WHERE entry_id = @e AND kind = 'origin' AND text <> 'unknown' ORDER BY number DESC, id LIMIT 1), 0),
              gloss = coalesce((SELECT gloss FROM senses WHERE entry_id = @e AND gloss <> '' ORDER BY id + 0 LIMIT 1), '')
            WHERE id = @e
            """, "@e");
        foreach (long id in _touched)
        {
            if (!_created.Contains(id))
                Run(_clearFacts, id, classifierSource);
            string word = _words[id];
            templates.Parameters[0].Value = id;
            var found = new List<EtymologyTemplate>();
            using (var r = templates.ExecuteReader())
            {
                while (r.Read())
                    found.AddRange(LexiconStore.FromJson(r.GetString(0)).Select(EtymologyTemplates.Parse).OfType<EtymologyTemplate>());
            }

            var origin = OriginClassifier.Classify(word, found);
            if (origin.Class != OriginClass.Unknown)
                Fact(id, "origin", OriginClasses.Name(origin.Class), LexiconStore.Json(origin.Evidence), "", origin.Confidence, classifierSource);
            Run(summary, id);
        }

        foreach (var c in new[] { _find, _insertEntry, _clearSenses, _clearFacts, _clearForms, _sense, _fact, _form })
            c.Dispose();
    }

    private long EntryId(string headword)
    {
        _find.Parameters[0].Value = headword;
        if (_find.ExecuteScalar() is long id)
        {
            if (!_touched.Contains(id))
                UpdatedHeadwords++;
            _words[id] = headword;
            return id;
        }

        // Segmented once: the fuzzy-search shape columns all come from these units, stored so queries never segment.
        var units = AksharaDistance.Units(headword);
        var p = Pronouncer.Of(headword);
        _insertEntry.Parameters[0].Value = headword;
        _insertEntry.Parameters[1].Value = PhoneticKey.OfKannada(headword);
        _insertEntry.Parameters[2].Value = p.Iso15919;
        _insertEntry.Parameters[3].Value = p.Ipa;
        _insertEntry.Parameters[4].Value = units.Length > 0 ? units[0] : "";
        _insertEntry.Parameters[5].Value = units.Length > 0 ? units[^1] : "";
        _insertEntry.Parameters[6].Value = units.Length;
        _insertEntry.Parameters[7].Value = string.Join(AksharaDistance.Separator, units);
        _insertEntry.Parameters[8].Value = units.Length >= 2 ? units[^2] + units[^1] : "";
        NewHeadwords++;
        long created = Convert.ToInt64(_insertEntry.ExecuteScalar(), CultureInfo.InvariantCulture);
        _created.Add(created);
        _words[created] = headword;
        return created;
    }

    private void Fact(long id, string kind, string text, string extra, string reference, double number, long? source = null) =>
        Run(_fact, id, source ?? _source, kind, text, extra, reference, number);

    private DbCommand Prepare(string sql, params string[] names)
    {
        var c = DbCommands.Create(_db, sql, _tx);
        foreach (var n in names)
            c.Add(n, null);
        if (_dialect.PrepareStatements)
            c.Prepare();
        return c;
    }

    private static void Run(DbCommand c, params object[] values)
    {
        for (int i = 0; i < values.Length; i++)
            c.Parameters[i].Value = values[i];
        c.ExecuteNonQuery();
    }
}
