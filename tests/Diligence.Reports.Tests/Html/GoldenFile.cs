namespace Diligence.Reports.Tests.Html;

/// <summary>
/// Compares text with a committed file in <c>Golden/</c>; with <c>DILIGENCE_UPDATE_GOLDEN=1</c> it rewrites the file
/// instead, so a deliberate template change is one run and a readable diff.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "DILIGENCE_UPDATE_GOLDEN";

    public static void AssertMatches(string name, string actual)
    {
        var path = RepositoryRoot.Combine("tests", "Diligence.Reports.Tests", "Golden", name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.That(File.Exists(path), Is.True, $"{path} does not exist; run the tests with {UpdateVariable}=1 to write it.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual)
            return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
            line++;
        Assert.Fail(
            $"{path}:{line + 1}: the output differs from the golden file (rerun with {UpdateVariable}=1 if the change is meant).\n" +
            $"expected: {(line < expectedLines.Length ? expectedLines[line] : "<end of file>")}\n" +
            $"actual:   {(line < actualLines.Length ? actualLines[line] : "<end of file>")}");
    }
}
