using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Diligence.Core.Audit;

namespace Diligence.Web.Audit;

/// <summary>Audit events as CSV (for people) and as JSON Lines (for a SIEM), written as they are read.</summary>
public static class AuditExport
{
    public static readonly IReadOnlyList<string> Header =
    [
        "sequence", "occurred_at", "actor", "role", "action", "resource_type", "resource_id", "before", "after",
        "client_address", "request_id", "previous_hash", "hash",
    ];

    public static async Task WriteCsvAsync(IAsyncEnumerable<AuditEvent> events, TextWriter writer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteLineAsync(Csv.Line(Header));
        await foreach (var e in events.WithCancellation(ct))
        {
            await writer.WriteLineAsync(Csv.Line(
            [
                e.Sequence.ToString(CultureInfo.InvariantCulture), Time(e.OccurredAt), e.Actor, e.Role, e.Action,
                e.ResourceType, e.ResourceId, e.Before, e.After, e.ClientAddress, e.RequestId, e.PreviousHash, e.Hash,
            ]));
        }
    }

    public static async Task WriteJsonLinesAsync(IAsyncEnumerable<AuditEvent> events, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        var line = new ArrayBufferWriter<byte>();
        await foreach (var e in events.WithCancellation(ct))
        {
            line.ResetWrittenCount();
            // Written to a buffer first: the response body allows no synchronous flush.
            using (var json = new Utf8JsonWriter(line))
            {
                json.WriteStartObject();
                json.WriteNumber("sequence", e.Sequence);
                json.WriteString("occurred_at", Time(e.OccurredAt));
                json.WriteString("actor", e.Actor);
                json.WriteString("role", e.Role);
                json.WriteString("action", e.Action);
                json.WriteString("resource_type", e.ResourceType);
                json.WriteString("resource_id", e.ResourceId);
                json.WriteString("before", e.Before);
                json.WriteString("after", e.After);
                json.WriteString("client_address", e.ClientAddress);
                json.WriteString("request_id", e.RequestId);
                json.WriteString("previous_hash", e.PreviousHash);
                json.WriteString("hash", e.Hash);
                json.WriteEndObject();
            }
            line.Write("\n"u8);
            await output.WriteAsync(line.WrittenMemory, ct);
        }
    }

    public static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    internal static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
