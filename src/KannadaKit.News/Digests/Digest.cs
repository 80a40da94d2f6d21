namespace KannadaKit.News.Digests;

/// <summary>What a digest shows: its stories, newest first, as of <see cref="Generated"/>.</summary>
/// <param name="Generated">When the stories were last brought up to date (UTC).</param>
/// <param name="Title">The digest's title.</param>
/// <param name="Stories">The stories, newest first.</param>
public sealed record Digest(DateTimeOffset Generated, string Title, IReadOnlyList<DigestStory> Stories)
{
    /// <summary>The title a digest has unless told otherwise ("Kannada news summaries").</summary>
    public const string DefaultTitle = "ಕನ್ನಡ ಸುದ್ದಿ ಸಾರಾಂಶ";
}
