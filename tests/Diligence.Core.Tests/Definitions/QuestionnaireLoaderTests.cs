using System.Text;
using Diligence.Core.Definitions;

namespace Diligence.Core.Tests.Definitions;

public sealed class QuestionnaireLoaderTests
{
    private const string Minimal = """
        id: minimal
        version: 1.0.0
        title: Minimal
        status: draft
        steps:
          - id: only
            title: Only
            items:
              - { id: ok, key: only.ok, type: yes-no-na, prompt: OK? }
        """;

    private static Questionnaire EveryType => QuestionnaireLoader.LoadFile(TestFiles.Valid("every-type.yaml")).Value!;

    [Test]
    public void Unknown_item_type_is_reported_at_its_line()
    {
        var result = QuestionnaireLoader.Load(Minimal.Replace("type: yes-no-na", "type: stars", StringComparison.Ordinal), "q.yaml");

        Assert.That(result.Diagnostics.Single().ToString(), Is.EqualTo(
            "q.yaml:9:39: error: unknown item type 'stars'; expected one of: yes-no-na, single-choice, multi-choice, text, markdown, number, date, url, matrix, repeat, evidence, display, group"));
        Assert.That(result.Value, Is.Null);
        Assert.That(result.Succeeded, Is.False);
    }

    [Test]
    public void A_diagnostic_reads_file_line_column_level_message()
    {
        Assert.That(new Diagnostic("a.yaml", 3, 7, DiagnosticLevel.Warning, "careful").ToString(), Is.EqualTo("a.yaml:3:7: warning: careful"));
        Assert.That(new Diagnostic("a.yaml", 1, 1, DiagnosticLevel.Error, "wrong").ToString(), Is.EqualTo("a.yaml:1:1: error: wrong"));
    }

    [Test]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var yaml = Minimal
            .Replace("version: 1.0.0", "version: one", StringComparison.Ordinal)
            .Replace("status: draft", "status: maybe", StringComparison.Ordinal)
            .Replace("prompt: OK?", "prompt: OK?, required: 3", StringComparison.Ordinal);

        var messages = QuestionnaireLoader.Load(yaml, "q.yaml").Diagnostics.Select(d => d.Message);

        Assert.That(messages, Is.EqualTo(new[]
        {
            "invalid version 'one'; expected MAJOR.MINOR.PATCH, e.g. 1.0.0",
            "invalid status 'maybe'; expected draft or published",
            "'required' must be true or false",
        }));
    }

    [Test]
    public void The_file_name_in_diagnostics_is_the_path_as_given()
    {
        var path = Path.Combine(Path.GetTempPath(), $"diligence-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "id: [");
        try
        {
            var result = QuestionnaireLoader.LoadFile(path);
            Assert.That(result.Diagnostics.Single().File, Is.EqualTo(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Every_item_type_is_read_into_the_model()
    {
        var questionnaire = EveryType;

        Assert.Multiple(() =>
        {
            Assert.That(questionnaire.Id, Is.EqualTo("every-type"));
            Assert.That(questionnaire.Version, Is.EqualTo("1.2.0-beta.1"));
            Assert.That(questionnaire.Status, Is.EqualTo(QuestionnaireStatus.Draft));
            Assert.That(questionnaire.Description, Does.StartWith("A questionnaire that uses every item type"));
            Assert.That(questionnaire.Steps.Select(s => s.Id), Is.EqualTo(new[] { "profile", "deployment", "certifications", "pilot" }));
            Assert.That(questionnaire.AllItems.Select(i => i.Type).Distinct(), Is.EquivalentTo(Enum.GetValues<ItemType>()));
            Assert.That(questionnaire.Findings.Select(f => f.Id), Is.EqualTo(new[] { "phi-with-inbound", "old-soc2", "no-trust-page" }));
        });

        var classes = (MultiChoiceItem)questionnaire.FindItem("data-classes")!;
        Assert.Multiple(() =>
        {
            Assert.That(classes.Key, Is.EqualTo("profile.data-classes"));
            Assert.That(classes.Required, Is.True);
            Assert.That(classes.AllowOther, Is.True);
            Assert.That((classes.Min, classes.Max), Is.EqualTo((1, 4)));
            Assert.That(classes.Audience, Is.EqualTo(Audience.Both));
            Assert.That(classes.Mappings["hipaa"], Is.EqualTo(new[] { "164.312(d)" }));
            Assert.That(classes.FindOption("phi")!.Flag!.Severity, Is.EqualTo(FindingSeverity.Medium));
            Assert.That(classes.FindOption("none")!.Exclusive, Is.True);
            Assert.That(classes.IsChoice("other"), Is.True);
            Assert.That((classes.Line, classes.Column), Is.EqualTo((17, 9)));
        });

        var criticality = (SingleChoiceItem)questionnaire.FindItem("criticality")!;
        Assert.That(criticality.FindOption("high")!.Score, Is.EqualTo(3m));
        Assert.That(criticality.FindOption("high")!.Flag!.Ask, Is.EqualTo("What is the fallback?"));

        var count = (NumberItem)questionnaire.FindItem("user-count")!;
        Assert.That((count.Min, count.Max, count.Integer, count.Unit), Is.EqualTo((0m, 100000m, true, "users")));

        var contact = (TextItem)questionnaire.FindItem("contact")!;
        Assert.That((contact.MaxLength, contact.Pattern), Is.EqualTo((200, @"^[^@\s]+@[^@\s]+$")));

        var inbound = (YesNoNaItem)questionnaire.FindItem("inbound-required")!;
        Assert.That(inbound.Justification, Is.True);
        Assert.That(inbound.Flags["yes"].Severity, Is.EqualTo(FindingSeverity.High));
        Assert.That(inbound.VisibleWhen, Is.EqualTo(
            new LeafCondition("deployment-models", ConditionOperator.AnyOf, new ListConditionValue(["remote-execution"])) { Line = 82, Column = 22 }));
        Assert.That(inbound.RequiredWhen, Is.TypeOf<LeafCondition>());

        var boundary = (MatrixItem)questionnaire.FindItem("boundary")!;
        Assert.That(boundary.ColumnsFrom, Is.EqualTo("deployment-models"));
        Assert.That(boundary.Columns.Select(c => c.Id), Is.EqualTo(new[] { "hosted", "dedicated", "remote-execution" }));
        Assert.That(boundary.Rows.Select(r => r.Label), Is.EqualTo(new[] { "Control plane (UI, API, orchestration)", "Logs" }));
        Assert.That(boundary.Cell.Type, Is.EqualTo(ItemType.Text));

        var encryption = (MatrixItem)questionnaire.FindItem("encryption")!;
        Assert.That(encryption.Cell.Type, Is.EqualTo(ItemType.SingleChoice));
        Assert.That(encryption.Cell.Options.Select(o => o.Id), Is.EqualTo(new[] { "tls12", "none" }));

        var certs = (RepeatItem)questionnaire.FindItem("certs")!;
        Assert.That(certs.Items.Select(i => i.Type), Is.EqualTo(new[] { ItemType.SingleChoice, ItemType.Date, ItemType.Evidence }));
        Assert.That((certs.Min, certs.Max, certs.EntryLabel), Is.EqualTo((0, 10, "Certification")));
        Assert.That(((DateItem)certs.Items[1]).Min!.Duration, Is.EqualTo(new IsoDuration(true, 10, 0, 0, 0)));

        var periodEnd = (DateItem)questionnaire.FindItem("soc2-period-end")!;
        Assert.That(periodEnd.Max!.Resolve(new DateOnly(2026, 11, 1)), Is.EqualTo(new DateOnly(2026, 11, 1)));

        var scope = (AnswerableItem)questionnaire.FindItem("pilot-scope")!;
        Assert.That(scope.Audience, Is.EqualTo(Audience.Reviewer));

        var pilot = questionnaire.FindStep("pilot")!;
        var all = (AllCondition)pilot.VisibleWhen!;
        Assert.That(all.Conditions.Select(c => c.GetType().Name), Is.EqualTo(new[] { "LeafCondition", "NotCondition", "AnyCondition", "NotCondition" }));
        Assert.That(((NotCondition)all.Conditions[3]).Conditions, Has.Count.EqualTo(2));
    }

    [Test]
    public void Answerable_items_are_the_keyed_items_outside_repeats_in_document_order()
    {
        var questionnaire = EveryType;

        Assert.That(questionnaire.AnswerableItems.Select(i => i.Id), Is.EqualTo(new[]
        {
            "data-classes", "criticality", "user-count", "contact", "summary", "trust-page", "deployment-models", "inbound-required",
            "agent-egress", "boundary", "encryption", "certs", "soc2-period-end", "soc2-report", "no-cert-reason", "pilot-scope",
        }));
    }

    [Test]
    public void Items_are_found_by_id_and_key_with_their_step_and_parent()
    {
        var questionnaire = EveryType;

        Assert.Multiple(() =>
        {
            Assert.That(questionnaire.FindItem("agent-egress")!.Type, Is.EqualTo(ItemType.Text));
            Assert.That(questionnaire.FindItemByKey("network.agent-egress")!.Id, Is.EqualTo("agent-egress"));
            Assert.That(questionnaire.FindItemByKey("certifications.held.expiry")!.Id, Is.EqualTo("cert-expiry"));
            Assert.That(questionnaire.FindParentOf("agent-egress")!.Id, Is.EqualTo("remote-group"));
            Assert.That(questionnaire.FindParentOf("cert-expiry")!.Id, Is.EqualTo("certs"));
            Assert.That(questionnaire.FindParentOf("certs"), Is.Null);
            Assert.That(questionnaire.FindStepOf("cert-expiry")!.Id, Is.EqualTo("certifications"));
            Assert.That(questionnaire.FindItem("nothing"), Is.Null);
            Assert.That(questionnaire.FindItemByKey("nothing"), Is.Null);
        });
    }

    [Test]
    public void An_empty_file_is_reported()
    {
        Assert.That(QuestionnaireLoader.Load("", "e.yaml").Diagnostics.Single().ToString(), Is.EqualTo("e.yaml:1:1: error: file is empty"));
        Assert.That(QuestionnaireLoader.Load("# only a comment\n", "e.yaml").Diagnostics.Single().Message, Is.EqualTo("file is empty"));
    }

    [Test]
    public void A_binary_file_is_not_valid_utf8_text()
    {
        var path = Path.Combine(Path.GetTempPath(), $"diligence-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0xFF, 0xFE]);
        try
        {
            var result = QuestionnaireLoader.LoadFile(path);
            Assert.That(result.Diagnostics.Single().Message, Is.EqualTo("file is not valid UTF-8 text"));
            Assert.That((result.Diagnostics[0].Line, result.Diagnostics[0].Column), Is.EqualTo((1, 1)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Text_with_control_characters_is_malformed_yaml_not_a_crash()
    {
        var result = QuestionnaireLoader.Load("id: a\u0000b\nversion: 1.0.0\n", "c.yaml");

        Assert.That(result.Diagnostics.Single().Message, Does.StartWith("invalid YAML: "));
    }

    [TestCase("id: \uD800\n")]
    [TestCase("\uDFFF: x")]
    [TestCase("title: \"\\uD800\"")]
    public void Unpaired_surrogates_in_text_are_reported_not_thrown(string yaml)
    {
        var result = QuestionnaireLoader.Load(yaml, "s.yaml");

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Diagnostics, Is.Not.Empty);
    }

    [Test]
    public void A_byte_order_mark_is_accepted()
    {
        var path = Path.Combine(Path.GetTempPath(), $"diligence-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Minimal)]);
        try
        {
            Assert.That(QuestionnaireLoader.LoadFile(path).Succeeded, Is.True);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_file_over_the_size_limit_is_refused_with_its_size()
    {
        var path = Path.Combine(Path.GetTempPath(), $"diligence-{Guid.NewGuid():N}.yaml");
        using (var stream = File.Create(path))
            stream.SetLength(17 * 1024 * 1024);
        try
        {
            Assert.That(QuestionnaireLoader.LoadFile(path).Diagnostics.Single().ToString(), Is.EqualTo($"{path}:1:1: error: file is 17.0 MiB, larger than the 16 MiB limit"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Text_over_the_size_limit_is_refused_with_its_size()
    {
        var text = new string('#', (16 * 1024 * 1024) + 1);

        Assert.That(QuestionnaireLoader.Load(text, "big.yaml").Diagnostics.Single().Message, Is.EqualTo("file is 16.0 MiB, larger than the 16 MiB limit"));
    }

    [Test]
    public void A_missing_file_is_reported_not_thrown()
    {
        var result = QuestionnaireLoader.LoadFile(Path.Combine(Path.GetTempPath(), "no-such-diligence-file.yaml"));

        Assert.That(result.Diagnostics.Single().Message, Does.StartWith("cannot read the file: "));
    }

    [Test]
    public void A_yaml_bomb_is_refused_without_expanding()
    {
        var bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level < 12; level++)
            bomb.Append($"{(char)('a' + level)}: &{(char)('a' + level)} [*{(char)('a' + level - 1)}, *{(char)('a' + level - 1)}, *{(char)('a' + level - 1)}, *{(char)('a' + level - 1)}, *{(char)('a' + level - 1)}, *{(char)('a' + level - 1)}, *{(char)('a' + level - 1)}, *{(char)('a' + level - 1)}, *{(char)('a' + level - 1)}, *{(char)('a' + level - 1)}]\n");

        var result = QuestionnaireLoader.Load(bomb.ToString(), "bomb.yaml");

        Assert.That(result.Diagnostics.Select(d => d.Message), Does.Contain("YAML anchors and aliases are not allowed"));
        Assert.That(result.Value, Is.Null);
    }

    [Test]
    public void Very_deep_nesting_is_refused_at_the_limit()
    {
        var deep = "steps: " + new string('[', 100_000) + new string(']', 100_000);

        var result = QuestionnaireLoader.Load(deep, "deep.yaml");

        Assert.That(result.Diagnostics.Single().ToString(), Is.EqualTo("deep.yaml:1:71: error: nesting is deeper than 64 levels"));
    }

    [Test]
    public void Malformed_yaml_reports_the_parser_message_at_its_position()
    {
        var result = QuestionnaireLoader.Load("id: x\nsteps: [ { id: a, title: b\n", "m.yaml");

        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Message, Does.StartWith("invalid YAML: "));
        Assert.That(diagnostic.Message, Does.Not.Contain("Line:"));
        Assert.That(diagnostic.Line, Is.EqualTo(3));
    }

    [Test]
    public void Warnings_alone_keep_the_value()
    {
        var result = new LoadResult<string>("value", [new Diagnostic("f", 1, 1, DiagnosticLevel.Warning, "w")]);
        var failed = new LoadResult<string>("value", [new Diagnostic("f", 1, 1, DiagnosticLevel.Error, "e")]);

        Assert.That((result.Succeeded, result.Value), Is.EqualTo((true, "value")));
        Assert.That((failed.Succeeded, failed.Value), Is.EqualTo((false, (string?)null)));
    }

    [Test]
    public void An_id_shared_by_a_step_and_an_item_is_allowed()
    {
        var yaml = Minimal.Replace("id: ok,", "id: only,", StringComparison.Ordinal);

        Assert.That(QuestionnaireLoader.Load(yaml, "q.yaml").Succeeded, Is.True);
    }
}
