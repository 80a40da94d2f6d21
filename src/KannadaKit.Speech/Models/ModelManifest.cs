using System.Text.Json;

namespace KannadaKit.Speech.Models;

/// <summary>
/// <c>models/manifest.json</c>: the models <c>kannadakit models</c> lists, pulls and verifies. Read with a one-line
/// error naming the file and the entry at fault.
/// </summary>
public sealed class ModelManifest
{
    private ModelManifest(string path, IReadOnlyList<ModelEntry> entries, IReadOnlyList<ModelRecipe> recipes)
    {
        Path = path;
        Entries = entries;
        Recipes = recipes;
    }

    /// <summary>The manifest file.</summary>
    public string Path { get; }

    /// <summary>Entries in file order.</summary>
    public IReadOnlyList<ModelEntry> Entries { get; }

    /// <summary>Models to export rather than download (the <c>exports</c> array), in file order.</summary>
    public IReadOnlyList<ModelRecipe> Recipes { get; }

    /// <summary>The entry called <paramref name="name"/>.</summary>
    /// <exception cref="MediaException">No such entry (the message lists the names, or says how to export a recipe).</exception>
    public ModelEntry Find(string name)
    {
        if (Entries.FirstOrDefault(e => e.Name == name) is { } entry)
            return entry;
        if (Recipes.FirstOrDefault(r => r.Name == name) is { } recipe)
            throw new MediaException($"{Path}: '{name}' is exported, not downloaded: {string.Join(" && ", recipe.Export)}; then {recipe.Use}");
        throw new MediaException($"{Path}: no model '{name}' (known: {string.Join(", ", Entries.Select(e => e.Name).Concat(Recipes.Select(r => r.Name)))})");
    }

    /// <summary>Reads a manifest.</summary>
    /// <exception cref="MediaException">Missing, not JSON, or an entry without a required field.</exception>
    public static ModelManifest Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!System.IO.File.Exists(path))
        {
            throw new MediaException($"{path}: model manifest not found");
        }

        try
        {
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
            var list = new List<ModelEntry>();
            int index = 0;
            foreach (var e in doc.RootElement.GetProperty("models").EnumerateArray())
            {
                string Req(string field) => e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0
                    ? v.GetString()!
                    : throw new MediaException($"{path}: models[{index}]: missing \"{field}\"");
                string? Opt(string field) => e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var entry = new ModelEntry(Req("name"), Req("file"), Req("url"), Req("checksum"), Req("licence"), Opt("description") ?? "")
                {
                    Size = e.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null,
                    Member = Opt("member"),
                    ArchiveChecksum = Opt("archive_checksum"),
                    Kind = Opt("kind") ?? "whisper",
                };
                Checksums.Parse(entry.Checksum, $"{path}: models[{index}]");
                if (entry.File.Contains('/', StringComparison.Ordinal) || entry.File.Contains('\\', StringComparison.Ordinal) || entry.File.StartsWith('.'))
                {
                    throw new MediaException($"{path}: models[{index}]: \"file\" must be a plain file name");
                }

                list.Add(entry);
                index++;
            }

            var recipes = new List<ModelRecipe>();
            if (doc.RootElement.TryGetProperty("exports", out var exports))
            {
                index = 0;
                foreach (var e in exports.EnumerateArray())
                {
                    string Req(string field) => e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Length > 0
                        ? v.GetString()!
                        : throw new MediaException($"{path}: exports[{index}]: missing \"{field}\"");
                    var steps = e.TryGetProperty("export", out var x) && x.ValueKind == JsonValueKind.Array
                        ? x.EnumerateArray().Select(s => s.GetString() ?? "").Where(s => s.Length > 0).ToList()
                        : [];
                    if (steps.Count == 0)
                        throw new MediaException($"{path}: exports[{index}]: missing \"export\" (the commands that make the ONNX folder)");
                    recipes.Add(new ModelRecipe(Req("name"), Req("kind"), Req("source"), Req("licence"), Req("description"), steps, Req("use"))
                    {
                        Notes = e.TryGetProperty("notes", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "",
                    });
                    index++;
                }
            }

            return new ModelManifest(path, list, recipes);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new MediaException($"{path}: not a model manifest ({e.Message})", e);
        }
    }
}
