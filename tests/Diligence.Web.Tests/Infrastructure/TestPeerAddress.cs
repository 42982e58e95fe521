using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Diligence.Web.Tests.Infrastructure;

/// <summary>
/// Sets the connection's remote address from the X-Test-Peer header before the app sees the request, as if the request
/// came over the network from that address (the in-memory test server has none).
/// </summary>
public sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers[Header] is [{ } peer])
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            }
            await nextMiddleware();
        });
        next(app);
    };
}
