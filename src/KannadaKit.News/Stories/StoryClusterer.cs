namespace KannadaKit.News.Stories;

/// <summary>
/// One story per event: MinHash signatures over akshara shingles of title and text, LSH for candidates, candidates
/// joined when their estimated similarity reaches the threshold, and joins made transitive (union-find), so an
/// agency report and its rewrites in three outlets become one story. Linear in the number of articles apart from the
/// candidates LSH proposes.
/// </summary>
public sealed class StoryClusterer
{
    private readonly StoryClusterOptions _options;
    private readonly MinHasher _hasher;

    /// <summary>A clusterer with <paramref name="options"/>.</summary>
    public StoryClusterer(StoryClusterOptions? options = null)
    {
        _options = options ?? new StoryClusterOptions();
        _hasher = new MinHasher(_options.Bands * _options.Rows, _options.Seed);
    }

    /// <summary>The signature of one article (title and text).</summary>
    public ulong[] Signature(StoryArticle a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return _hasher.Signature(AksharaShingles.Of(a.Title + "\n" + a.Text, _options.ShingleSize));
    }

    /// <summary>The stories, newest first (by their latest article).</summary>
    public IReadOnlyList<Story> Cluster(IEnumerable<StoryArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var list = articles.ToList();
        return Cluster(list, [.. list.Select(Signature)]);
    }

    /// <summary>The stories of articles whose signatures were made before (stored with them).</summary>
    public IReadOnlyList<Story> Cluster(IReadOnlyList<StoryArticle> list, IReadOnlyList<ulong[]> signatures)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(signatures);
        if (signatures.Count != list.Count)
            throw new ArgumentException($"{signatures.Count} signatures for {list.Count} articles", nameof(signatures));
        var index = new LshIndex<int>(_options.Bands, _options.Rows);
        var parent = Enumerable.Range(0, list.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
                i = parent[i] = parent[parent[i]];
            return i;
        }

        for (int i = 0; i < list.Count; i++)
        {
            foreach (int j in index.Candidates(signatures[i]))
            {
                if (MinHasher.Similarity(signatures[i], signatures[j]) >= _options.Threshold)
                    parent[Find(i)] = Find(j);
            }

            index.Add(i, signatures[i]);
        }

        return [.. Enumerable.Range(0, list.Count).GroupBy(Find).Select(g => MakeStory([.. g.Select(i => list[i])]))
            .OrderByDescending(s => s.Articles.Max(a => a.Published) ?? DateTimeOffset.MinValue)
            .ThenBy(s => s.Representative.Id, StringComparer.Ordinal)];
    }

    private static Story MakeStory(List<StoryArticle> members)
    {
        var rep = members.OrderByDescending(a => a.Text.Length).ThenBy(a => a.Published ?? DateTimeOffset.MaxValue).ThenBy(a => a.Id, StringComparer.Ordinal).First();
        var rest = members.Where(a => !ReferenceEquals(a, rep)).OrderBy(a => a.Published ?? DateTimeOffset.MaxValue).ThenBy(a => a.Id, StringComparer.Ordinal);
        return new Story(rep, [rep, .. rest]);
    }
}
