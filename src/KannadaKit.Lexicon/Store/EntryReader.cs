using KannadaKit.Lexicon.Model;
using System.Data.Common;

namespace KannadaKit.Lexicon.Store;

/// <summary>Reads one entry with every source's facts.</summary>
internal static class EntryReader
{
    public static LexiconEntry? Read(DbConnection db, StoreDialect dialect, string headword)
    {
        using var c = DbCommands.Create(db, "SELECT id, iso, ipa FROM entries WHERE headword = @h", null, ("@h", headword));
        long id;
        string iso, ipa;
        using (var r = c.ExecuteReader())
        {
            if (!r.Read())
                return null;
            (id, iso, ipa) = (r.GetInt64(0), r.GetString(1), r.GetString(2));
        }

        var senses = new List<Sense>();
        c.Parameters.Clear();
        c.Add("@e", id);
        c.CommandText = """
            SELECT s.pos, s.gloss, s.kn_gloss, s.qualifier, s.ref, src.name, src.licence
            FROM senses s JOIN sources src ON src.id = s.source_id WHERE s.entry_id = @e ORDER BY s.id
            """;
        using (var r = c.ExecuteReader())
        {
            while (r.Read())
                senses.Add(new Sense(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), new Provenance(r.GetString(5), r.GetString(6), r.GetString(4))));
        }

        var examples = new List<UsageExample>();
        var origins = new List<Origin>();
        var etymologies = new List<Etymology>();
        var relations = new List<Relation>();
        var frequencies = new List<Frequency>();
        var attestations = new List<Provenance>();
        Pronunciation pronunciation = new(iso, ipa, Provenance.Computed);
        c.CommandText = """
            SELECT f.kind, f.text, f.extra, f.ref, f.number, src.name, src.licence
            FROM facts f JOIN sources src ON src.id = f.source_id WHERE f.entry_id = @e ORDER BY f.id
            """;
        using (var r = c.ExecuteReader())
        {
            while (r.Read())
            {
                var p = new Provenance(r.GetString(5), r.GetString(6), r.GetString(3));
                string text = r.GetString(1), extra = r.GetString(2);
                double number = r.GetDouble(4);
                switch (r.GetString(0))
                {
                    case "example":
                        examples.Add(new UsageExample(text, extra, p));
                        break;
                    case "origin":
                        origins.Add(new Origin(OriginClasses.Parse(text), number, LexiconStore.FromJson(extra), p));
                        break;
                    case "etymology":
                        etymologies.Add(new Etymology(text, [.. LexiconStore.FromJson(extra).Select(EtymologyTemplates.Parse).OfType<EtymologyTemplate>()], p));
                        break;
                    case "relation":
                        relations.Add(new Relation(RelationKinds.Parse(extra), text, p));
                        break;
                    case "frequency":
                        frequencies.Add(new Frequency((long)number, p));
                        break;
                    case "attested":
                        attestations.Add(p);
                        break;
                    case "ipa":
                        pronunciation = new Pronunciation(iso, text, p);
                        break;
                }
            }
        }

        var forms = new List<InflectedForm>();
        c.CommandText = "SELECT f.form, f.tags, src.name, src.licence FROM forms f JOIN sources src ON src.id = f.source_id WHERE f.entry_id = @e ORDER BY " + dialect.FormsOrder;
        using (var r = c.ExecuteReader())
        {
            while (r.Read())
                forms.Add(new InflectedForm(r.GetString(0), r.GetString(1).Split('|', StringSplitOptions.RemoveEmptyEntries), new Provenance(r.GetString(2), r.GetString(3))));
        }

        return new LexiconEntry(headword)
        {
            Senses = senses,
            Examples = examples,
            Origins = [.. origins.OrderByDescending(o => o.Confidence)],
            Etymologies = etymologies,
            Relations = relations,
            Frequencies = frequencies,
            Attestations = attestations,
            Pronunciation = pronunciation,
            Forms = forms,
        };
    }
}
