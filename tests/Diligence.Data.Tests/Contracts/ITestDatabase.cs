using Diligence.Core.Audit;

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

    ISessionStore Sessions { get; }

    IInvitationStore Invitations { get; }

    ILibraryStore Libraries { get; }

    IProvenanceStore Provenance { get; }

    IVendorRequestStore VendorRequests { get; }

    IAuditStore Audit { get; }

    /// <summary>The key the audit store signs with.</summary>
    AuditKey AuditKey { get; }

    IDataProtectionKeyStore DataProtectionKeys { get; }

    IExportStore Exports { get; }

    IAnswerImportStore AnswerImports { get; }

    /// <summary>Closes every connection and opens the same database anew, as a restarted app would.</summary>
    void Reopen();

    /// <summary>Runs SQL behind the stores' back, as someone with direct database access could.</summary>
    Task ExecuteSqlAsync(string sql);
}
