namespace KannadaKit.Cli.Tests.Commands;

public sealed class LexiconCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void RespellWritesOneLinePerInputLine()
    {
        var r = _cli.Run("ದುಃಖ\n\nಕರ್ನಾಟಕದ ವೈಜ್ಞಾನಿಕ ಸಂಶೋಧನೆ\nಭಟ್ ಅವರ ಮುಖ್ಯ ಕೃತಿ\n", "lexicon", "respell", "--keep", "ಭಟ್");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("ದುಕ್ಕ\n\nಕರ\u200D್ನಾಟಕದ ವಯ್ಜ್ನಾನಿಕ ಸಂಶೋದನೆ\nಭಟ್ ಅವರ ಮುಕ್ಯ ಕ್ರುತಿ\n", r.Text);
    }

    [Fact]
    public void RespellTakesTextArgumentsChangesToLeaveOutAndExplains()
    {
        var r = _cli.Run("", "lexicon", "respell", "ಸರ್ಕಾರದ", "ತೀರ್ಮಾನ", "--without", "7", "--explain");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("ಸರ್ಕಾರದ ತೀರ್ಮಾನ\n", r.Text);
        Assert.Equal("", r.Stderr);
        var e = _cli.Run("", "lexicon", "respell", "ಮುಖ್ಯ", "--explain");
        Assert.Equal("ಮುಕ್ಯ\n", e.Text);
        Assert.Equal("1: 1 Aspirates: ಖ → ಕ\n", e.Stderr);
        _cli.Run("", "lexicon", "respell", "x", "--without", "8").AssertOneLineError("--without: '8' is not a change number 1–7");
    }
}
