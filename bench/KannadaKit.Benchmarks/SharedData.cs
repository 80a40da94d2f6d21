namespace KannadaKit.Benchmarks;

/// <summary>Finds ../shared beside the repository root.</summary>
internal static class SharedData
{
    public static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KannadaKit.sln")))
            {
                string path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", relative));
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }

    public static string RepoRoot()
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
