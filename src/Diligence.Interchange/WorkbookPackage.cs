using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Diligence.Interchange;

/// <summary>
/// Checks an uploaded workbook's package before anything loads it: a zip of few parts, unpacking to no more than
/// <see cref="MaxUnpackedBytes"/>, with no more than <see cref="WorkbookLayout.MaxRows"/> rows, <see cref="MaxCells"/>
/// cells and no cell longer than Excel allows, counted by streaming each part's XML (by element name, whatever the
/// namespace, so Strict Open XML is counted too). Holds one read buffer at a time, so a small hostile file (a
/// million empty rows, a ten-million-character cell) is refused cheaply instead of being built into a workbook first.
/// A part never inflates past the size it declares (<see cref="ZipArchive"/> gives its inflater that size; a test pins
/// it), so the declared sizes bound what is unpacked.
/// </summary>
public static class WorkbookPackage
{
    /// <summary>A Diligence workbook has about 25 parts (one sheet per step plus the package's own).</summary>
    public const int MaxParts = 200;

    public const long MaxUnpackedBytes = 20 * 1024 * 1024;

    /// <summary>Every row full: a cell costs ClosedXML far more than the few bytes of an empty <c>&lt;c/&gt;</c>.</summary>
    public static readonly int MaxCells = WorkbookLayout.MaxRows * WorkbookLayout.Columns.Count;

    /// <summary>The most text Excel puts in one cell.</summary>
    public const int MaxCellCharacters = 32_767;

    public static readonly string TooManyParts = Format(
        $"The workbook has more than {MaxParts} parts; export a fresh one from Diligence and enter the answers there.");

    public static readonly string TooLargeUnpacked = Format(
        $"The workbook unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB; remove images, extra formatting and empty rows, or split the answers across workbooks.");

    public static readonly string TooManyRows = Format(
        $"The workbook has more than {WorkbookLayout.MaxRows:N0} rows; at most {WorkbookLayout.MaxRows:N0} are read. Remove empty rows or split the answers across workbooks.");

    public static readonly string TooManyCells = Format(
        $"The workbook has more than {MaxCells:N0} cells; at most {MaxCells:N0} are read. Remove cells outside the answer columns or split the answers across workbooks.");

    public static readonly string CellTooLong = Format(
        $"A cell holds more than {MaxCellCharacters:N0} characters, more than Excel allows; shorten it.");

    private static readonly XmlReaderSettings _xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>
    /// The problem that refuses <paramref name="content"/> (a seekable stream), or null when it may be loaded; the
    /// stream is left at its start either way.
    /// </summary>
    public static string? Check(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            using var archive = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return Check(archive);
        }
        catch (InvalidDataException)
        {
            return WorkbookImporter.NotAWorkbook;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static string? Check(ZipArchive archive)
    {
        if (archive.Entries.Count > MaxParts)
            return TooManyParts;
        if (archive.Entries.Any(e => e.Length > MaxUnpackedBytes) || archive.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            return TooLargeUnpacked;
        var counts = new ElementCounts();
        foreach (var entry in archive.Entries)
        {
            using var part = entry.Open();
            if (ScanPart(part, counts) is { } problem)
                return problem;
        }
        return null;
    }

    /// <summary>
    /// Streams one part: rows and cells of a worksheet add to <paramref name="counts"/> (rows by their number, so a sparse
    /// sheet counts its gaps as ClosedXML would); the text of one shared string or one cell is counted in chunks, never built.
    /// </summary>
    private static string? ScanPart(Stream part, ElementCounts counts)
    {
        try
        {
            return ScanXml(part, counts);
        }
        catch (XmlException)
        {
            // Not XML (an image, say): nothing to count, and no more to unpack than it declared.
            return null;
        }
    }

    private static string? ScanXml(Stream part, ElementCounts counts)
    {
        using var reader = XmlReader.Create(part, _xml);
        var sheetRow = 0;
        var cellDepth = -1;
        var cellCharacters = 0L;
        var chunk = new char[4096];
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "row":
                    var previous = sheetRow;
                    sheetRow = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > sheetRow
                        ? number
                        : sheetRow + 1;
                    if (!counts.AddRows(sheetRow - previous))
                        return TooManyRows;
                    break;
                case XmlNodeType.Element when reader.LocalName is "c" or "si":
                    if (reader.LocalName == "c" && !counts.AddCell())
                        return TooManyCells;
                    if (cellDepth < 0 && !reader.IsEmptyElement)
                    {
                        cellDepth = reader.Depth;
                        cellCharacters = 0;
                    }
                    break;
                case XmlNodeType.EndElement when reader.Depth == cellDepth:
                    cellDepth = -1;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when cellDepth >= 0:
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        cellCharacters += read;
                        if (cellCharacters > MaxCellCharacters)
                            return CellTooLong;
                    }
                    break;
            }
        }
        return null;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class ElementCounts
    {
        private int _rows;
        private int _cells;

        /// <summary>False once the workbook's rows, over all sheets, pass the limit.</summary>
        public bool AddRows(int rows)
        {
            _rows += rows;
            return _rows <= WorkbookLayout.MaxRows;
        }

        /// <summary>False once the workbook's cells, over all sheets, pass the limit.</summary>
        public bool AddCell() => ++_cells <= MaxCells;
    }
}
