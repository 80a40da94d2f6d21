namespace KannadaKit.News.Delivery;

/// <summary>What one recipient got: <paramref name="Stories"/> stories (0: nothing new, nothing sent) and the server's answer.</summary>
public sealed record MailOutcome(string Address, int Stories, bool Sent, string Detail);
