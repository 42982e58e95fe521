using System.Xml.Linq;
using Diligence.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Diligence.Web.Hosting;

/// <summary>The data-protection key ring in the database: restarts and other instances see the same keys.</summary>
public sealed class DatabaseXmlRepository(IDataProtectionKeyStore keys, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => [.. keys.ListXml().Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        keys.Add(friendlyName, element.ToString(SaveOptions.DisableFormatting), clock.GetUtcNow());
    }
}
