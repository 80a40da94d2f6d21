using KannadaKit.Testing;
using KannadaKit.Testing.Whisper;

namespace KannadaKit.Speech.Tests;

/// <summary>One random-weight ggml Whisper model for a test class (writing it takes a moment).</summary>
public sealed class TinyModelFixture : IDisposable
{
    private readonly TempDirectory _dir = new();

    public TinyModelFixture()
    {
        Path = new TinyWhisperModel().WriteTo(_dir.File("ggml-tiny-random.bin"));
    }

    /// <summary>The model file.</summary>
    public string Path { get; }

    public void Dispose() => _dir.Dispose();
}
