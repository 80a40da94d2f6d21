using System.Globalization;
using KannadaKit.Lexicon.Ellara;
using KannadaKit.Lexicon.Json;
using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Morphology;

namespace KannadaKit.Cli.Commands;

/// <summary>An entry as text for the terminal, in the order a Wiktionary page reads.</summary>
internal static class LexiconEntryText
{
    public static void Write(TextWriter o, LexiconEntry e)
    {
        var c = CultureInfo.InvariantCulture;
        string ellara = new EllaraRespeller(EllaraOptions.Default).Respell(e.Headword);
        o.WriteLine(e.Headword + (ellara != e.Headword ? $"  (ಹೊಸಬರಹ {ellara})" : ""));
        if (e.Pronunciation is { } p)
            o.WriteLine($"  {p.Iso15919}  /{p.Ipa}/");
        if (e.TotalFrequency > 0)
            o.WriteLine(string.Create(c, $"  corpus count {e.TotalFrequency:N0}"));
        if (e.BestOrigin is { } best)
        {
            o.WriteLine();
            o.WriteLine(string.Create(c, $"Origin: {OriginClasses.Name(best.Class)} ({OriginClasses.KannadaName(best.Class)}), confidence {best.Confidence:0.00} [{best.Source.Source}]"));
            foreach (var ev in best.Evidence)
                o.WriteLine("  - " + ev);
            foreach (var other in e.Origins.Skip(1).Where(x => x.Class != best.Class))
                o.WriteLine(string.Create(c, $"  disagrees: {OriginClasses.Name(other.Class)} {other.Confidence:0.00} [{other.Source.Source}]"));
        }

        foreach (var t in e.Etymologies)
        {
            o.WriteLine();
            o.WriteLine($"Etymology [{t.Source.Source}]: {t.Text}");
            if (t.Templates.Count > 0)
                o.WriteLine("  " + string.Join(" ", t.Templates));
        }

        foreach (var g in e.Senses.GroupBy(s => s.PartOfSpeech.Length > 0 ? s.PartOfSpeech : "(part of speech not given)"))
        {
            o.WriteLine();
            o.WriteLine(g.Key);
            int n = 0;
            foreach (var s in g)
            {
                string text = string.Join(" — ", new[] { s.Gloss, s.KannadaGloss }.Where(x => x.Length > 0));
                string q = s.Qualifier.Length > 0 ? $" ({s.Qualifier})" : "";
                o.WriteLine(string.Create(c, $"  {++n}. {text}{q} [{s.Source.Source}]"));
            }
        }

        if (e.Examples.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Examples");
            foreach (var x in e.Examples)
                o.WriteLine($"  • {x.Text}{(x.Translation.Length > 0 ? " — " + x.Translation : "")} [{x.Source.Source}{(x.Source.Reference.Length > 0 ? " " + x.Source.Reference : "")}]");
        }

        foreach (var group in e.Relations.GroupBy(r => r.Kind))
        {
            o.WriteLine();
            o.WriteLine(RelationKinds.Name(group.Key).Replace('-', ' ') + ": " + string.Join(", ", group.Select(r => r.Target).Distinct()));
        }

        if (e.Forms.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Attested forms: " + string.Join(", ", e.Forms.Take(30).Select(f => f.Tags.Count > 0 ? $"{f.Form} ({string.Join(' ', f.Tags)})" : f.Form))
                + (e.Forms.Count > 30 ? string.Create(c, $" … {e.Forms.Count - 30} more") : ""));
        }

        foreach (var (paradigm, forms) in InflectionTable.For(e))
        {
            o.WriteLine();
            o.WriteLine($"Inflection, {Paradigms.Caption(paradigm)} (computed):");
            int width = forms.Max(f => f.Tag.Length);
            foreach (var f in forms)
                o.WriteLine($"  {f.Tag.PadRight(width)}  {f.Form}");
        }

        o.WriteLine();
        o.WriteLine("Sources: " + string.Join("; ", LexiconJsonWriter.Sources(e).Select(s => $"{s.Source} ({s.Licence})")));
    }
}
