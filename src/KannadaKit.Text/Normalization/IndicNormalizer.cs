using System.Buffers;

namespace KannadaKit.Text.Normalization;

/// <summary>
/// Normalizes Indic text (Kannada first) line by line through named rules, with optional offsets back into the
/// input and a per-rule change report.
/// </summary>
/// <remarks>
/// Build once and share: instances are immutable and thread-safe. Lines that contain no trigger character of any
/// enabled rule are returned untouched without copying, which is the common case and what makes the normalizer fast.
/// Line feeds are never changed; each line is normalized on its own.
/// </remarks>
public sealed class IndicNormalizer
{
    // A safety net for rule interplay; real text settles in one or two passes.
    private const int MaxPasses = 8;

    private readonly NormalizationRule[] _rules;
    private readonly TriggerTable _triggers;

    [ThreadStatic]
    private static Scratch? t_scratch;

    private IndicNormalizer(NormalizerOptions options)
    {
        Options = options;
        _rules = options.ResolveRules();
        _triggers = new TriggerTable(_rules);
    }

    /// <summary>The options this normalizer was built with.</summary>
    public NormalizerOptions Options { get; }

    /// <summary>The enabled rules in application order.</summary>
    public IReadOnlyList<NormalizationRule> Rules => _rules;

    /// <summary>Creates a normalizer; this builds lookup tables, so keep and reuse it.</summary>
    public static IndicNormalizer Create(NormalizerOptions? options = null) => new(options ?? NormalizerOptions.Default);

    /// <summary>Creates a normalizer for a profile.</summary>
    public static IndicNormalizer Create(NormalizationProfile profile) => new(NormalizerOptions.ForProfile(profile));

    /// <summary>Normalizes <paramref name="text"/>; returns the same instance when nothing changes.</summary>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_triggers.Scan(text) == 0)
        {
            return text;
        }

        string result = Normalize(text.AsSpan());
        return string.Equals(result, text, StringComparison.Ordinal) ? text : result;
    }

    /// <summary>Normalizes <paramref name="text"/>.</summary>
    public string Normalize(ReadOnlySpan<char> text, ChangeReport? report = null)
    {
        var buffer = new ArrayBufferWriter<char>(text.Length + 16);
        Normalize(text, buffer, report);
        return buffer.WrittenSpan.ToString();
    }

    /// <summary>True when normalizing would not change <paramref name="text"/>.</summary>
    public bool IsNormalized(ReadOnlySpan<char> text)
    {
        if (_triggers.Scan(text) == 0)
        {
            return true;
        }

        var buffer = new ArrayBufferWriter<char>(text.Length + 16);
        Normalize(text, buffer);
        return buffer.WrittenSpan.SequenceEqual(text);
    }

    /// <summary>Normalizes into <paramref name="destination"/>; false when it is too small.</summary>
    public bool TryNormalize(ReadOnlySpan<char> source, Span<char> destination, out int charsWritten)
    {
        var buffer = new ArrayBufferWriter<char>(source.Length + 16);
        Normalize(source, buffer);
        charsWritten = 0;
        if (buffer.WrittenCount > destination.Length)
        {
            return false;
        }

        buffer.WrittenSpan.CopyTo(destination);
        charsWritten = buffer.WrittenCount;
        return true;
    }

    /// <summary>Normalizes <paramref name="text"/> and returns it with a map from output positions to input positions.</summary>
    public NormalizedText NormalizeWithOffsets(ReadOnlySpan<char> text, ChangeReport? report = null)
    {
        var buffer = new ArrayBufferWriter<char>(text.Length + 16);
        var offsets = new List<int>(text.Length + 1);
        Run(text, buffer, report, offsets);
        offsets.Add(text.Length);
        return new NormalizedText(buffer.WrittenSpan.ToString(), new OffsetMap([.. offsets]));
    }

    /// <summary>
    /// Normalizes one line (text without a line feed) and appends the result to <paramref name="changed"/> only when it
    /// differs from the input. Lets a caller holding the input in another encoding copy unchanged lines as they are.
    /// </summary>
    /// <returns>True when the line changed (and was written).</returns>
    /// <exception cref="ArgumentException"><paramref name="line"/> contains a line feed.</exception>
    public bool NormalizeLine(ReadOnlySpan<char> line, IBufferWriter<char> changed, ChangeReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (line.Contains('\n'))
        {
            throw new ArgumentException("a line must not contain a line feed", nameof(line));
        }

        var scratch = t_scratch ??= new Scratch();
        bool isChanged = NormalizeLine(line, scratch, track: false, report, out var result);
        report?.AddLine(line.Length, result.Length, isChanged);
        if (isChanged)
        {
            changed.Write(result);
        }

        return isChanged;
    }

    /// <summary>Appends the normalized form of <paramref name="text"/> to <paramref name="output"/>.</summary>
    /// <param name="text">Input; line feeds separate lines and are copied as they are.</param>
    /// <param name="output">Receives the normalized text.</param>
    /// <param name="report">Optional; receives one count per line and what each rule changed.</param>
    public void Normalize(ReadOnlySpan<char> text, IBufferWriter<char> output, ChangeReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        Run(text, output, report, offsets: null);
    }

    private void Run(ReadOnlySpan<char> text, IBufferWriter<char> output, ChangeReport? report, List<int>? offsets)
    {
        var scratch = t_scratch ??= new Scratch();
        int lineStart = 0;
        while (true)
        {
            int nl = text[lineStart..].IndexOf('\n');
            int lineEnd = nl < 0 ? text.Length : lineStart + nl;
            var line = text[lineStart..lineEnd];
            bool changed = NormalizeLine(line, scratch, offsets is not null, report, out var result);
            output.Write(result);
            if (offsets is not null)
            {
                if (changed)
                {
                    foreach (int s in scratch.Map)
                    {
                        offsets.Add(lineStart + s);
                    }
                }
                else
                {
                    for (int j = 0; j < line.Length; j++)
                    {
                        offsets.Add(lineStart + j);
                    }
                }
            }

            report?.AddLine(line.Length + (nl < 0 ? 0 : 1), result.Length + (nl < 0 ? 0 : 1), changed);
            if (nl < 0)
            {
                break;
            }

            output.Write("\n");
            offsets?.Add(lineEnd);
            lineStart = lineEnd + 1;
        }
    }

    /// <summary>
    /// Normalizes one line. On change, <paramref name="result"/> points into scratch memory valid until the next call
    /// on this thread and, when tracking, <see cref="Scratch.Map"/> maps it back to <paramref name="line"/>.
    /// </summary>
    internal bool NormalizeLine(ReadOnlySpan<char> line, Scratch scratch, bool track, ChangeReport? report, out ReadOnlySpan<char> result)
    {
        result = line;
        uint mask = _triggers.Scan(line);
        if (mask == 0)
        {
            return false;
        }

        var current = line;
        int currentBuffer = -1;
        uint fired = 0;
        if (track)
        {
            scratch.ResetMap(line.Length);
        }

        for (int pass = 0; pass < MaxPasses && mask != 0; pass++)
        {
            bool passChanged = false;
            for (int r = 0; r < _rules.Length; r++)
            {
                uint bit = 1u << r;
                if ((mask & bit) == 0)
                {
                    continue;
                }

                var buffer = scratch.Buffers[currentBuffer == 0 ? 1 : 0];
                buffer.Reset(track);
                var writer = new TextRewriter(current, buffer);
                _rules[r].Apply(ref writer);
                if (writer.Changes == 0)
                {
                    continue;
                }

                writer.Finish();
                if (report is not null)
                {
                    Record(report, _rules[r], current, buffer.Span, writer, (fired & bit) == 0);
                }

                if (track)
                {
                    scratch.Compose(buffer.Map);
                }

                fired |= bit;
                passChanged = true;
                current = buffer.Span;
                currentBuffer = currentBuffer == 0 ? 1 : 0;
                mask = _triggers.Scan(current);
            }

            if (!passChanged || Options.SinglePass)
            {
                break;
            }

            mask = _triggers.Scan(current);
        }

        if (fired == 0)
        {
            return false;
        }

        result = current;
        return true;
    }

    private static void Record(ChangeReport report, NormalizationRule rule, ReadOnlySpan<char> before, ReadOnlySpan<char> after,
        in TextRewriter writer, bool firstTimeOnLine)
    {
        var stats = report.Stats(rule);
        stats.Changes += writer.Changes;
        if (!firstTimeOnLine)
        {
            return;
        }

        stats.Lines++;
        if (stats.Examples.Count < report.MaxExamplesPerRule)
        {
            stats.AddExample(
                new ChangeExample(report.NextLine, Excerpt(before, writer.FirstChangeSource), Excerpt(after, writer.FirstChangeOutput)),
                report.MaxExamplesPerRule);
        }
    }

    private static string Excerpt(ReadOnlySpan<char> text, int at)
    {
        const int Context = 24;
        int start = Math.Max(0, at - Context);
        int end = Math.Min(text.Length, at + Context);
        // Do not cut a surrogate pair in half.
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start--;
        }

        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        return text[start..end].ToString();
    }

    /// <summary>Per-thread working memory: two ping-pong buffers and the composed offset map of the current line.</summary>
    internal sealed class Scratch
    {
        private int[] _map = new int[256];
        private int[] _next = new int[256];
        private int _mapLength;

        public RewriteBuffer[] Buffers { get; } = [new RewriteBuffer(), new RewriteBuffer()];

        public ReadOnlySpan<int> Map => _map.AsSpan(0, _mapLength);

        public void ResetMap(int length)
        {
            if (_map.Length <= length)
            {
                _map = new int[(length * 2) + 1];
            }

            // One extra entry maps the end of the text, for edits that insert at the very end.
            for (int i = 0; i <= length; i++)
            {
                _map[i] = i;
            }

            _mapLength = length;
        }

        /// <summary>Composes the map with one rule's output→input map.</summary>
        public void Compose(ReadOnlySpan<int> stage)
        {
            if (_next.Length <= stage.Length)
            {
                _next = new int[(stage.Length * 2) + 1];
            }

            for (int i = 0; i < stage.Length; i++)
            {
                _next[i] = _map[stage[i]];
            }

            _next[stage.Length] = _map[_mapLength];

            (_map, _next) = (_next, _map);
            _mapLength = stage.Length;
        }
    }
}
