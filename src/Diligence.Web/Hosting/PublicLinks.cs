using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Diligence.Web.Hosting;

/// <summary>The address people reach the app at, as links in invitations and password resets must name it.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>For example <c>https://diligence.example.com</c>; when unset, the first address the server listens on.</summary>
    [Url(ErrorMessage = "App:PublicUrl must be an absolute http or https address, like https://diligence.example.com.")]
    public string? PublicUrl { get; set; }
}

/// <summary>
/// Builds absolute links that leave the app (invitation and reset links handed to people) from the configured public
/// address, never from the request's Host header, which the client chooses: <c>Host: evil.example</c> must not turn an
/// invitation into a link to someone else's site.
/// </summary>
public sealed class PublicLinks(IOptions<AppOptions> options, IServer server)
{
    /// <summary><paramref name="pathAndQuery"/> (starting with '/') under the public address.</summary>
    public string For(string pathAndQuery) => BaseAddress() + pathAndQuery;

    private string BaseAddress()
    {
        if (options.Value.PublicUrl is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        // Kestrel reports a wildcard binding as it was given; a link needs a host name.
        return listening.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
    }
}
