using Diligence.Core.Exports;

namespace Diligence.Core.Tests.Exports;

public sealed class ExportFileNameTests
{
    [Test]
    public void Names_vendor_product_day_and_paper() =>
        Assert.That(ExportFileName.For("Astronomer", "Astro", new DateOnly(2026, 11, 23), "A4"),
            Is.EqualTo("Astronomer - Astro - security write-up - 2026-11-23 - A4.pdf"));

    [Test]
    public void Leaves_out_a_missing_product() =>
        Assert.That(ExportFileName.For("Astral", null, new DateOnly(2026, 1, 2), "Letter"), Is.EqualTo("Astral - security write-up - 2026-01-02 - Letter.pdf"));

    [Test]
    public void Replaces_characters_a_file_system_or_header_would_trip_on() =>
        Assert.That(ExportFileName.For("../Acme: \"Cloud\"\r\n", "A/B*C?", new DateOnly(2026, 11, 23), "A4"),
            Is.EqualTo("Acme Cloud - A B C - security write-up - 2026-11-23 - A4.pdf"));

    [Test]
    public void A_name_of_nothing_but_bad_characters_becomes_vendor() =>
        Assert.That(ExportFileName.For("///", "  ", new DateOnly(2026, 11, 23), "A4"), Is.EqualTo("Vendor - security write-up - 2026-11-23 - A4.pdf"));
}
