using System.Net;
using System.Text.RegularExpressions;

namespace Diligence.Web.Tests.Infrastructure;

public static partial class HttpClientFormExtensions
{
    /// <summary>GETs the page the form is on (for its antiforgery token), then posts the fields like a browser.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? url);
        var body = new List<KeyValuePair<string, string>>(fields);
        if (AntiforgeryToken().Match(page) is { Success: true } token)
        {
            body.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        }
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>Posts fields as autosave.js does: the antiforgery token in a header, asking for JSON.</summary>
    public static async Task<HttpResponseMessage> PostAutosaveAsync(
        this HttpClient client, string url, string formPage, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(formPage);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        if (AntiforgeryToken().Match(page) is { Success: true } token)
        {
            request.Headers.Add("X-CSRF-TOKEN", WebUtility.HtmlDecode(token.Groups[1].Value));
        }
        request.Headers.Add("Accept", "application/json");
        return await client.SendAsync(request);
    }

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then uploads one file as the field <paramref name="field"/>.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(
        this HttpClient client, string url, string formPage, string field, byte[] bytes, string fileName)
    {
        var page = await client.GetStringAsync(formPage);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, field, fileName);
        content.Add(new StringContent(AntiforgeryTokenOf(page)), "__RequestVerificationToken");
        return await client.PostAsync(url, content);
    }

    public static string AntiforgeryTokenOf(string page) =>
        WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
