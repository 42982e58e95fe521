using System.Net.Http.Headers;
using ClosedXML.Excel;
using Diligence.Core.Accounts;
using Diligence.Core.Definitions;
using Diligence.Core.Evaluation;
using Diligence.Data;
using Diligence.Interchange;
using Diligence.Web.Tests.Infrastructure;

namespace Diligence.Web.Tests.Library;

/// <summary>Libraries as Excel workbooks: lossless round trips, and every malformed workbook refused with nothing imported.</summary>
public sealed class WorkbookTests
{
    private TestApp _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new TestApp();

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [TestCase("Astronomer")]
    [TestCase("Astral")]
    [TestCase("Astralog")]
    public async Task A_sample_library_as_a_workbook_imports_back_unchanged(string name)
    {
        var (client, vendorId) = await SignInAsync(name);
        var before = await _app.Get<ILibraryStore>().ListAsync(vendorId);
        var yaml = await client.GetStringAsync("/portal?handler=export");

        var workbook = await client.GetByteArrayAsync("/portal?handler=export&format=xlsx");
        var page = await UploadAsync(client, workbook, "library.xlsx");

        Assert.That(page, Does.Contain("Imported: 0 answers changed."), page);
        Assert.That(await _app.Get<ILibraryStore>().ListAsync(vendorId), Is.EqualTo(before));
        Assert.That(await client.GetStringAsync("/portal?handler=export"), Is.EqualTo(yaml));
    }

    [Test]
    public async Task Choice_answers_offer_their_options_as_a_validation_list()
    {
        var (client, _) = await SignInAsync("Astral");
        using var workbook = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync("/portal?handler=export&format=xlsx")));

        var sheet = workbook.Worksheet("data-boundary");
        var row = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "ai.in-use").RowNumber();

        Assert.That(sheet.Cell(row, 3).GetString(), Is.EqualTo("yes"));
        Assert.That(sheet.Cell(row, 3).DataValidation.AllowedValues, Is.EqualTo(XLAllowedValues.List));
        Assert.That(ListedOptions(workbook, sheet.Cell(row, 3)), Is.EqualTo(new[] { "yes", "no", "na" }));
        Assert.That(workbook.Worksheet(WorkbookLayout.ChoicesSheet).Visibility, Is.EqualTo(XLWorksheetVisibility.Hidden));
        Assert.That(sheet.Column(2).Width, Is.EqualTo(60));
    }

    [Test]
    public void A_choice_whose_options_run_past_255_characters_still_offers_every_option()
    {
        var options = Enumerable.Range(1, 40).Select(i => $"control-objective-number-{i:00}").ToList();
        var questionnaire = QuestionnaireLoader.Load($$"""
            id: long-lists
            version: 1.0.0
            title: A choice with a long list
            status: published
            steps:
              - id: controls
                title: Controls
                items:
                  - id: objective
                    key: controls.objective
                    type: single-choice
                    prompt: Which objective?
                    options: [{{string.Join(", ", options.Select(o => $"{{ id: {o}, label: {o} }}"))}}]
            """, "long-lists.yaml").Value!;
        Assert.That(string.Join(',', options).Length, Is.GreaterThan(255));

        using var workbook = new XLWorkbook(new MemoryStream(WorkbookExporter.Export(
            new Diligence.Core.Answers.AnswerSheet(questionnaire.Id, questionnaire.Version), questionnaire, Audience.Both)));
        var cell = workbook.Worksheet("controls").Cell(2, WorkbookLayout.AnswerColumn);

        Assert.That(cell.DataValidation.AllowedValues, Is.EqualTo(XLAllowedValues.List));
        Assert.That(ListedOptions(workbook, cell), Is.EqualTo(options));
    }

    // The option ids a cell's drop-down offers: the cells of the range its list names.
    private static List<string> ListedOptions(XLWorkbook workbook, IXLCell cell)
    {
        var reference = cell.DataValidation.Value.TrimStart('=');
        var bang = reference.LastIndexOf('!');
        var sheet = workbook.Worksheet(reference[..bang].Trim('\''));
        return [.. sheet.Range(reference[(bang + 1)..]).Cells().Select(c => c.GetString())];
    }

    private static readonly (string Name, Action<XLWorkbook> Break, string Message)[] _broken =
    [
        ("extra sheet", w => w.Worksheets.Add("notes"), "Sheet 'notes' is not a step of vendor-security-diligence 1.0.0; remove it."),
        ("renamed column", w => w.Worksheet("deployment").Cell(1, 3).SetValue("our answer"),
            "Sheet 'deployment', column C: expected the heading 'answer', found 'our answer'."),
        ("formula", w => w.Worksheet("deployment").Cell(2, 7).FormulaA1 = "1+1",
            "Sheet 'deployment', cell G2 holds a formula; enter values only."),
        ("merged cells", w => w.Worksheet("deployment").Range("D2:E2").Merge(), "Sheet 'deployment' has merged cells (D2:E2); unmerge them."),
        ("unknown option", w => w.Worksheet("data-boundary").RowsUsed().First(r => r.Cell(1).GetString() == "ai.in-use").Cell(3).SetValue("maybe"),
            "column C: answer 'ai.in-use': expected yes, no or na"),
        ("reviewer-only item", w => AddRow(w.Worksheet("workload"), "workload.criticality", "business-critical"),
            "column A: answer key 'workload.criticality' is for reviewers only; a vendor library holds only the items vendors answer"),
    ];

    private static void AddRow(IXLWorksheet sheet, string key, string answer)
    {
        var row = sheet.LastRowUsed()!.RowNumber() + 1;
        sheet.Cell(row, 1).SetValue(key);
        sheet.Cell(row, 3).SetValue(answer);
    }

    [TestCaseSource(nameof(BrokenCases))]
    public async Task A_malformed_workbook_is_refused_with_its_message_and_changes_nothing(string name)
    {
        var (brokenName, breakIt, message) = _broken.Single(b => b.Name == name);
        var (client, vendorId) = await SignInAsync("Astralog");
        var before = await _app.Get<ILibraryStore>().ListAsync(vendorId);
        using var workbook = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync("/portal?handler=export&format=xlsx")));
        breakIt(workbook);
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);

        var page = System.Net.WebUtility.HtmlDecode(await UploadAsync(client, saved.ToArray(), "library.xlsx"));

        Assert.That(page, Does.Contain("Nothing was changed."), brokenName);
        Assert.That(page, Does.Contain(message), brokenName);
        Assert.That(await _app.Get<ILibraryStore>().ListAsync(vendorId), Is.EqualTo(before));
    }

    public static IEnumerable<string> BrokenCases() => _broken.Select(b => b.Name);

    [Test]
    public async Task A_file_that_is_not_a_workbook_is_refused()
    {
        var (client, vendorId) = await SignInAsync("Astralog");
        var before = await _app.Get<ILibraryStore>().ListAsync(vendorId);

        var page = await UploadAsync(client, "questionnaire: not a workbook"u8.ToArray(), "library.xlsx");

        Assert.That(page, Does.Contain(WorkbookImporter.NotAWorkbook));
        Assert.That(await _app.Get<ILibraryStore>().ListAsync(vendorId), Is.EqualTo(before));
    }

    [Test]
    public void A_workbook_with_100000_rows_is_refused_unread()
    {
        var questionnaire = QuestionnaireLoader.LoadFile(Path.Combine(RepositoryRoot(), "questionnaires", "vendor-security-diligence.yaml")).Value!;
        using var workbook = new XLWorkbook();
        workbook.Worksheets.Add(WorkbookLayout.HeaderSheet).Cell(1, 1).SetValue("questionnaire");
        var sheet = workbook.Worksheets.Add("deployment");
        for (var c = 0; c < WorkbookLayout.Columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(WorkbookLayout.Columns[c]);
        }
        sheet.Cell(100_000, 1).SetValue("deployment.tenant-isolation");
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);
        saved.Position = 0;

        var (read, problems) = WorkbookImporter.Read(saved, new QuestionnaireEvaluator(questionnaire), new DateOnly(2026, 11, 23), Audience.Vendor);

        Assert.That(read, Is.Null);
        Assert.That(problems, Is.EqualTo(new[] { WorkbookPackage.TooManyRows }));
    }

    private async Task<(HttpClient Client, Guid VendorId)> SignInAsync(string vendorName)
    {
        var vendor = await _app.FindAsync(vendorName);
        var (client, _) = await _app.SignInAsAsync(Role.Vendor, vendor.Id);
        return (client, vendor.Id);
    }

    private static async Task<string> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var page = await client.GetStringAsync("/portal");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "upload", fileName);
        content.Add(new StringContent(HttpClientFormExtensions.AntiforgeryTokenOf(page)), "__RequestVerificationToken");
        var response = await client.PostAsync("/portal?handler=import", content);
        return await response.Content.ReadAsStringAsync();
    }

    private static string RepositoryRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Diligence.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }
        return root;
    }
}
