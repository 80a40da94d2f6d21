using KannadaKit.Tokenizers.Pipeline;

namespace KannadaKit.Tokenizers.PreTokenizers;

/// <summary>
/// Reusable lists for one encoding call's pre-tokenization (one caller at a time): a list per line was most of what
/// the English path allocated. Segments are filled and consumed at once, so one list serves every step; piece lists
/// are lent in stack order to steps that need an intermediate one.
/// </summary>
internal sealed class SplitScratch
{
    private readonly List<List<Piece>> _lists = [];
    private int _lent;

    public List<(int Start, int End, bool IsMatch)> Segments { get; } = [];

    /// <summary>An empty list, to be given back with <see cref="Return"/> before the caller returns.</summary>
    public List<Piece> Rent()
    {
        if (_lent == _lists.Count)
        {
            _lists.Add([]);
        }

        var list = _lists[_lent++];
        list.Clear();
        return list;
    }

    public void Return() => _lent--;
}
