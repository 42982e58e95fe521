using System.Net.Sockets;

namespace Diligence.Data.Tests.SqlServer;

/// <summary>Whether a Docker engine answers here, probed once per test run: DOCKER_HOST (unix or tcp) or the default socket.</summary>
internal static class DockerEngine
{
    private static readonly Lazy<bool> _reachable = new(Probe);

    public static bool IsReachable => _reachable.Value;

    private static bool Probe()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        try
        {
            if (string.IsNullOrWhiteSpace(host) || host.StartsWith("unix://", StringComparison.Ordinal))
            {
                var path = string.IsNullOrWhiteSpace(host) ? "/var/run/docker.sock" : host["unix://".Length..];
                if (!File.Exists(path))
                {
                    return false;
                }
                using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Connect(new UnixDomainSocketEndPoint(path));
                return true;
            }
            var address = new Uri(host);
            using var client = new TcpClient();
            return client.ConnectAsync(address.Host, address.Port).Wait(TimeSpan.FromSeconds(2));
        }
        catch (Exception exception) when (exception is SocketException or IOException or UriFormatException or AggregateException)
        {
            return false;
        }
    }
}
