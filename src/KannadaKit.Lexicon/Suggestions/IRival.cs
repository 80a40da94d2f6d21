using KannadaKit.Lexicon.Model;

namespace KannadaKit.Lexicon.Suggestions;

/// <summary>An independent generator of native-equivalent candidates. Rivals never see each other's output.</summary>
public interface IRival
{
    /// <summary>A short stable name.</summary>
    string Name { get; }

    /// <summary>Candidates for <paramref name="entry"/>; none when the rival has nothing to go on.</summary>
    IEnumerable<RivalProposal> Propose(LexiconEntry entry);
}
