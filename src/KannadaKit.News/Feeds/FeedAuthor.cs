namespace KannadaKit.News.Feeds;

/// <summary>A person named by a feed: RSS's "e-mail (Name)" and Atom's name/email/uri alike.</summary>
/// <param name="Name">The name; may be empty when only an address is given.</param>
/// <param name="Email">The address; may be empty.</param>
/// <param name="Uri">A home page; may be empty.</param>
public sealed record FeedAuthor(string Name, string Email = "", string Uri = "")
{
    /// <summary>How people read it: "Name (email)", the name, or the address.</summary>
    public override string ToString() =>
        Name.Length > 0 && Email.Length > 0 ? $"{Name} ({Email})" : Name.Length > 0 ? Name : Email;
}
