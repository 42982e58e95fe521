using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Diligence.Data;
using Diligence.Data.Sqlite;

namespace ExportLoad;

/// <summary>
/// Signs in, starts a review of the Astronomer sample (prefilled from its library), posts the export form COUNT times
/// at once, polls the status endpoint until every export is ready or failed, then downloads each PDF and checks its
/// SHA-256 against the database. Loopback only; bounded by a ten-minute wait.
/// </summary>
public static partial class ExportRun
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(Uri server, string dataDirectory, int count)
    {
        if (!IPAddress.IsLoopback((await Dns.GetHostAddressesAsync(server.Host))[0]))
        {
            Console.Error.WriteLine("refusing to load a server that is not on this machine");
            return 2;
        }
        using var client = await SignInAsync(server);
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = dataDirectory });
        var vendor = (await storage.Vendors.ListAsync()).Single(v => v.Name == "Astronomer");
        var created = await PostAsync(client, "/reviews/new", "/reviews/new",
            [new("VendorId", vendor.Id.ToString()), new("Questionnaire", "vendor-security-diligence@1.0.0")]);
        var reviewId = created.Split('/')[2];
        var exportsPage = $"/reviews/{reviewId}/exports";
        var token = Token(await client.GetStringAsync(exportsPage));

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => PostWithTokenAsync(client, exportsPage, token, [new("Paper", "A4")])));
        var queuedIn = clock.Elapsed.TotalSeconds;
        JsonElement[] exports;
        while (true)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync($"{exportsPage}/status"));
            exports = [.. status.RootElement.GetProperty("exports").EnumerateArray().Select(e => e.Clone())];
            if (exports.Length == count && exports.All(e => e.GetProperty("state").GetString() is "ready" or "failed"))
            {
                break;
            }
            if (clock.Elapsed > MaxWait)
            {
                Console.Error.WriteLine($"gave up after {MaxWait.TotalMinutes} minutes");
                return 1;
            }
            await Task.Delay(100);
        }
        var elapsed = clock.Elapsed.TotalSeconds;

        var ready = exports.Where(e => e.GetProperty("state").GetString() == "ready").ToList();
        var mismatched = 0;
        long bytes = 0;
        var renderedBy = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var export in ready)
        {
            var pdf = await client.GetByteArrayAsync(export.GetProperty("downloadUrl").GetString());
            bytes += pdf.Length;
            var stored = await storage.Exports.GetAsync(export.GetProperty("id").GetGuid());
            mismatched += Convert.ToHexStringLower(SHA256.HashData(pdf)) == stored?.Sha256 ? 0 : 1;
            var node = $"{stored?.Owner} (claimed {stored?.Attempts}x)";
            renderedBy[node] = renderedBy.GetValueOrDefault(node) + 1;
        }
        var pages = ready.Select(e => e.GetProperty("pageCount").GetInt32()).Distinct();
        Console.WriteLine($"exports {count}: ready {ready.Count}, failed {count - ready.Count}, SHA-256 mismatches {mismatched}");
        Console.WriteLine($"queued in {queuedIn:F2} s; all finished after {elapsed:F1} s; throughput {count / elapsed:F2} exports/s " +
            $"({elapsed / count * 1000:F0} ms per export); pages per PDF {string.Join(", ", pages)}; {bytes / count / 1024} KiB per PDF");
        Console.WriteLine($"rendered by {string.Join(", ", renderedBy.Select(n => $"{n.Key}: {n.Value}"))}");
        return ready.Count == count && mismatched == 0 ? 0 : 1;
    }

    private static async Task<HttpClient> SignInAsync(Uri server)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = server,
        };
        await PostAsync(client, "/account/sign-in", "/account/sign-in",
            [new("email", ExportPlan.Email), new("password", ExportPlan.Password)]);
        return client;
    }

    /// <summary>GETs the form's page for its token, posts the fields, and returns where the server redirected.</summary>
    private static async Task<string> PostAsync(HttpClient client, string url, string formPage, KeyValuePair<string, string>[] fields) =>
        await PostWithTokenAsync(client, url, Token(await client.GetStringAsync(formPage)), fields);

    private static async Task<string> PostWithTokenAsync(HttpClient client, string url, string token, KeyValuePair<string, string>[] fields)
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
