using Diligence.Core.Reviews;

namespace Diligence.Data.Tests.Contracts;

public abstract class QuestionnaireStoreContract : StoreContract
{
    [Test]
    public async Task A_published_questionnaire_can_be_read_back()
    {
        var questionnaire = TestData.Questionnaire();

        var published = await Database.Questionnaires.PublishAsync(questionnaire);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(published, Is.True);
            Assert.That(await Database.Questionnaires.GetAsync(questionnaire.Id, questionnaire.Version), Is.EqualTo(questionnaire));
        }
    }

    [Test]
    public async Task Publishing_given_an_audit_entry_appends_it_when_the_version_is_new_only()
    {
        var questionnaire = TestData.Questionnaire();

        await Database.Questionnaires.PublishAsync(questionnaire, TestData.AuditEntry("published"));
        await Database.Questionnaires.PublishAsync(questionnaire, TestData.AuditEntry("published again"));

        var events = await Database.Audit.StreamAsync(AuditFilter.All).ToListAsync();
        Assert.That(events.Select(e => e.ResourceId), Is.EqualTo(new[] { "published" }));
    }

    [Test]
    public async Task Publishing_the_same_version_and_content_again_changes_nothing()
    {
        var questionnaire = TestData.Questionnaire();
        await Database.Questionnaires.PublishAsync(questionnaire);

        var publishedAgain = await Database.Questionnaires.PublishAsync(questionnaire with { PublishedAt = TestData.Now.AddDays(1) });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(publishedAgain, Is.False);
            Assert.That(await Database.Questionnaires.ListAsync(), Is.EqualTo(new[] { questionnaire }));
        }
    }

    [Test]
    public async Task Publishing_changed_content_under_a_published_version_is_refused()
    {
        var questionnaire = TestData.Questionnaire(contentHash: "sha256:original");
        await Database.Questionnaires.PublishAsync(questionnaire);

        var refused = await Assert.ThrowsAsync<PublishedVersionChangedException>(() =>
            Database.Questionnaires.PublishAsync(questionnaire with { ContentHash = "sha256:changed", Yaml = "changed" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused?.PublishedHash, Is.EqualTo("sha256:original"));
            Assert.That(refused?.AttemptedHash, Is.EqualTo("sha256:changed"));
            Assert.That(await Database.Questionnaires.GetAsync(questionnaire.Id, questionnaire.Version), Is.EqualTo(questionnaire));
        }
    }

    [Test]
    public async Task Every_published_version_is_listed()
    {
        var first = TestData.Questionnaire("1.0.0", "sha256:one");
        var second = TestData.Questionnaire("1.1.0", "sha256:two") with { PublishedAt = TestData.Now.AddDays(30) };
        var other = new StoredQuestionnaire("ai-vendor-addendum", "1.0.0", "sha256:three", "AI vendor addendum", "id: ai\n", TestData.Now);
        await Database.Questionnaires.PublishAsync(second);
        await Database.Questionnaires.PublishAsync(other);
        await Database.Questionnaires.PublishAsync(first);

        var listed = await Database.Questionnaires.ListAsync();

        Assert.That(listed, Is.EqualTo(new[] { other, first, second }));
    }

    [Test]
    public async Task An_unpublished_version_is_null()
    {
        await Database.Questionnaires.PublishAsync(TestData.Questionnaire("1.0.0"));

        Assert.That(await Database.Questionnaires.GetAsync("vendor-security-diligence", "2.0.0"), Is.Null);
    }
}
