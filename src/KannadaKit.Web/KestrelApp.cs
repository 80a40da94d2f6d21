using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace KannadaKit.Web;

/// <summary>The web application every KannadaKit server starts from (lexicon, news, the cluster's status): Kestrel
/// on one address and port, no logging, short request lines, and a request-body limit (0: no bodies at all).</summary>
public static class KestrelApp
{
    /// <summary>Builds the application; map routes on it, then start it.</summary>
    public static WebApplication Create(IPAddress address, int port, long maxRequestBody)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(address, port);
            k.Limits.MaxRequestLineSize = 8 * 1024;
            k.Limits.MaxRequestBodySize = maxRequestBody;
        });
        return builder.Build();
    }
}
