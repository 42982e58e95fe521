using Diligence.Core.Definitions;

namespace Diligence.Core.Tests.Definitions;

public sealed class ContentHashTests
{
    private const string Block = """
        id: hashed
        version: 1.0.0
        title: Hashed
        status: published
        steps:
          - id: only
            title: Only
            items:
              - id: ok
                key: only.ok
                type: yes-no-na
                prompt: "Is it OK?"
                required: true
        """;

    private const string Reformatted = """
        # A comment, keys in another order, flow style and other quoting.
        status: 'published'
        title: "Hashed"
        version: 1.0.0
        id: hashed   # trailing comment
        steps: [ { title: Only, id: only, items: [ { prompt: Is it OK?, type: yes-no-na, key: only.ok, id: ok, required: true } ] } ]
        """;

    private static string Hash(string yaml) => QuestionnaireLoader.Load(yaml, "h.yaml").Value!.ContentHash;

    [Test]
    public void The_hash_is_lower_case_hex_sha256()
    {
        Assert.That(Hash(Block), Does.Match("^[0-9a-f]{64}$"));
    }

    [Test]
    public void Layout_quoting_key_order_and_comments_do_not_change_the_hash()
    {
        Assert.That(Hash(Reformatted), Is.EqualTo(Hash(Block)));
    }

    [Test]
    public void Indentation_does_not_change_the_hash()
    {
        var indented = string.Join('\n', Block.Split('\n').Select(line => line.StartsWith("  ", StringComparison.Ordinal) ? "  " + line : line));

        Assert.That(Hash(indented), Is.EqualTo(Hash(Block)));
    }

    [TestCase("prompt: \"Is it OK?\"", "prompt: \"Is it OK ?\"")]
    [TestCase("required: true", "required: false")]
    [TestCase("version: 1.0.0", "version: 1.0.1")]
    [TestCase("title: Only", "title: only")]
    public void Any_change_of_content_changes_the_hash(string from, string to)
    {
        Assert.That(Hash(Block.Replace(from, to, StringComparison.Ordinal)), Is.Not.EqualTo(Hash(Block)));
    }

    [Test]
    public void Reordering_list_entries_changes_the_hash()
    {
        const string Two = """
            id: hashed
            version: 1.0.0
            title: Hashed
            status: published
            steps:
              - { id: a, title: A, items: [ { id: x, key: a.x, type: text, prompt: X } ] }
              - { id: b, title: B, items: [ { id: y, key: b.y, type: text, prompt: Y } ] }
            """;
        var swapped = Two.Replace("- { id: a, title: A, items: [ { id: x, key: a.x, type: text, prompt: X } ] }", "TEMP", StringComparison.Ordinal)
            .Replace("- { id: b, title: B, items: [ { id: y, key: b.y, type: text, prompt: Y } ] }", "- { id: a, title: A, items: [ { id: x, key: a.x, type: text, prompt: X } ] }", StringComparison.Ordinal)
            .Replace("TEMP", "- { id: b, title: B, items: [ { id: y, key: b.y, type: text, prompt: Y } ] }", StringComparison.Ordinal);

        Assert.That(Hash(swapped), Is.Not.EqualTo(Hash(Two)));
    }

    [Test]
    public void The_hash_of_a_published_file_is_stable_across_releases()
    {
        // Pinned: a change here means every stored review's pinned hash stops matching its questionnaire.
        Assert.That(Hash(Block), Is.EqualTo(PinnedHash));
    }

    private const string PinnedHash = "ee24ff82a8f2fa026cf5ccb5abba7cc429f1665fb3dd2cc53795c195475f8880";
}
