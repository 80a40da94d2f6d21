namespace KannadaKit.Subtitles.Tests;

/// <summary>Rows of a tab-separated spec file next to the tests; '#' lines are comments.</summary>
internal static class SpecFile
{
    public static IEnumerable<string[]> Rows(string name) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Spec", name))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'));
}
