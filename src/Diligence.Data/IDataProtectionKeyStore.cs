namespace Diligence.Data;

/// <summary>The data-protection key ring as XML elements; synchronous because the framework's key repository is.</summary>
public interface IDataProtectionKeyStore
{
    IReadOnlyList<string> ListXml();

    void Add(string? friendlyName, string xml, DateTimeOffset createdAt);
}
