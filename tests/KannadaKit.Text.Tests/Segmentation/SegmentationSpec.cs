using KannadaKit.Text.Tests.Normalization;

namespace KannadaKit.Text.Tests.Segmentation;

/// <summary>A row of a segmentation spec file: input and the expected units separated by |.</summary>
public sealed record SegmentationSpec(string File, int Line, string Input, string[] Units, string Why, string Options = ".", string[]? Kinds = null)
{
    public override string ToString() => $"{File}:{Line} {Why}";

    /// <summary>The rows of a spec file as theory data.</summary>
    public static TheoryData<SegmentationSpec> TheoryData(string file)
    {
        var data = new TheoryData<SegmentationSpec>();
        foreach (var s in Load(file))
        {
            data.Add(s);
        }

        return data;
    }

    public static IEnumerable<SegmentationSpec> Load(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Specs", file);
        int n = 0;
        foreach (string line in System.IO.File.ReadLines(path))
        {
            n++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] f = line.Split('\t');
            if (f.Length == 5)
            {
                // options, input, units, kinds, why
                string[] tokens = [.. f[2].Split('|').Select(NormalizationSpec.Unescape)];
                yield return new SegmentationSpec(file, n, NormalizationSpec.Unescape(f[1]), tokens, f[4], f[0], f[3].Split(' '));
                continue;
            }

            if (f.Length != 3)
            {
                throw new FormatException($"{path}:{n}: expected 3 or 5 tab-separated fields, found {f.Length}");
            }

            string[] units = [.. f[1].Split('|').Select(NormalizationSpec.Unescape)];
            yield return new SegmentationSpec(file, n, NormalizationSpec.Unescape(f[0]), units, f[2]);
        }
    }
}
