using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Diligence.Tests.Shared;

/// <summary>
/// Small .xlsx files that unpack into something large: the attacks the workbook import must refuse before loading.
/// Each is a valid workbook (a header sheet and a <c>deployment</c> sheet with the layout's headings), so only the
/// limit under test is crossed.
/// </summary>
public static class HostileWorkbooks
{
    private const string Headings = """<row r="1"><c r="A1" t="inlineStr"><is><t>key</t></is></c></row>""";

    /// <summary><paramref name="rows"/> rows of one empty cell each: about 15 bytes a row unpacked, a few bytes packed.</summary>
    public static byte[] Rows(int rows) => Cells(rows, cellsPerRow: 1);

    /// <summary><paramref name="rows"/> rows of <paramref name="cellsPerRow"/> empty cells (4 bytes each unpacked).</summary>
    public static byte[] Cells(int rows, int cellsPerRow)
    {
        var row = "<row>" + string.Concat(Enumerable.Repeat("<c/>", cellsPerRow)) + "</row>";
        var sheet = new StringBuilder(Headings, rows * row.Length + 100);
        for (var i = 0; i < rows; i++)
        {
            sheet.Append(row);
        }
        return Workbook(sheet.ToString(), sharedString: null);
    }

    /// <summary>One answer cell holding <paramref name="characters"/> characters, as a shared string.</summary>
    public static byte[] LongCell(int characters) =>
        Workbook(Headings + """<row r="2"><c r="A2" t="inlineStr"><is><t>deployment.tenant-isolation</t></is></c><c r="C2" t="s"><v>0</v></c></row>""",
            sharedString: new string('x', characters));

    /// <summary>
    /// <paramref name="workbook"/> with <paramref name="marker"/> replaced by <paramref name="text"/> in every part:
    /// a cell longer than Excel (or ClosedXML) would write.
    /// </summary>
    public static byte[] Replacing(byte[] workbook, string marker, string text)
    {
        using var source = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                Add(archive, entry.FullName, reader.ReadToEnd().Replace(marker, text, StringComparison.Ordinal));
            }
        }
        return zip.ToArray();
    }

    /// <summary>A zip of <paramref name="parts"/> tiny entries.</summary>
    public static byte[] Parts(int parts)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < parts; i++)
            {
                using var writer = new StreamWriter(archive.CreateEntry($"xl/media/part{i}.xml").Open());
                writer.Write("<x/>");
            }
        }
        return zip.ToArray();
    }

    /// <summary>
    /// One entry of <paramref name="bytes"/> zero bytes whose headers (local and central) declare 1 KB: only counting
    /// while inflating finds its real size.
    /// </summary>
    public static byte[] LyingAboutItsSize(int bytes)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("xl/media/image1.png", CompressionLevel.Optimal).Open();
            entry.Write(new byte[bytes]);
        }
        var file = zip.ToArray();
        const int declared = 1024;
        // The only entry's local header is at 0 (size at +22); the end record (last 22 bytes) gives the central
        // directory's offset (+16), whose one header has the size at +24.
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(22), declared);
        var central = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 22 + 16));
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(central + 24), declared);
        return file;
    }

    private static byte[] Workbook(string deploymentRows, string? sharedString)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "[Content_Types].xml", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                {(sharedString is null ? "" : """<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""")}
                </Types>
                """);
            Add(archive, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>
                """);
            Add(archive, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="answers-file" sheetId="1" r:id="rId1"/><sheet name="deployment" sheetId="2" r:id="rId2"/></sheets>
                </workbook>
                """);
            Add(archive, "xl/_rels/workbook.xml.rels", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
                {(sharedString is null ? "" : """<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>""")}
                </Relationships>
                """);
            Add(archive, "xl/worksheets/sheet1.xml", Sheet("""<row r="1"><c r="A1" t="inlineStr"><is><t>questionnaire</t></is></c><c r="B1" t="inlineStr"><is><t>vendor-security-diligence</t></is></c></row>"""));
            Add(archive, "xl/worksheets/sheet2.xml", Sheet(deploymentRows));
            if (sharedString is not null)
            {
                Add(archive, "xl/sharedStrings.xml", $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>{sharedString}</t></si></sst>""");
            }
        }
        return zip.ToArray();
    }

    private static string Sheet(string rows) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>""";

    private static void Add(ZipArchive archive, string name, string text)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
