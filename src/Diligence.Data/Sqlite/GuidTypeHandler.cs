using System.Data;
using Dapper;

namespace Diligence.Data.Sqlite;

/// <summary>Guids as lower-case "D" text, so ids compare and index as plain strings.</summary>
internal sealed class GuidTypeHandler : SqlMapper.TypeHandler<Guid>
{
    public override void SetValue(IDbDataParameter parameter, Guid value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = value.ToString("D");
    }

    public override Guid Parse(object value) => value switch
    {
        string text => Guid.ParseExact(text, "D"),
        byte[] bytes => new Guid(bytes),
        _ => (Guid)value,
    };
}
