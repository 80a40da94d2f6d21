using System.Buffers;

namespace KannadaKit.Tokenizers.Pipeline;

/// <summary>
/// A caller's span copied into a pooled buffer. The pipeline keeps its text as memory (a span cannot be stored in
/// the objects it builds), and one memory copy costs far less than the encoding, and less than a string per call.
/// Nothing may keep <see cref="Memory"/> after disposal: the word cache copies what it keeps.
/// </summary>
internal readonly struct RentedText : IDisposable
{
    private readonly char[] _buffer;

    private RentedText(char[] buffer, int length)
    {
        _buffer = buffer;
        Memory = new ReadOnlyMemory<char>(buffer, 0, length);
    }

    public ReadOnlyMemory<char> Memory { get; }

    public static RentedText Copy(ReadOnlySpan<char> text)
    {
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        text.CopyTo(buffer);
        return new RentedText(buffer, text.Length);
    }

    public void Dispose() => ArrayPool<char>.Shared.Return(_buffer);
}
