using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Diligence.Data;
using Diligence.Data.Sqlite;

namespace AutosaveLoad;

/// <summary>
/// Each client signs in like a browser, opens its review's first step, then saves one answer as fast as the server
/// acknowledges it, sending the version each reply returns. Bounded in time; loopback only.
/// </summary>
public static partial class LoadRun
{
    public static async Task<int> RunAsync(Uri[] servers, string dataDirectory, TimeSpan duration, int[] appProcessIds)
    {
        foreach (var server in servers)
        {
            if (!IPAddress.IsLoopback((await Dns.GetHostAddressesAsync(server.Host))[0]))
            {
                Console.Error.WriteLine("refusing to load a server that is not on this machine");
                return 2;
            }
        }
        var plan = (await File.ReadAllLinesAsync(Path.Combine(dataDirectory, "load-plan.txt")))
            .Select(line => line.Split(' ')).ToList();
        var clients = await Task.WhenAll(plan.Select((p, i) => SignInAsync(servers[i % servers.Length], p[0], p[1], p[4])));
        // After sign-in (password hashing is deliberately slow and not what is measured).
        var cpuBefore = AppCpu.Of(appProcessIds);
        var deadline = Stopwatch.StartNew();
        var results = await Task.WhenAll(clients.Select((client, i) => DriveAsync(client, plan[i][1], plan[i][2], deadline, duration)));
        var elapsed = deadline.Elapsed.TotalSeconds;
        var cpu = appProcessIds.Length > 0 ? AppCpu.Of(appProcessIds) - cpuBefore : (TimeSpan?)null;

        var latencies = results.SelectMany(r => r.Latencies).Order().ToArray();
        var acknowledged = results.Sum(r => r.Acknowledged);
        var errors = results.Sum(r => r.Errors);
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = dataDirectory });
        await using var connection = await storage.Connections.OpenAsync();
        var stored = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM answer_history");
        Console.WriteLine($"nodes {servers.Length}, clients {clients.Length}, {elapsed:F1} s, saves acknowledged {acknowledged}, errors {errors}");
        Console.WriteLine($"throughput {acknowledged / elapsed:F0} saves/s, p50 {Percentile(latencies, 0.50):F1} ms, " +
            $"p99 {Percentile(latencies, 0.99):F1} ms, max {latencies.LastOrDefault():F1} ms");
        Console.WriteLine($"history rows in the database {stored} (acknowledged {acknowledged})");
        if (cpu is { } used)
        {
            // Far less distorted by a busy, shared machine than throughput or latency.
            Console.WriteLine($"app CPU {used.TotalSeconds:F1} s, {used.TotalMilliseconds / Math.Max(1, acknowledged):F2} ms per save");
        }
        return errors == 0 && stored == acknowledged ? 0 : 1;
    }

    private static async Task<(HttpClient Client, string Token)> SignInAsync(Uri server, string email, string reviewId, string stepId)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = server,
        };
        var signIn = await client.GetStringAsync("/account/sign-in");
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = LoadPlan.Password,
            ["__RequestVerificationToken"] = Token(signIn),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in failed for {email}: {(int)response.StatusCode}");
        }
        var step = await client.GetStringAsync($"/reviews/{reviewId}/steps/{stepId}");
        return (client, Token(step));
    }

    private static async Task<ClientResult> DriveAsync(
        (HttpClient Client, string Token) session, string reviewId, string itemId, Stopwatch clock, TimeSpan duration)
    {
        var result = new ClientResult();
        var version = 0;
        var url = $"/reviews/{reviewId}/answers/{itemId}";
        for (var n = 0; clock.Elapsed < duration; n++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["v." + itemId] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["a." + itemId] = $"Load answer {n}",
                }),
            };
            request.Headers.Add("X-CSRF-TOKEN", session.Token);
            request.Headers.Add("Accept", "application/json");
            var started = Stopwatch.GetTimestamp();
            using var response = await session.Client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            result.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                result.Errors++;
                continue;
            }
            version = JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt32();
            result.Acknowledged++;
        }
        return result;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Token(string html) =>
        WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
