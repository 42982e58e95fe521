namespace Diligence.Data;

/// <summary>Every store of one provider over one database, so the app wires the stores once whichever provider runs.</summary>
public interface IStorage : IDisposable
{
    /// <summary>One of <see cref="StorageProviders"/>.</summary>
    string Provider { get; }

    MigrationRunner Migrations { get; }

    IDatabaseHealth Health { get; }

    IVendorStore Vendors { get; }

    IQuestionnaireStore Questionnaires { get; }

    IReviewStore Reviews { get; }

    IAnswerStore Answers { get; }

    IAnswerImportStore AnswerImports { get; }

    IFindingStore Findings { get; }

    IUserStore Users { get; }

    ISessionStore Sessions { get; }

    IInvitationStore Invitations { get; }

    ILibraryStore Libraries { get; }

    IProvenanceStore Provenance { get; }

    IVendorRequestStore VendorRequests { get; }

    IAuditStore Audit { get; }

    IExportStore Exports { get; }

    IDataProtectionKeyStore DataProtectionKeys { get; }
}
