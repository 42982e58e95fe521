using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Core.WriteUp;

namespace Diligence.Reports.Tests.Model;

public sealed class WriteUpBuilderTests
{
    /// <summary>Seed 000 §3, the Astro diligence page's component table, cell for cell.</summary>
    private static readonly string[][] _seedBoundary =
    [
        ["Control plane (UI, API, orchestration)", "Astronomer infrastructure", "Astronomer infrastructure (single-tenant)", "Astronomer infrastructure", "Customer infrastructure"],
        ["Task execution (worker processes)", "Astronomer infrastructure", "Astronomer infrastructure", "Customer infrastructure", "Customer infrastructure"],
        ["Code (e.g. DAG code)", "Astronomer infrastructure", "Astronomer infrastructure (isolated)", "Customer infrastructure", "Customer infrastructure"],
        ["Logs", "Astronomer infrastructure", "Astronomer infrastructure (isolated)", "Customer infrastructure", "Customer infrastructure"],
        ["Secrets and connections", "Astronomer-managed secret backend, or customer-managed (Vault, AWS Secrets Manager, GCP Secret Manager, Azure Key Vault)", "Same, with tenant isolation", "Customer-managed", "Customer-managed"],
        ["Data read/written", "Wherever tasks read/write it (customer's warehouse, storage, etc.)", "Same", "Customer infrastructure", "Customer infrastructure"],
        ["Orchestration metadata (run history, schedule state)", "Astronomer infrastructure", "Astronomer infrastructure (isolated)", "Astronomer control plane", "Customer infrastructure"],
    ];

    [Test]
    public void The_Astro_data_boundary_table_carries_every_cell_of_the_seed_table()
    {
        var table = AnswerOf(Reviews.WriteUpOf(Reviews.Sample("astronomer-astro")), "boundary.component-locations").Table!;

        Assert.That(table.Columns, Is.EqualTo(new[] { "Hosted", "Dedicated", "Remote execution", "Private cloud" }));
        foreach (var expected in _seedBoundary)
        {
            var row = table.Rows.Single(r => r.Header == expected[0]);
            Assert.That(row.Cells.Select(c => c.Text), Is.EqualTo(expected[1..]), expected[0]);
        }
        Assert.That(table.Rows.Single(r => r.Header == "Backups").Cells.All(c => c.IsMissing), Is.True, "backups are not stated");
    }

    [Test]
    public void A_matrix_shows_only_the_columns_selected_or_answered()
    {
        var table = AnswerOf(Reviews.WriteUpOf(Reviews.Fixture()), "boundary.component-locations").Table!;

        Assert.That(table.Columns, Is.EqualTo(new[] { "Hosted", "Remote execution" }));
        Assert.That(table.Rows.Single(r => r.Header == "Logs").Cells.Select(c => c.Text), Is.EqualTo(new[] { "Not stated", "Customer VPC" }));
    }

    [Test]
    public void Sections_follow_the_path_in_order_and_leave_out_nothing_visible()
    {
        var writeUp = Reviews.WriteUpOf(Reviews.Sample("astronomer-astro"));

        Assert.That(writeUp.Sections.Select(s => s.Title), Is.EqualTo(Reviews.Questionnaire.Steps.Select(s => s.Title)));
        Assert.That(writeUp.Sections.Select(s => s.Number), Is.EqualTo(Enumerable.Range(1, 12)));
        Assert.That(writeUp.Contents.Select(c => c.Anchor), Is.EqualTo(
            new[] { "summary" }.Concat(writeUp.Sections.Select(s => s.Anchor)).Concat(["open-questions", "provenance", "sign-off"])));
    }

    [Test]
    public void Hidden_items_are_left_out_even_when_answered()
    {
        var writeUp = Reviews.WriteUpOf(Reviews.Fixture());

        // BYOC is not offered, so its group is hidden though the fixture answers deployment.byoc.clouds.
        Assert.That(AllAnswers(writeUp).Select(a => a.Key), Does.Not.Contain("deployment.byoc.clouds"));
        Assert.That(writeUp.Sections.Single(s => s.Title == "Deployment model").Groups.Select(g => g.Title), Does.Not.Contain("Bring your own cloud or infrastructure"));
    }

    [Test]
    public void An_answer_that_shows_a_hidden_item_brings_it_into_the_write_up()
    {
        var sheet = Reviews.Fixture().With("deployment.models-offered", new Answer(new ChoicesValue(["hosted", "byoc"])));

        var writeUp = Reviews.WriteUpOf(sheet);

        Assert.That(AllAnswers(writeUp).Select(a => a.Key), Does.Contain("deployment.byoc.clouds"));
    }

    [Test]
    public void Unanswered_required_items_are_listed_as_open_questions_in_their_section()
    {
        var writeUp = Reviews.WriteUpOf(Reviews.Sample("astronomer-astro"));

        var workload = writeUp.Sections.Single(s => s.Title == "Workload profile");
        Assert.That(workload.OpenQuestions.Select(q => q.Key), Is.EqualTo(new[] { "workload.description", "workload.compliance-surface", "workload.criticality" }));
        Assert.That(writeUp.OpenQuestions.Select(q => q.Key), Is.EquivalentTo(
            new[] { "workload.description", "workload.compliance-surface", "workload.criticality", "deployment.model-chosen", "review.risk-rating", "review.decision", "review.recommendation" }));
        Assert.That(writeUp.Summary.OpenQuestionCount, Is.EqualTo(7));
        Assert.That(AllAnswers(writeUp).Select(a => a.Key), Does.Not.Contain("workload.description"));
    }

    [Test]
    public void Certifications_that_expired_or_expire_within_ninety_days_are_called_out()
    {
        var writeUp = Reviews.WriteUpOf(Reviews.Fixture(), new DateOnly(2026, 3, 1));

        var byFramework = writeUp.Summary.Certifications.ToDictionary(c => c.Framework);
        Assert.That(byFramework["SOC 2"], Has.Property("ExpiryState").EqualTo("expired").And.Property("ExpiryNote").EqualTo("Expired 45 days ago"));
        Assert.That(byFramework["ISO/IEC 27001"], Has.Property("ExpiryState").EqualTo("expiring").And.Property("ExpiryNote").EqualTo("Expires in 45 days"));
        Assert.That(byFramework["PCI-DSS"], Has.Property("ExpiryState").EqualTo("current").And.Property("ExpiryNote").Null);
        Assert.That(byFramework["SOC 2"].Expiry, Is.EqualTo("15 January 2026"));
    }

    [Test]
    public void The_expiry_call_out_is_judged_on_the_evaluation_date()
    {
        var later = Reviews.WriteUpOf(Reviews.Fixture(), new DateOnly(2027, 4, 1));

        var pci = later.Summary.Certifications.Single(c => c.Framework == "PCI-DSS");
        Assert.That((pci.ExpiryState, pci.ExpiryNote), Is.EqualTo(("expiring", "Expires in 90 days")));
    }

    [Test]
    public void The_evidence_register_lists_availability_dates_and_expiry()
    {
        var writeUp = Reviews.WriteUpOf(Reviews.Fixture());

        var register = writeUp.Sections.Single(s => s.HasEvidence);
        Assert.That(register.Title, Is.EqualTo("Evidence register"));
        var soc2 = register.Evidence.Single(e => e.Artefact == "SOC 2 report");
        Assert.That(soc2, Has.Property("Title").EqualTo("SOC 2 Type II report")
            .And.Property("Availability").EqualTo("Under NDA")
            .And.Property("Effective").EqualTo("15 January 2025")
            .And.Property("ExpiryState").EqualTo("expired"));
        var pentest = register.Evidence.Single(e => e.Artefact == "Penetration test summary");
        Assert.That(pentest, Has.Property("Location").EqualTo("https://trust.example.com/pentest")
            .And.Property("Availability").EqualTo("Public")
            .And.Property("ExpiryNote").EqualTo("Expires in 31 days"));
    }

    [Test]
    public void Shared_responsibility_is_three_columns_by_scope()
    {
        var table = AnswerOf(Reviews.WriteUpOf(Reviews.Sample("astronomer-astro")), "responsibility.vendor").Responsibility!;

        Assert.That(table.Parties, Is.EqualTo(new[] { "Vendor", "Customer", "Cloud provider" }));
        Assert.That(table.Rows.Select(r => r.Scope), Is.EqualTo(new[] { "Hosted and Dedicated", "HIPAA workloads (PHI processed under a signed BAA)" }));
        var hosted = table.Rows[0];
        Assert.That(hosted.Obligations[0], Has.Count.EqualTo(5).And.Contains("Tenant isolation guarantees."));
        Assert.That(hosted.Obligations[1], Has.Count.EqualTo(5).And.Contains("DAG code and the business logic inside it."));
        Assert.That(hosted.Obligations[2], Is.Empty);
        Assert.That(table.Rows[1].Obligations.Select(o => o.Count), Is.EqualTo(new[] { 7, 11, 3 }));
    }

    [Test]
    public void From_a_plain_answers_file_the_findings_are_the_raised_ones_and_open()
    {
        var sheet = Reviews.Fixture();
        var writeUp = Reviews.WriteUpOf(sheet);
        var raised = new Core.Evaluation.QuestionnaireEvaluator(Reviews.Questionnaire).Evaluate(sheet, Reviews.FixtureDay).Findings;

        var listed = writeUp.Sections.Single(s => s.HasFindings).Findings;
        Assert.That(listed.SelectMany(g => g.Findings).Select(f => f.Text), Is.EquivalentTo(raised.Select(f => f.Text)));
        Assert.That(listed.SelectMany(g => g.Findings).Select(f => f.Status), Is.All.EqualTo("Open"));
        Assert.That(listed.Select(g => g.Severity), Is.EqualTo(new[] { "critical", "high", "medium", "low" }));
        Assert.That(writeUp.Summary.FindingTotal, Is.EqualTo(raised.Count));
        var sso = listed.SelectMany(g => g.Findings).Single(f => f.Text.StartsWith("Single sign-on", StringComparison.Ordinal));
        Assert.That(sso.Explanation, Is.EqualTo("Accounts are reviewed by hand every month until SSO ships."));
        Assert.That(sso.RaisedBy, Does.StartWith("Rule: “").And.EndWith("” answered On roadmap only"));
    }

    [Test]
    public void Review_facts_supply_findings_with_owner_and_status_and_the_cover()
    {
        var facts = new ReviewFacts
        {
            VendorName = "Fixture Corporation",
            ReviewTitle = "Annual reassessment",
            ReviewId = "REV-42",
            Status = ReviewStatus.ReadyForCommittee,
            Decision = Decision.Reject,
            Reviewer = "Ada Analyst",
            PreparedOn = new DateOnly(2026, 3, 2),
            Findings = [new ReviewFinding(FindingSeverity.High, "No SSO.", "Platform team", FindingStatus.AcceptedRisk)],
            Provenance = new Dictionary<string, AnswerOrigin>
            {
                ["network.inbound-required"] = AnswerOrigin.VendorSupplied,
                ["workload.criticality"] = AnswerOrigin.ReviewerOverridden,
            },
        };

        var writeUp = Reviews.WriteUpOf(Reviews.Fixture(), facts: facts);

        Assert.That(writeUp.Cover, Has.Property("Vendor").EqualTo("Fixture Corporation")
            .And.Property("ReviewTitle").EqualTo("Annual reassessment")
            .And.Property("Status").EqualTo("Ready for committee")
            .And.Property("PreparedOn").EqualTo("2 March 2026"));
        Assert.That(writeUp.Author, Is.EqualTo("Ada Analyst"));
        var finding = writeUp.Sections.Single(s => s.HasFindings).Findings.Single().Findings.Single();
        Assert.That((finding.Text, finding.Owner, finding.Status, finding.RaisedBy), Is.EqualTo(("No SSO.", "Platform team", "Risk accepted", "Person: name not recorded")));
        Assert.That(AnswerOf(writeUp, "network.inbound-required").Provenance, Is.EqualTo("Vendor-supplied"));
        Assert.That(writeUp.Provenance.Select(p => p.Source), Is.EqualTo(new[] { "Reviewer-overridden", "Vendor-supplied" }));
        Assert.That(writeUp.SignOff.Signatories[0], Is.EqualTo(new Signatory("Security reviewer", "Ada Analyst")));
    }

    [Test]
    public void The_summary_carries_risk_recommendation_and_deployment_model()
    {
        var summary = Reviews.WriteUpOf(Reviews.Fixture()).Summary;

        Assert.That(summary.RiskRating, Is.EqualTo("Moderate"));
        Assert.That(summary.Recommendation, Does.StartWith("Approve for **remote execution** only"));
        Assert.That(summary.DeploymentModel, Is.EqualTo("Remote execution"));
        Assert.That(summary.DeploymentModelsOffered, Has.Count.EqualTo(2));
        Assert.That(summary.FindingCounts.Select(c => c.Label), Is.EqualTo(new[] { "Critical", "High", "Medium", "Low", "Informational" }));
    }

    [Test]
    public void An_undecided_review_has_the_reviewers_recommendation_and_no_committee_decision()
    {
        var writeUp = Reviews.WriteUpOf(Reviews.Fixture());

        Assert.That((writeUp.ReviewerRecommends, writeUp.CommitteeDecision), Is.EqualTo(("Approve with conditions", (WriteUpDecision?)null)));
    }

    [Test]
    public void A_decided_review_has_the_committees_decision_with_its_day_recorder_and_rationale_beside_the_recommendation()
    {
        var writeUp = Reviews.WriteUpOf(Reviews.Fixture(), facts: Reviews.Rejected);

        Assert.That(writeUp.ReviewerRecommends, Is.EqualTo("Approve with conditions"));
        Assert.That(writeUp.CommitteeDecision, Is.EqualTo(new WriteUpDecision(
            "Rejected", "4 March 2026", "Chris Chair", "Inbound access into our network is a hard stop for this workload.")));
    }

    [Test]
    public void A_finding_raised_by_a_rule_names_each_question_it_read_with_its_answer()
    {
        var writeUp = Reviews.WriteUpOf(Reviews.Fixture());
        var phiWithoutBaa = Reviews.Questionnaire.Findings.Single(r => r.Id == "phi-without-baa").Finding;

        var finding = writeUp.Sections.SelectMany(s => s.Findings).SelectMany(g => g.Findings).Single(f => f.Text == phiWithoutBaa);

        Assert.That(finding.RaisedBy, Is.EqualTo(
            "Rule: “Which classes of data will the service process, store or transmit?” answered Protected health information (PHI), Personal data (PII); "
            + "“Will the vendor sign a HIPAA Business Associate Agreement (BAA)?” answered No"));
    }

    [Test]
    public void The_write_up_names_the_questionnaire_version_and_hash()
    {
        var writeUp = Reviews.WriteUpOf(Reviews.Fixture());

        Assert.That((writeUp.QuestionnaireId, writeUp.QuestionnaireVersion, writeUp.QuestionnaireHash),
            Is.EqualTo((Reviews.Questionnaire.Id, Reviews.Questionnaire.Version, Reviews.Questionnaire.ContentHash)));
    }

    private static IEnumerable<WriteUpAnswer> AllAnswers(WriteUp writeUp) =>
        writeUp.Sections.SelectMany(s => s.Groups).SelectMany(g => g.Answers);

    private static WriteUpAnswer AnswerOf(WriteUp writeUp, string key) => AllAnswers(writeUp).Single(a => a.Key == key);
}
