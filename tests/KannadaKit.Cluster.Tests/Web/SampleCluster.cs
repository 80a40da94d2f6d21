using KannadaKit.Cluster;
using KannadaKit.Cluster.Grains;
using KannadaKit.Cluster.News;

namespace KannadaKit.Cluster.Tests.Web;

/// <summary>A cluster in mid-work as the status page shows it: three workers, a job under way, two ended lately (one failed), three feeds.</summary>
internal static class SampleCluster
{
    public static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 30, 0, TimeSpan.Zero);

    public static ClusterOverview Overview() => new()
    {
        Taken = Now,
        Workers = ["10.0.0.5:11111", "10.0.0.6:11111", "10.0.0.7:11111"],
        Jobs =
        [
            new JobStatus
            {
                Id = "normalize-5e1c4131a3a45101", Command = "normalize", Shards = 1206, ShardsDone = 724, InFlight = 6, Files = 12, FilesDone = 7,
                Workers = ["S10.0.0.5:11111:155426701", "S10.0.0.6:11111:155426702", "S10.0.0.7:11111:155426703"], Reissued = 4,
            },
        ],
        Ended =
        [
            new JobStatus
            {
                Id = "tokenize-0c9d2e8f1a2b3c4d", Command = "tokenize", Shards = 40, ShardsDone = 12, Files = 2,
                Error = "/data/in/part-07.txt: line 88 is not UTF-8 (byte 0xff at offset 5120)",
            },
            new JobStatus { Id = "segment-77aa01bc93de4f10", Command = "segment", Shards = 96, ShardsDone = 96, Files = 12, FilesDone = 12, Finished = true },
        ],
        Desk = "default",
        Feeds =
        [
            new FeedPollStatus { Url = "https://prajavarthe.example/rss.xml", Outlet = "ಪ್ರಜಾವಾರ್ತೆ", LastPolled = Now.AddSeconds(-12), LastWorker = "S10.0.0.6:11111:155426702", Polls = 40, Pending = 3 },
            new FeedPollStatus { Url = "https://karavali.example/atom.xml", Outlet = "ಕರಾವಳಿ ವಾರ್ತೆ", LastPolled = Now.AddMinutes(-4), LastWorker = "S10.0.0.5:11111:155426701", NotModified = true, Polls = 38 },
            new FeedPollStatus
            {
                Url = "https://suddi.example/feed.xml", Outlet = "ಸುದ್ದಿ ಸಂಗಮ", LastPolled = Now.AddMinutes(-1), LastWorker = "S10.0.0.7:11111:155426703",
                Failures = 2, LastError = "https://suddi.example/feed.xml: HTTP 503 Service Unavailable", NextAttempt = Now.AddMinutes(9), Status = 503, Polls = 12,
            },
        ],
    };
}
