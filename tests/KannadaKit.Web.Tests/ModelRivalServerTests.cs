using KannadaKit.Generation;
using KannadaKit.Lexicon.Import;
using KannadaKit.Lexicon.Store;
using KannadaKit.Lexicon.Suggestions;
using KannadaKit.Testing;
using KannadaKit.Testing.Onnx;

namespace KannadaKit.Web.Tests;

public sealed class ModelRivalServerTests
{
    [OnnxRuntimeFact]
    public async Task EntryPagesShowTheModelRivalsSuggestionsLabelledAsSuch()
    {
        using var dir = new TempDirectory();
        string db = SampleLexicon.Build(dir.File("lex.db"));

        using var model = GenerativeModel.Open(OnnxRuntimeForTests.Runtime, NativeWordModels.DecoderOnly(dir.File("tiny-native")));
        await using var server = LexiconServer.Create(new LexiconServerOptions { DatabasePath = db, Port = 0, ExtraRivals = [new ModelRival(model)] });
        await server.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        string page = await http.GetStringAsync(new Uri(server.Address, "/entry/" + Uri.EscapeDataString("ಶಾಲೆ")));
        int box = page.IndexOf("class=\"suggest\"", StringComparison.Ordinal);
        Assert.True(box > 0, "no suggestions box");
        string suggestions = page[box..];
        Assert.Contains(">ಕಲಿಮನೆ</a>", suggestions);
        Assert.Contains("model:tiny-native: the model&#x27;s answer", suggestions);
        Assert.Contains("not attested", suggestions);
    }
}
