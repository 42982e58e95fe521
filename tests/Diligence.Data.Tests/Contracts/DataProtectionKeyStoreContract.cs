namespace Diligence.Data.Tests.Contracts;

/// <summary>The key ring every node reads: keys come back in the order they were added, after a restart too.</summary>
public abstract class DataProtectionKeyStoreContract : StoreContract
{
    [Test]
    public void An_empty_ring_lists_nothing() =>
        Assert.That(Database.DataProtectionKeys.ListXml(), Is.Empty);

    [Test]
    public void Keys_survive_reopening_in_the_order_added()
    {
        Database.DataProtectionKeys.Add("key-1", "<key id=\"1\" />", TestData.Now);
        Database.DataProtectionKeys.Add(null, "<key id=\"2\">ünïcødé</key>", TestData.Now);

        Database.Reopen();

        Assert.That(Database.DataProtectionKeys.ListXml(), Is.EqualTo(new[] { "<key id=\"1\" />", "<key id=\"2\">ünïcødé</key>" }));
    }
}
