using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Diligence.Data;
using Diligence.Data.Sqlite;
using Diligence.Tests.Shared;

namespace UploadLoad;

/// <summary>
/// Signs in like a browser and imports each hostile workbook into the review through the real upload form, one at a
/// time, sampling the app's PSS (/proc/PID/smaps_rollup) every 5 ms from just before the upload until the reply
/// arrives. Reports, per upload, the time to refuse and the PSS growth over the level before it. Loopback only.
/// </summary>
public static partial class UploadRun
{
    // The messages WorkbookPackage words the refusals with, as the page shows them.
    private static readonly (string Name, byte[] Workbook, string Refusal)[] _attacks =
    [
        ("1,000,000-row bomb", HostileWorkbooks.Rows(1_000_000), "The workbook has more than 10,000 rows"),
        ("10,000,000-character cell", HostileWorkbooks.LongCell(10_000_000), "A cell holds more than 32,767 characters"),
    ];

    public static async Task<int> RunAsync(Uri server, string dataDirectory, int appProcessId, int rounds)
    {
        if (!IPAddress.IsLoopback((await Dns.GetHostAddressesAsync(server.Host))[0]))
        {
            Console.Error.WriteLine("refusing to load a server that is not on this machine");
            return 2;
        }
        var plan = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "upload-plan.txt"))).Split(' ');
        var reviewId = plan[1];
        using var client = await SignInAsync(server, plan[0]);
        var failures = 0;
        foreach (var (name, workbook, refusal) in _attacks)
        {
            Console.WriteLine($"{name}: {workbook.Length / 1024.0:F0} KB upload");
            for (var round = 1; round <= rounds; round++)
            {
                var token = Token(await client.GetStringAsync($"/reviews/{reviewId}"));
                using var content = new MultipartFormDataContent
                {
                    { new ByteArrayContent(workbook), "upload", "answers.xlsx" },
                    { new StringContent(token), "__RequestVerificationToken" },
                };
                var before = Pss(appProcessId);
                using var sampling = new CancellationTokenSource();
                var peak = SamplePeakAsync(appProcessId, sampling.Token);
                var clock = Stopwatch.StartNew();
                using var response = await client.PostAsync($"/reviews/{reviewId}?handler=import", content);
                var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                var elapsed = clock.Elapsed;
                await sampling.CancelAsync();
                var growth = Math.Max(0, await peak - before);
                var refused = page.Contains(refusal, StringComparison.Ordinal);
                failures += refused ? 0 : 1;
                Console.WriteLine($"  round {round}: {(refused ? "refused" : $"NOT REFUSED ({(int)response.StatusCode})")} in {elapsed.TotalMilliseconds:F0} ms, " +
                    $"PSS {before / 1024.0:F0} MB before, peak growth {growth / 1024.0:F1} MB");
            }
        }
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = dataDirectory });
        await using var connection = await storage.Connections.OpenAsync();
        var stored = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM answer_history");
        Console.WriteLine($"answers stored {stored} (expected 0); app PSS after {Pss(appProcessId) / 1024.0:F0} MB");
        return failures == 0 && stored == 0 ? 0 : 1;
    }

    private static async Task<long> SamplePeakAsync(int processId, CancellationToken stop)
    {
        var peak = 0L;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, Pss(processId));
            await Task.Delay(5, CancellationToken.None);
        }
        return Math.Max(peak, Pss(processId));
    }

    /// <summary>The process's proportional set size in KB.</summary>
    private static long Pss(int processId) =>
        File.ReadLines($"/proc/{processId}/smaps_rollup").Where(l => l.StartsWith("Pss:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture))
            .First();

    private static async Task<HttpClient> SignInAsync(Uri server, string email)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = server,
        };
        var signIn = await client.GetStringAsync("/account/sign-in");
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = UploadPlan.Password,
            ["__RequestVerificationToken"] = Token(signIn),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in failed for {email}: {(int)response.StatusCode}");
        }
        return client;
    }

    private static string Token(string html) =>
        WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
