using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KannadaKit.Lexicon.Ellara;
using KannadaKit.Lexicon.Json;
using KannadaKit.Lexicon.Model;
using KannadaKit.Lexicon.Morphology;
using KannadaKit.Lexicon.Suggestions;

namespace KannadaKit.Web;

/// <summary>
/// The server-rendered pages. Every piece of lexicon text goes through one HTML encoder (imported glosses may hold
/// markup), Kannada stays readable in the source, and the search script builds the list with textContent only.
/// </summary>
internal static class HtmlPages
{
    private static readonly HtmlEncoder s_html = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body{font-family:"Noto Sans Kannada","Noto Serif Kannada","Noto Sans",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.7;color:#202122}
        h1{font-family:"Noto Serif Kannada","Noto Sans Kannada",serif;font-size:2.4rem;margin:.2rem 0}
        h2{border-bottom:1px solid #a2a9b1;font-weight:normal;font-family:"Noto Serif Kannada",serif;margin-top:1.6rem}
        .pron{color:#54595d}.src{color:#72777d;font-size:.8em}.badge{background:#eaecf0;border-radius:3px;padding:0 .4em;font-size:.85em}
        .suggest{border-left:4px solid #fc3;background:#fef6e7;padding:.4rem .8rem}
        table{border-collapse:collapse}td,th{border:1px solid #c8ccd1;padding:.15rem .6rem;text-align:left}th{background:#eaecf0;font-weight:normal}
        #q{font:inherit;font-size:1.3rem;width:100%;padding:.4rem;box-sizing:border-box}
        #suggestions{list-style:none;padding:0}#suggestions li{padding:.2rem 0}#suggestions small{color:#72777d;margin-left:.6rem}
        """;

    public static string Search() => Page("ಪದನೆರಕೆ · KannadaKit lexicon", """
        <h1>ಪದನೆರಕೆ</h1>
        <p>Search in Kannada, in Latin letters (<i>kannada</i>, <i>kannaDa</i>) or in English.</p>
        <input id="q" type="search" autocomplete="off" autofocus placeholder="ಕನ್ನಡ / kannada / language" aria-label="search">
        <ul id="suggestions" role="listbox"></ul>
        <script>
        const q = document.getElementById('q'), list = document.getElementById('suggestions');
        let timer = 0, asked = 0;
        q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(ask, 120); });
        async function ask() {
          const text = q.value.trim(), n = ++asked;
          if (!text) { list.replaceChildren(); return; }
          const r = await fetch('/api/search?limit=8&q=' + encodeURIComponent(text));
          if (n !== asked) return;
          const items = r.ok ? await r.json() : [];
          list.replaceChildren(...items.map(i => {
            const li = document.createElement('li'), a = document.createElement('a'), s = document.createElement('small');
            a.href = '/entry/' + encodeURIComponent(i.headword); a.textContent = i.headword; a.setAttribute('role', 'option');
            s.textContent = i.reason + (i.gloss ? ' · ' + i.gloss : '');
            li.append(a, s); return li;
          }));
        }
        </script>
        """);

    /// <summary>An entry page laid out like Wiktionary's.</summary>
    /// <param name="e">The entry.</param>
    /// <param name="suggestions">The rivals' report, or null for native words.</param>
    /// <param name="pending">Proposals about the word awaiting review; negative when the server takes no proposals.</param>
    public static string Entry(LexiconEntry e, SuggestionReport? suggestions, int pending = -1)
    {
        var c = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        string ellara = new EllaraRespeller(EllaraOptions.Default).Respell(e.Headword);
        b.Append("<p><a href=\"/\">← ಹುಡುಕು / search</a></p>");
        b.Append("<h1 lang=\"kn\">").Append(H(e.Headword)).Append("</h1>");
        if (e.Pronunciation is { } p)
            b.Append(c, $"<p class=\"pron\">{H(p.Iso15919)} · /{H(p.Ipa)}/").Append(ellara != e.Headword ? $" · ಹೊಸಬರಹ <span lang=\"kn\">{H(ellara)}</span>" : "").Append("</p>");
        if (e.TotalFrequency > 0)
            b.Append(c, $"<p class=\"src\">corpus count {e.TotalFrequency:N0}</p>");

        if (e.BestOrigin is not null || e.Etymologies.Count > 0)
        {
            b.Append("<h2>Etymology and origin</h2>");
            foreach (var t in e.Etymologies)
                b.Append("<p>").Append(H(t.Text)).Append(' ').Append(Src(t.Source)).Append("</p>");
            if (e.BestOrigin is { } best)
            {
                b.Append(c, $"<p>Origin: <span class=\"badge\">{H(OriginClasses.Name(best.Class))} · {H(OriginClasses.KannadaName(best.Class))}</span> confidence {best.Confidence:0.00} {Src(best.Source)}</p><ul>");
                foreach (var ev in best.Evidence)
                    b.Append("<li>").Append(H(ev)).Append("</li>");
                b.Append("</ul>");
                foreach (var other in e.Origins.Where(x => x.Class != best.Class))
                    b.Append(c, $"<p class=\"src\">disagrees: {H(OriginClasses.Name(other.Class))} {other.Confidence:0.00} {Src(other.Source)}</p>");
            }
        }

        foreach (var g in e.Senses.GroupBy(s => s.PartOfSpeech.Length > 0 ? s.PartOfSpeech : "senses"))
        {
            b.Append("<h2>").Append(H(char.ToUpperInvariant(g.Key[0]) + g.Key[1..])).Append("</h2><ol>");
            foreach (var s in g)
            {
                b.Append("<li>");
                if (s.Qualifier.Length > 0)
                    b.Append("<i>(").Append(H(s.Qualifier)).Append(")</i> ");
                b.Append(H(string.Join(" — ", new[] { s.Gloss, s.KannadaGloss }.Where(x => x.Length > 0)))).Append(' ').Append(Src(s.Source)).Append("</li>");
            }

            b.Append("</ol>");
        }

        if (e.Examples.Count > 0)
        {
            b.Append("<h2>Examples</h2><ul>");
            foreach (var x in e.Examples)
                b.Append("<li lang=\"kn\">").Append(H(x.Text)).Append(x.Translation.Length > 0 ? " — <i>" + H(x.Translation) + "</i>" : "").Append(' ').Append(Src(x.Source)).Append("</li>");
            b.Append("</ul>");
        }

        var natives = e.Relations.Where(r => r.Kind == RelationKind.NativeEquivalent).ToList();
        bool native = e.BestOrigin?.Class == OriginClass.Native;
        if (!native || natives.Count > 0)
            b.Append("<h2>Native equivalents · ಅಚ್ಚಗನ್ನಡ</h2>");
        if (natives.Count > 0)
        {
            b.Append("<ul>");
            foreach (var r in natives)
                b.Append("<li>").Append(Link(r.Target)).Append(' ').Append(Src(r.Source)).Append("</li>");
            b.Append("</ul>");
        }

        if (suggestions is { Suggestions.Count: > 0 })
        {
            b.Append("<div class=\"suggest\"><p><b>Suggestions</b> (not attested; proposed by independent rivals and ranked by a judge):</p><ol>");
            foreach (var s in suggestions.Suggestions.Take(5))
            {
                b.Append("<li>").Append(Link(s.Word)).Append(c, $" <span class=\"src\">{s.Score:0.00}</span><ul>");
                foreach (var rp in s.Proposals)
                    b.Append("<li>").Append(H(rp.Rival)).Append(": ").Append(H(rp.Reason)).Append("</li>");
                foreach (var ev in s.Evidence)
                    b.Append("<li>judge: ").Append(H(ev)).Append("</li>");
                b.Append("</ul></li>");
            }

            b.Append("</ol>");
            if (suggestions.RivalsDisagree)
                b.Append("<p>Rivals disagree: ").Append(H(string.Join("; ", suggestions.TopPicks.Select(kv => $"{kv.Key} → {kv.Value}")))).Append("</p>");
            b.Append("</div>");
        }
        else if (natives.Count == 0 && !native)
        {
            b.Append("<p class=\"src\">None known.</p>");
        }

        foreach (var r in e.Relations.Where(r => r.Kind != RelationKind.NativeEquivalent).GroupBy(r => r.Kind))
        {
            b.Append("<h2>").Append(H(RelationKinds.Name(r.Key))).Append("</h2><p>");
            b.Append(string.Join(", ", r.Select(x => x.Target).Distinct().Select(Link))).Append("</p>");
        }

        foreach (var (paradigm, forms) in InflectionTable.For(e))
        {
            b.Append("<h2>Inflection</h2><p class=\"src\">").Append(H(Paradigms.Caption(paradigm))).Append(", computed</p><table><tr><th>case</th><th>form</th></tr>");
            foreach (var f in forms)
                b.Append("<tr><td>").Append(H(f.Tag)).Append("</td><td lang=\"kn\">").Append(H(f.Form)).Append("</td></tr>");
            b.Append("</table>");
        }

        if (e.Forms.Count > 0)
            b.Append("<h2>Attested forms</h2><p lang=\"kn\">").Append(H(string.Join(", ", e.Forms.Select(f => f.Form)))).Append("</p>");

        b.Append("<h2>Sources and licences</h2><ul>");
        foreach (var s in LexiconJsonWriter.Sources(e))
            b.Append("<li>").Append(H(s.Source)).Append(" — ").Append(H(s.Licence)).Append("</li>");
        b.Append("</ul>");
        if (pending >= 0)
            b.Append(ProposeForm(e.Headword, pending));
        return Page(e.Headword + " · ಪದನೆರಕೆ", b.ToString());
    }

    public static string Message(string title, string text) =>
        Page(title + " · ಪದನೆರಕೆ", $"<p><a href=\"/\">← search</a></p><h1>{H(title)}</h1><p>{H(text)}</p>");

    /// <summary>The reviewers' page: the token stays in the tab (sessionStorage) and goes out only as a bearer header.</summary>
    public static string Review() => Page("review · ಪದನೆರಕೆ", """
        <p><a href="/">← ಹುಡುಕು / search</a></p>
        <h1>Review · ಪರಿಶೀಲನೆ</h1>
        <p>Proposals from readers. Accepting one files it in the lexicon under the <i>review</i> source (CC0); rejecting keeps it on record only.</p>
        <p><input id="token" type="password" autocomplete="off" placeholder="review token" aria-label="review token">
        <button id="load">Load pending</button> <span id="status" role="status"></span></p>
        <table id="queue"><thead><tr><th>#</th><th>headword</th><th>kind</th><th>text</th><th>note</th><th>by</th><th></th></tr></thead><tbody></tbody></table>
        <script>
        const token = document.getElementById('token'), status = document.getElementById('status'), body = document.querySelector('#queue tbody');
        token.value = sessionStorage.getItem('review-token') || '';
        const auth = () => ({ 'Authorization': 'Bearer ' + token.value, 'Content-Type': 'application/json' });
        async function load() {
          sessionStorage.setItem('review-token', token.value);
          const r = await fetch('/api/proposals?status=pending', { headers: auth() });
          if (!r.ok) { status.textContent = (await r.json()).error; body.replaceChildren(); return; }
          const items = await r.json();
          status.textContent = items.length + ' pending';
          body.replaceChildren(...items.map(p => {
            const tr = document.createElement('tr');
            const cell = t => { const td = document.createElement('td'); td.textContent = t; tr.append(td); return td; };
            cell('#' + p.id);
            const a = document.createElement('a'); a.href = '/entry/' + encodeURIComponent(p.headword); a.textContent = p.headword; a.lang = 'kn';
            cell('').append(a); cell(p.kind); cell(p.text).lang = 'kn'; cell(p.note); cell(p.contributor);
            const act = cell('');
            for (const verdict of ['accept', 'reject']) {
              const b = document.createElement('button'); b.textContent = verdict; b.dataset.verdict = verdict;
              b.addEventListener('click', async () => {
                const v = await fetch('/api/proposals/' + p.id + '/' + verdict, { method: 'POST', headers: auth(), body: '{}' });
                status.textContent = v.ok ? '#' + p.id + ' ' + verdict + 'ed' : (await v.json()).error;
                if (v.ok) tr.remove();
              });
              act.append(b);
            }
            return tr;
          }));
        }
        document.getElementById('load').addEventListener('click', load);
        if (token.value) load();
        </script>
        """);

    private static string ProposeForm(string headword, int pending)
    {
        var b = new StringBuilder("<h2>Propose · ಸಲಹೆ</h2>");
        if (pending > 0)
            b.Append(CultureInfo.InvariantCulture, $"<p class=\"src\">{pending} proposal{(pending == 1 ? " for this word awaits" : "s for this word await")} review.</p>");
        b.Append("<form id=\"propose\" data-headword=\"").Append(H(headword)).Append("\">");
        b.Append("""
            <p><select id="kind" aria-label="kind"><option value="native_equivalent">native equivalent · ಅಚ್ಚಗನ್ನಡ</option>
            <option value="gloss">English gloss</option><option value="kannada_gloss">Kannada gloss · ಅರ್ಥ</option><option value="example">example · ಬಳಕೆ</option></select>
            <input id="text" required maxlength="500" aria-label="text" placeholder="ಪದ / gloss / sentence"></p>
            <p><input id="note" maxlength="1000" aria-label="note" placeholder="source or reason (optional)">
            <input id="contributor" maxlength="100" aria-label="your name" placeholder="your name (optional)">
            <button type="submit">Send for review</button></p>
            <p class="src">Released under CC0; it reaches the lexicon only when a reviewer accepts it.</p><p id="sent" role="status"></p></form>
            <script>
            const form = document.getElementById('propose'), sent = document.getElementById('sent');
            form.addEventListener('submit', async ev => {
              ev.preventDefault();
              const v = id => document.getElementById(id).value;
              const r = await fetch('/api/proposals', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ headword: form.dataset.headword, kind: v('kind'), text: v('text'), note: v('note'), contributor: v('contributor') }) });
              const j = await r.json();
              sent.textContent = r.ok ? 'Queued as #' + j.id + '; awaiting review.' : j.error;
              if (r.ok) form.reset();
            });
            </script>
            """);
        return b.ToString();
    }

    public static string NotFound(string headword) =>
        Page("not found · ಪದನೆರಕೆ", $"<p><a href=\"/\">← search</a></p><h1>{H(headword)}</h1><p>No entry. Try the search.</p>");

    private static string Page(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"kn\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{H(title)}</title><style>{Style}</style></head><body>{body}</body></html>";

    private static string Link(string word) => $"<a lang=\"kn\" href=\"/entry/{Uri.EscapeDataString(word)}\">{H(word)}</a>";

    private static string Src(Provenance p) =>
        p.Reference.StartsWith("https://", StringComparison.Ordinal)
            ? $"<a class=\"src\" href=\"{H(p.Reference)}\">[{H(p.Source)}]</a>"
            : $"<span class=\"src\" title=\"{H(p.Licence)}\">[{H(p.Source)}]</span>";

    private static string H(string s) => s_html.Encode(s);
}
