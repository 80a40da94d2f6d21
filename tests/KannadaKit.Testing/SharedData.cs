namespace KannadaKit.Testing;

/// <summary>
/// Locates the licensed data in <c>../shared</c> beside the repository root. The data stays there (CC BY-SA must not
/// enter the repository); tests that need it skip with a visible reason when it is absent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> s_repoRoot = new(FindRepoRoot);

    /// <summary>The repository root (the folder holding KannadaKit.sln).</summary>
    public static string RepoRoot => s_repoRoot.Value;

    /// <summary>The shared folder, whether or not it exists.</summary>
    public static string Root => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>Full path of a file under ../shared.</summary>
    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>True when every listed file exists under ../shared.</summary>
    public static bool Has(params string[] relative) => relative.All(r => File.Exists(PathOf(r)));

    /// <summary>The skip reason for missing files, or null when all are present.</summary>
    public static string? SkipReasonFor(params string[] relative)
    {
        var missing = relative.Where(r => !File.Exists(PathOf(r))).ToList();
        return missing.Count == 0 ? null : $"needs ../shared/{string.Join(", ../shared/", missing)} (not present in this checkout)";
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KannadaKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KannadaKit.sln not found above " + AppContext.BaseDirectory);
    }
}
