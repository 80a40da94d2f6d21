using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using KannadaKit.Testing;
using KannadaKit.Text.Normalization;

namespace KannadaKit.Benchmarks.Text;

/// <summary>
/// Full BenchmarkDotNet run of the normalizer on the 5 MB Kannada corpus (one call over the whole text), with .NET's
/// own NFC as the baseline. Run: dotnet run -c Release --project bench/KannadaKit.Benchmarks -- bdn --filter '*Normalizer*'
/// </summary>
[MemoryDiagnoser]
public class NormalizerBenchmarks
{
    private string _text = "";
    private IndicNormalizer _default = null!;
    private IndicNormalizer _aggressive = null!;
    private IndicNormalizer _indicNlp = null!;
    private ArrayBufferWriter<char> _buffer = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (SharedData.SkipReasonFor(Corpora.Wiki5MB) is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        string path = SharedData.PathOf(Corpora.Wiki5MB);
        _text = File.ReadAllText(path);
        _default = IndicNormalizer.Create(NormalizationProfile.Default);
        _aggressive = IndicNormalizer.Create(NormalizationProfile.Aggressive);
        _indicNlp = IndicNormalizer.Create(NormalizationProfile.IndicNlp);
        _buffer = new ArrayBufferWriter<char>(_text.Length + 4096);
    }

    [Benchmark(Baseline = true)]
    public string DotNetNfc() => _text.Normalize(NormalizationForm.FormC);

    [Benchmark]
    public int Default() => Run(_default);

    [Benchmark]
    public int Aggressive() => Run(_aggressive);

    [Benchmark]
    public int IndicNlp() => Run(_indicNlp);

    private int Run(IndicNormalizer normalizer)
    {
        _buffer.ResetWrittenCount();
        normalizer.Normalize(_text, _buffer);
        return _buffer.WrittenCount;
    }
}
