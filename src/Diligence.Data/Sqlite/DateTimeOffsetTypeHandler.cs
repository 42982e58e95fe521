using System.Data;
using System.Globalization;
using Dapper;

namespace Diligence.Data.Sqlite;

/// <summary>Times as ISO-8601 round-trip text in UTC, so text order is time order.</summary>
internal sealed class DateTimeOffsetTypeHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = Format(value);
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        string text => Parse(text),
        _ => (DateTimeOffset)value,
    };

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, "o", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture);
}
