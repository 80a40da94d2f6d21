namespace KannadaKit.News.Summaries;

/// <summary>A story's headline and summary, and how they were made.</summary>
/// <param name="Headline">One line.</param>
/// <param name="Text">Two or three sentences.</param>
/// <param name="Method">The summarizer's name, with why when it fell back ("extractive (model gave no Kannada text)").</param>
public sealed record StorySummary(string Headline, string Text, string Method);
