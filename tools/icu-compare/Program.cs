// Runs every ICU transform KannadaKit offers through icu.net (the system libicu) and ICU4N on the same lines and
// prints, per transform, how many lines differ and the commonest first differences; the differing lines go to
// icu-diff-<id>.txt (line number, input, icu.net, ICU4N). X→Kannada is fed icu.net's Kannada→X output.
//   dotnet run -c Release --project tools/icu-compare -- ../shared/corpora/dakshina-kn/kn.wiki-valid.5MB.txt
using System.Diagnostics;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: icu-compare CORPUS.txt");
    return 2;
}
var lines = File.ReadAllLines(args[0]);
string[] scripts = ["Devanagari", "Telugu", "Tamil", "Malayalam", "Bengali", "Gujarati", "Gurmukhi", "Oriya"];
var kannadaTo = new Dictionary<string, string[]>();
Console.WriteLine($"{lines.Length} lines, {lines.Sum(l => l.Length)} UTF-16 units; icu.net over libicu {Icu.Wrapper.IcuVersion}, ICU4N 60.1");
foreach (var s in scripts)
{
    kannadaTo[s] = Compare($"Kannada-{s}", lines);
}
foreach (var s in scripts)
{
    Compare($"{s}-Kannada", kannadaTo[s]);
}
var latin = Compare("Kannada-Latin", lines);
Compare("Latin-Kannada", latin);
Compare("Any-Latin", lines);
return 0;

string[] Compare(string id, string[] input)
{
    using var native = Icu.Transliterator.CreateInstance(id);
    var managed = ICU4N.Text.Transliterator.GetInstance(id);
    var clock = Stopwatch.StartNew();
    var a = input.Select(l => l.Length == 0 ? l : native.Transliterate(l)).ToArray();
    var ta = clock.Elapsed.TotalSeconds;
    clock.Restart();
    var b = input.Select(l => l.Length == 0 ? l : managed.Transliterate(l)).ToArray();
    var tb = clock.Elapsed.TotalSeconds;
    var differing = Enumerable.Range(0, input.Length).Where(i => a[i] != b[i]).ToList();
    Console.WriteLine($"{id,-20} differing lines {differing.Count,6} of {input.Length}   icu.net {ta:F2} s   ICU4N {tb:F2} s");
    var firsts = differing.GroupBy(i => $"{Around(a[i], b[i])}").OrderByDescending(g => g.Count()).Take(5);
    foreach (var g in firsts)
    {
        Console.WriteLine($"    {g.Count(),6} × {g.Key}");
    }
    if (differing.Count > 0)
    {
        File.WriteAllLines($"icu-diff-{id}.txt", differing.Select(i => $"{i + 1}\t{input[i]}\t{a[i]}\t{b[i]}"));
    }
    return a;
}

static string Around(string x, string y)
{
    var p = 0;
    while (p < x.Length && p < y.Length && x[p] == y[p])
    {
        p++;
    }
    return $"icu.net {Codes(x, p)} / ICU4N {Codes(y, p)}";
}

static string Codes(string s, int p) => p >= s.Length ? "<end>"
    : string.Join(' ', s[p..Math.Min(s.Length, p + 3)].Select(c => $"U+{(int)c:X4}"));
