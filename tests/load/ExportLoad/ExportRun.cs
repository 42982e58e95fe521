using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diligence.Core.Exports;
using Diligence.Data;
using Diligence.Data.Sqlite;

namespace ExportLoad;

/// <summary>
/// Signs in, starts a review of the Astronomer sample (prefilled from its library), and warms each node up: WARMUP
/// exports posted to every node and awaited, so Chromium is running and the export path is compiled before the clock
/// starts. Then posts the export form COUNT times at once, spread over the nodes in turn as a load balancer would,
/// polls the status endpoint until every export is ready or failed, downloads each PDF and checks its SHA-256 against
/// the database. The time taken is the database's: from the first request to the last export finished, so the
/// once-a-second polling neither adds to it nor takes CPU from the nodes. Loopback only; bounded by a ten-minute wait.
/// </summary>
public static partial class ExportRun
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(IReadOnlyList<Uri> servers, string dataDirectory, int count, int warmup)
    {
        foreach (var server in servers)
        {
            if (!IPAddress.IsLoopback((await Dns.GetHostAddressesAsync(server.Host))[0]))
            {
                Console.Error.WriteLine("refusing to load a server that is not on this machine");
                return 2;
            }
        }
        // One cookie jar for every node: the nodes share their data-protection keys, so one sign-in serves them all.
        using var client = await SignInAsync(servers[0]);
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = dataDirectory });
        var vendor = (await storage.Vendors.ListAsync()).Single(v => v.Name == "Astronomer");
        var created = await PostAsync(client, new Uri(servers[0], "/reviews/new"), new Uri(servers[0], "/reviews/new"),
            [new("VendorId", vendor.Id.ToString()), new("Questionnaire", "vendor-security-diligence@1.0.0")]);
        var exportsPage = $"/reviews/{created.Split('/')[2]}/exports";
        var token = Token(await client.GetStringAsync(new Uri(servers[0], exportsPage)));
        var statusUrl = new Uri(servers[0], $"{exportsPage}/status");

        if (warmup > 0)
        {
            await QueueAsync(client, servers, exportsPage, token, warmup * servers.Count);
            if (await WaitAsync(client, statusUrl, warmup * servers.Count) is null)
                return 1;
        }
        var clock = Stopwatch.StartNew();
        await QueueAsync(client, servers, exportsPage, token, count);
        var queuedIn = clock.Elapsed.TotalSeconds;
        var exports = await WaitAsync(client, statusUrl, (warmup * servers.Count) + count);
        if (exports is null)
            return 1;

        // The newest COUNT are the measured ones; the status lists newest first.
        var measured = exports.Take(count).ToList();
        var ready = measured.Where(e => e.GetProperty("state").GetString() == "ready").ToList();
        var mismatched = 0;
        long bytes = 0;
        var renderedBy = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var (first, last) = (DateTimeOffset.MaxValue, DateTimeOffset.MinValue);
        foreach (var export in measured)
        {
            var stored = await storage.Exports.GetAsync(export.GetProperty("id").GetGuid());
            first = stored!.RequestedAt < first ? stored.RequestedAt : first;
            last = stored.FinishedAt > last ? stored.FinishedAt.Value : last;
            if (stored.State != ExportState.Ready)
                continue;
            var pdf = await client.GetByteArrayAsync(new Uri(servers[0], export.GetProperty("downloadUrl").GetString()));
            bytes += pdf.Length;
            mismatched += Convert.ToHexStringLower(SHA256.HashData(pdf)) == stored.Sha256 ? 0 : 1;
            var node = $"{stored.Owner} (claimed {stored.Attempts}x)";
            renderedBy[node] = renderedBy.GetValueOrDefault(node) + 1;
        }
        var elapsed = (last - first).TotalSeconds;
        var pages = ready.Select(e => e.GetProperty("pageCount").GetInt32()).Distinct();
        Console.WriteLine($"exports {count} after {warmup} warm-up per node: ready {ready.Count}, failed {count - ready.Count}, SHA-256 mismatches {mismatched}");
        Console.WriteLine($"queued in {queuedIn:F2} s; all finished after {elapsed:F1} s; throughput {count / elapsed:F2} exports/s " +
            $"({elapsed / count * 1000:F0} ms per export); pages per PDF {string.Join(", ", pages)}; {bytes / Math.Max(1, ready.Count) / 1024} KiB per PDF");
        Console.WriteLine($"rendered by {string.Join(", ", renderedBy.Select(n => $"{n.Key}: {n.Value}"))}");
        return ready.Count == count && mismatched == 0 ? 0 : 1;
    }

    /// <summary>Posts the export form COUNT times at once, to the nodes in turn.</summary>
    private static Task QueueAsync(HttpClient client, IReadOnlyList<Uri> servers, string exportsPage, string token, int count) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            PostWithTokenAsync(client, new Uri(servers[i % servers.Count], exportsPage), token, [new("Paper", "A4")])));

    /// <summary>Polls until TOTAL exports exist and each is ready or failed; null after the longest wait.</summary>
    private static async Task<JsonElement[]?> WaitAsync(HttpClient client, Uri statusUrl, int total)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync(statusUrl));
            JsonElement[] exports = [.. status.RootElement.GetProperty("exports").EnumerateArray().Select(e => e.Clone())];
            if (exports.Length == total && exports.All(e => e.GetProperty("state").GetString() is "ready" or "failed"))
                return exports;
            if (waited.Elapsed > MaxWait)
            {
                Console.Error.WriteLine($"gave up after {MaxWait.TotalMinutes} minutes");
                return null;
            }
            await Task.Delay(1000);
        }
    }

    private static async Task<HttpClient> SignInAsync(Uri server)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        await PostAsync(client, new Uri(server, "/account/sign-in"), new Uri(server, "/account/sign-in"),
            [new("email", ExportPlan.Email), new("password", ExportPlan.Password)]);
        return client;
    }

    /// <summary>GETs the form's page for its token, posts the fields, and returns where the server redirected.</summary>
    private static async Task<string> PostAsync(HttpClient client, Uri url, Uri formPage, KeyValuePair<string, string>[] fields) =>
        await PostWithTokenAsync(client, url, Token(await client.GetStringAsync(formPage)), fields);

    private static async Task<string> PostWithTokenAsync(HttpClient client, Uri url, string token, KeyValuePair<string, string>[] fields)
    {
        using var response = await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
        return response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location!.OriginalString
            : throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode}");
    }

    private static string Token(string html) =>
        WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
