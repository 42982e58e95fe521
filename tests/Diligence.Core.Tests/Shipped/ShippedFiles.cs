using Diligence.Tests.Shared;

namespace Diligence.Core.Tests.Shipped;

/// <summary>Paths of the questionnaire files shipped in the repository, found from the test's output folder.</summary>
internal static class ShippedFiles
{
    public static string Questionnaire => RepositoryRoot.Combine("questionnaires", "vendor-security-diligence.yaml");

    public static string Sample(string fileName) => RepositoryRoot.Combine("questionnaires", "samples", fileName);
}
