using Diligence.Core.Audit;

namespace Diligence.Data.Sqlite;

/// <summary>
/// Every SQLite store over one connection factory, so wiring is one line:
/// <c>var storage = new SqliteStorage(options); await storage.Migrations.MigrateAsync();</c>.
/// Disposing it releases the database file.
/// </summary>
public sealed class SqliteStorage : IStorage
{
    /// <summary>
    /// Over the database in <paramref name="options"/>' data directory; audit events are signed with
    /// <paramref name="auditKey"/>, or when none is given with the key file beside the database (created on first use).
    /// </summary>
    public SqliteStorage(StorageOptions options, AuditKey? auditKey = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(options.Provider, StorageProviders.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Storage provider is '{options.Provider}', not {StorageProviders.Sqlite}.", nameof(options));
        }

        Connections = new SqliteConnectionFactory(options, auditKey);
        Migrations = new MigrationRunner(Connections);
        Vendors = new SqliteVendorStore(Connections);
        Questionnaires = new SqliteQuestionnaireStore(Connections);
        Reviews = new SqliteReviewStore(Connections);
        Answers = new SqliteAnswerStore(Connections);
        AnswerImports = new SqliteAnswerImportStore(Connections);
        Findings = new SqliteFindingStore(Connections);
        Users = new SqliteUserStore(Connections);
        Sessions = new SqliteSessionStore(Connections);
        Invitations = new SqliteInvitationStore(Connections);
        Libraries = new SqliteLibraryStore(Connections);
        Provenance = new SqliteProvenanceStore(Connections);
        VendorRequests = new SqliteVendorRequestStore(Connections);
        Audit = new SqliteAuditStore(Connections);
        Exports = new SqliteExportStore(Connections);
        DataProtectionKeys = new SqliteDataProtectionKeyStore(Connections);
    }

    public string Provider => StorageProviders.Sqlite;

    public SqliteConnectionFactory Connections { get; }

    public MigrationRunner Migrations { get; }

    public IDatabaseHealth Health => Migrations;

    public IVendorStore Vendors { get; }

    public IQuestionnaireStore Questionnaires { get; }

    public IReviewStore Reviews { get; }

    public IAnswerStore Answers { get; }

    public IAnswerImportStore AnswerImports { get; }

    public IFindingStore Findings { get; }

    public IUserStore Users { get; }

    public ISessionStore Sessions { get; }

    public IInvitationStore Invitations { get; }

    public ILibraryStore Libraries { get; }

    public IProvenanceStore Provenance { get; }

    public IVendorRequestStore VendorRequests { get; }

    public IAuditStore Audit { get; }

    public IExportStore Exports { get; }

    public IDataProtectionKeyStore DataProtectionKeys { get; }

    public void Dispose() => Connections.Dispose();
}
