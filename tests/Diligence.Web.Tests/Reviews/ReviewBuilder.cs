using System.Text.Encodings.Web;
using Diligence.Core.Answers;
using Diligence.Core.Definitions;
using Diligence.Core.Reviews;
using Diligence.Core.Vendors;
using Diligence.Data;
using Diligence.Web.Reviews;
using Diligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Diligence.Web.Tests.Reviews;

/// <summary>
/// Data for the review-management page tests, written through the real stores: a small two-step questionnaire
/// (version 2.0.0 adds a question), vendors with unique names, reviews in any status, answers with their findings synced.
/// </summary>
public static class ReviewBuilder
{
    public const string QuestionnaireId = "pages-test";
    public const string InboundKey = "network.inbound-required";
    public const string InboundPrompt = "Does the vendor need inbound connectivity into the customer network?";
    public const string InboundFinding = "The vendor requires inbound access into the customer network.";
    public const string EncryptionKey = "network.encryption-at-rest";
    public const string EncryptionPrompt = "Is customer data encrypted at rest?";
    public const string SsoKey = "identity.sso";
    public const string SsoPrompt = "Which single sign-on does the vendor support?";

    /// <summary>Version 1.0.0 has three required questions; later versions add a fourth.</summary>
    public static string Yaml(string version) => version == "1.0.0" ? BaseYaml(version) : BaseYaml(version) + MfaItem;

    private const string MfaItem = """
              - id: mfa
                key: identity.mfa-enforced
                type: yes-no-na
                prompt: Is multi-factor authentication enforced?
                required: true

        """;

    private static string BaseYaml(string version) => $$"""
        id: {{QuestionnaireId}}
        version: {{version}}
        title: Pages test diligence
        status: published
        steps:
          - id: network
            title: Network posture
            items:
              - id: inbound
                key: {{InboundKey}}
                type: yes-no-na
                prompt: {{InboundPrompt}}
                required: true
                flags:
                  yes: { severity: high, finding: {{InboundFinding}} }
              - id: encryption
                key: {{EncryptionKey}}
                type: yes-no-na
                prompt: {{EncryptionPrompt}}
                required: true
          - id: identity
            title: Identity and secrets
            items:
              - id: sso
                key: {{SsoKey}}
                type: single-choice
                prompt: {{SsoPrompt}}
                required: true
                options:
                  - { id: saml, label: SAML }
                  - { id: none, label: None, flag: { severity: medium, finding: The vendor offers no single sign-on. } }

        """;

    /// <summary>Publishes the test questionnaire in <paramref name="version"/> (again: a no-op) and returns it.</summary>
    public static async Task<Questionnaire> PublishPagesQuestionnaireAsync(this TestApp app, string version = "1.0.0")
    {
        var yaml = Yaml(version);
        var loaded = QuestionnaireLoader.Load(yaml, $"{QuestionnaireId}@{version}");
        var questionnaire = loaded.Value is { } value && loaded.Succeeded
            ? value
            : throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
        await app.Get<IQuestionnaireStore>().PublishAsync(new StoredQuestionnaire(
            questionnaire.Id, questionnaire.Version, questionnaire.ContentHash, questionnaire.Title, yaml, DateTimeOffset.UtcNow));
        return questionnaire;
    }

    public static async Task<Vendor> AddVendorAsync(this TestApp app, string prefix = "Vendor")
    {
        var vendor = new Vendor(Guid.NewGuid(), $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)], "Cloud", "https://vendor.example",
            null, DateTimeOffset.UtcNow);
        await app.Get<IVendorStore>().CreateAsync(vendor);
        return vendor;
    }

    /// <summary>A review of a new vendor (or <paramref name="vendorId"/>) in <paramref name="status"/>; decided ones are approved.</summary>
    public static async Task<Review> AddReviewAsync(
        this TestApp app, Guid ownerId, ReviewStatus status = ReviewStatus.Draft, Guid? vendorId = null, string version = "1.0.0")
    {
        var questionnaire = await app.PublishPagesQuestionnaireAsync(version);
        var vendor = vendorId ?? (await app.AddVendorAsync()).Id;
        var now = DateTimeOffset.UtcNow;
        var decided = status == ReviewStatus.Decided;
        var review = new Review(Guid.NewGuid(), vendor, questionnaire.Id, questionnaire.Version, questionnaire.ContentHash,
            status, ownerId, decided ? Decision.Approve : null, decided ? "Meets the bar." : null, null, now, now, 1);
        await app.Get<IReviewStore>().CreateAsync(review);
        return review;
    }

    /// <summary>Stores a choice answer as the step page would, then brings the automatic findings in line with it.</summary>
    public static async Task AnswerAsync(this TestApp app, Guid reviewId, string key, string optionId, Guid userId)
    {
        var answers = app.Get<IAnswerStore>();
        var current = await answers.GetAsync(reviewId, key);
        var json = AnswerJson.Serialize(new Answer(new ChoiceValue(optionId)));
        await answers.SaveAsync(reviewId, key, json, current?.Version ?? 0, userId, DateTimeOffset.UtcNow);
        using var scope = app.Services.CreateScope();
        var workspace = scope.ServiceProvider.GetRequiredService<ReviewWorkspace>();
        var state = await workspace.LoadAsync(reviewId, CancellationToken.None)
            ?? throw new InvalidOperationException("The review does not load.");
        await workspace.SyncFindingsAsync(state, CancellationToken.None);
    }

    /// <summary>A message as the page writes it, HTML-encoded.</summary>
    public static string Html(string text) => HtmlEncoder.Default.Encode(text);

    public static IEnumerable<KeyValuePair<string, string>> Fields(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value));
}
