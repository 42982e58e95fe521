namespace Diligence.Data.Tests.Contracts;

/// <summary>One provider's database for one test: created empty (not migrated), with every store over it.</summary>
public interface ITestDatabase : IDisposable
{
    MigrationRunner Migrations { get; }

    IVendorStore Vendors { get; }

    IQuestionnaireStore Questionnaires { get; }

    IReviewStore Reviews { get; }

    IAnswerStore Answers { get; }

    IFindingStore Findings { get; }

    IUserStore Users { get; }

    ILibraryStore Libraries { get; }

    IProvenanceStore Provenance { get; }

    IAuditStore Audit { get; }

    /// <summary>Closes every connection and opens the same database anew, as a restarted app would.</summary>
    void Reopen();
}
