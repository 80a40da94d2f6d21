using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace KannadaKit.Web;

/// <summary>
/// The bearer-token check in front of the review endpoints. Compared as SHA-256 digests in constant time, so neither
/// the length nor a prefix of the token leaks through timing.
/// </summary>
internal sealed class ReviewTokenCheck(string token)
{
    /// <summary>Tokens shorter than this are refused when the server starts: a reviewer's secret must not be guessable.</summary>
    public const int MinLength = 16;

    private readonly byte[] _digest = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Null when the request carries the token; otherwise the 401 or 403 to send.</summary>
    public IResult? Refusal(HttpRequest request)
    {
        string header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"kannadakit-review\"";
            return Results.Json(new Dictionary<string, string> { ["error"] = "reviewing needs the review token (Authorization: Bearer TOKEN)" }, statusCode: 401);
        }

        byte[] given = SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(given, _digest)
            ? null
            : Results.Json(new Dictionary<string, string> { ["error"] = "wrong review token" }, statusCode: 403);
    }
}
