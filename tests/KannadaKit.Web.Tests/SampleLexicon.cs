using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Store;
using KannadaKit.Testing;

namespace KannadaKit.Web.Tests;

/// <summary>The repository's sample lexicon (corpora/lexicon/kn-sample-entries.csv, CC0), optionally with more files.</summary>
internal static class SampleLexicon
{
    public static string Entries => Path.Combine(SharedData.RepoRoot, "corpora", "lexicon", "kn-sample-entries.csv");

    public static string NewsCorpus => Path.Combine(SharedData.RepoRoot, "corpora", "samples", "kn-news-sample.txt");

    /// <summary>Creates <paramref name="location"/> (a file or a PostgreSQL connection string) from the sample and <paramref name="more"/>.</summary>
    public static string Build(string location, params (string Path, ImportFormat? Format)[] more)
    {
        using var store = LexiconStore.Open(location, create: true);
        foreach (var (path, format) in new[] { (Entries, (ImportFormat?)null) }.Concat(more))
        {
            var source = SourceFile.Open(path, format, "CC0");
            store.Import(source.Source, source.Entries());
        }

        return location;
    }
}
