using System.CommandLine;
using System.Globalization;
using KannadaKit.Lexicon.Json;
using KannadaKit.Lexicon.Review;
using KannadaKit.Lexicon.Store;

namespace KannadaKit.Cli.Commands;

/// <summary>
/// <c>lexicon review</c>: the proposal queue from the terminal. Whoever can write the file may review, so no token;
/// the web server asks for one because its readers cannot be trusted with the file.
/// </summary>
internal static class LexiconReviewCommand
{
    public static Command Create(CliContext context)
    {
        var db = LexiconBuildCommand.DbOption();
        var status = new Option<string>("--status") { Description = "Which proposals to list: pending, accepted or rejected", DefaultValueFactory = _ => "pending" };
        var accept = new Option<long[]>("--accept") { Description = "Accept these proposals (numbers; repeat or separate with spaces)", AllowMultipleArgumentsPerToken = true };
        var reject = new Option<long[]>("--reject") { Description = "Reject these proposals", AllowMultipleArgumentsPerToken = true };
        var note = new Option<string>("--note") { Description = "A remark kept with each review", DefaultValueFactory = _ => "" };
        var json = new Option<bool>("--json") { Description = "Print the proposals as a JSON array" };
        var command = new Command("review", "List queued proposals, or accept and reject them (accepted ones enter the lexicon under the 'review' source)")
        {
            db, status, accept, reject, note, json,
        };
        command.SetAction(parse => context.Run(() =>
        {
            var which = parse.GetValue(status) switch
            {
                "pending" => ProposalStatus.Pending,
                "accepted" => ProposalStatus.Accepted,
                "rejected" => ProposalStatus.Rejected,
                var other => throw new CliException($"--status: '{other}' is not pending, accepted or rejected", ExitCodes.Usage),
            };
            using var store = LexiconStore.Open(parse.GetValue(db)!);
            var review = new LexiconReview(store);
            var done = new List<Proposal>();
            foreach (long id in parse.GetValue(accept) ?? [])
                done.Add(review.Accept(id, parse.GetValue(note)!));
            foreach (long id in parse.GetValue(reject) ?? [])
                done.Add(review.Reject(id, parse.GetValue(note)!));
            store.Checkpoint();
            var shown = done.Count > 0 ? done : review.List(which, 1000);
            using var o = context.OpenOutput();
            if (parse.GetValue(json))
            {
                LexiconQueryCommand.WriteJson(o, w => LexiconJsonWriter.WriteProposals(w, shown));
            }
            else
            {
                foreach (var p in shown)
                {
                    string by = p.Draft.Contributor.Length > 0 ? $" ({p.Draft.Contributor})" : "";
                    string why = p.Draft.Note.Length > 0 ? $"  — {p.Draft.Note}" : "";
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"#{p.Id}\t{LexiconReview.StatusName(p.Status)}\t{p.Draft.Headword}\t{ProposalKinds.Name(p.Draft.Kind)}\t{p.Draft.Text}{by}{why}"));
                }

                if (shown.Count == 0)
                    context.Error.WriteLine($"no {LexiconReview.StatusName(which)} proposals");
            }

            o.Flush();
            return ExitCodes.Success;
        }));
        return command;
    }
}
