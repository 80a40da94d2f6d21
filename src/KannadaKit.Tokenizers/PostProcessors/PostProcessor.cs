using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PostProcessors;

/// <summary>A tokenizer.json "post_processor": adds special tokens and segment ids, may adjust offsets.</summary>
internal abstract class PostProcessor
{
    /// <summary>Processes one or two encoded sequences; may merge them into one list.</summary>
    public abstract List<List<Tok>> Process(List<List<Tok>> sequences, bool addSpecialTokens);

    /// <summary>Number of special tokens added to a single sequence.</summary>
    public int AddedTokens(bool pair)
    {
        var sequences = pair ? new List<List<Tok>> { new(), new() } : [new()];
        return Process(sequences, true).Sum(s => s.Count);
    }

    protected static List<List<Tok>> One(List<Tok> tokens) => [tokens];
}

/// <summary>"Sequence": processors applied in order, each to what the previous returned.</summary>
internal sealed class SequenceProcessor(IReadOnlyList<PostProcessor> steps) : PostProcessor
{
    public override List<List<Tok>> Process(List<List<Tok>> sequences, bool addSpecialTokens)
    {
        foreach (var step in steps)
        {
            sequences = step.Process(sequences, addSpecialTokens);
        }

        return sequences;
    }
}

/// <summary>One element of a template: a special token or sequence A/B, each with its segment id.</summary>
internal sealed record TemplatePart(bool IsSequence, string Name, int TypeId);

/// <summary>"TemplateProcessing": e.g. [CLS] $A [SEP] $B:1 [SEP]:1.</summary>
internal sealed class TemplateProcessor(
    IReadOnlyList<TemplatePart> single,
    IReadOnlyList<TemplatePart> pair,
    IReadOnlyDictionary<string, (int[] Ids, string[] Tokens)> specials) : PostProcessor
{
    public override List<List<Tok>> Process(List<List<Tok>> sequences, bool addSpecialTokens)
    {
        var template = sequences.Count > 1 ? pair : single;
        var output = new List<Tok>();
        foreach (var part in template)
        {
            if (part.IsSequence)
            {
                var index = part.Name == "B" ? 1 : 0;
                if (index < sequences.Count)
                {
                    foreach (var t in sequences[index])
                    {
                        output.Add(t with { TypeId = part.TypeId });
                    }
                }
            }
            else if (addSpecialTokens)
            {
                var (ids, tokens) = specials[part.Name];
                for (var i = 0; i < ids.Length; i++)
                {
                    output.Add(new Tok(ids[i], tokens[i], 0, 0, part.TypeId, true));
                }
            }
        }

        return One(output);
    }
}

/// <summary>"BertProcessing": [CLS] A [SEP] (B [SEP]), B with segment id 1.</summary>
internal sealed class BertProcessor((string Token, int Id) sep, (string Token, int Id) cls) : PostProcessor
{
    public override List<List<Tok>> Process(List<List<Tok>> sequences, bool addSpecialTokens)
    {
        var output = new List<Tok>();
        if (addSpecialTokens)
        {
            output.Add(new Tok(cls.Id, cls.Token, 0, 0, 0, true));
        }

        output.AddRange(sequences[0].Select(t => t with { TypeId = 0 }));
        if (addSpecialTokens)
        {
            output.Add(new Tok(sep.Id, sep.Token, 0, 0, 0, true));
        }

        if (sequences.Count > 1)
        {
            output.AddRange(sequences[1].Select(t => t with { TypeId = 1 }));
            if (addSpecialTokens)
            {
                output.Add(new Tok(sep.Id, sep.Token, 0, 0, 1, true));
            }
        }

        return One(output);
    }
}

/// <summary>"RobertaProcessing": &lt;s&gt; A &lt;/s&gt; (&lt;/s&gt; B &lt;/s&gt;), all segment ids 0; trims offsets.</summary>
internal sealed class RobertaProcessor((string Token, int Id) sep, (string Token, int Id) cls, bool trimOffsets, bool addPrefixSpace)
    : PostProcessor
{
    public override List<List<Tok>> Process(List<List<Tok>> sequences, bool addSpecialTokens)
    {
        if (trimOffsets)
        {
            sequences = ByteLevelProcessor.Trim(sequences, addPrefixSpace);
        }

        var output = new List<Tok>();
        if (addSpecialTokens)
        {
            output.Add(new Tok(cls.Id, cls.Token, 0, 0, 0, true));
        }

        output.AddRange(sequences[0].Select(t => t with { TypeId = 0 }));
        if (addSpecialTokens)
        {
            output.Add(new Tok(sep.Id, sep.Token, 0, 0, 0, true));
        }

        if (sequences.Count > 1)
        {
            if (addSpecialTokens)
            {
                output.Add(new Tok(sep.Id, sep.Token, 0, 0, 0, true));
            }

            output.AddRange(sequences[1].Select(t => t with { TypeId = 0 }));
            if (addSpecialTokens)
            {
                output.Add(new Tok(sep.Id, sep.Token, 0, 0, 0, true));
            }
        }

        return One(output);
    }
}

/// <summary>"ByteLevel" post-processor: only trims the spaces byte-level tokens carry out of their offsets.</summary>
internal sealed class ByteLevelProcessor(bool trimOffsets, bool addPrefixSpace) : PostProcessor
{
    public override List<List<Tok>> Process(List<List<Tok>> sequences, bool addSpecialTokens) =>
        trimOffsets ? Trim(sequences, addPrefixSpace) : sequences;

    internal static List<List<Tok>> Trim(List<List<Tok>> sequences, bool addPrefixSpace)
    {
        var result = new List<List<Tok>>(sequences.Count);
        foreach (var seq in sequences)
        {
            var list = new List<Tok>(seq.Count);
            for (var i = 0; i < seq.Count; i++)
            {
                var t = seq[i];
                var value = t.Value ?? string.Empty;
                var leading = 0;
                while (leading < value.Length && IsSpace(value[leading]))
                {
                    leading++;
                }

                var trailing = 0;
                while (trailing < value.Length && IsSpace(value[value.Length - 1 - trailing]))
                {
                    trailing++;
                }

                var (start, end) = (t.Start, t.End);
                if (leading > 0)
                {
                    var isFirst = i == 0 || start == 0;
                    if (!(isFirst && addPrefixSpace && leading == 1))
                    {
                        start = Math.Min(start + leading, end);
                    }
                }

                if (trailing > 0 && end >= trailing)
                {
                    end = Math.Max(end - trailing, start);
                }

                list.Add(t with { Start = start, End = end });
            }

            result.Add(list);
        }

        return result;
    }

    private static bool IsSpace(char c) => c == 'Ġ' || char.IsWhiteSpace(c);
}
