using Diligence.Core.Audit;

namespace Diligence.Data.SqlServer;

/// <summary>
/// Every SQL Server store over one connection string:
/// <c>using var storage = new SqlServerStorage(connectionString); await storage.Migrations.MigrateAsync();</c>.
/// </summary>
public sealed class SqlServerStorage : IStorage
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> for a connection string SqlClient cannot read; connects lazily. Audit events
    /// are signed with <paramref name="auditKey"/>, which anything that audits needs.
    /// </summary>
    public SqlServerStorage(string connectionString, TimeProvider? time = null, AuditKey? auditKey = null)
    {
        Connections = new SqlServerConnectionFactory(connectionString, auditKey);
        Migrations = new MigrationRunner(Connections, time);
        Vendors = new SqlServerVendorStore(Connections);
        Questionnaires = new SqlServerQuestionnaireStore(Connections);
        Reviews = new SqlServerReviewStore(Connections);
        Answers = new SqlServerAnswerStore(Connections);
        AnswerImports = new SqlServerAnswerImportStore(Connections);
        Findings = new SqlServerFindingStore(Connections);
        Users = new SqlServerUserStore(Connections);
        Sessions = new SqlServerSessionStore(Connections);
        Invitations = new SqlServerInvitationStore(Connections);
        Libraries = new SqlServerLibraryStore(Connections);
        Provenance = new SqlServerProvenanceStore(Connections);
        VendorRequests = new SqlServerVendorRequestStore(Connections);
        Audit = new SqlServerAuditStore(Connections, time);
        DataProtectionKeys = new SqlServerDataProtectionKeyStore(Connections);
        Exports = new SqlServerExportStore(Connections);
    }

    public string Provider => StorageProviders.SqlServer;

    public SqlServerConnectionFactory Connections { get; }

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

    public IDataProtectionKeyStore DataProtectionKeys { get; }

    /// <summary>Not yet on <see cref="IStorage"/>: the SQLite export store arrives separately.</summary>
    public IExportStore Exports { get; }

    public void Dispose() => Connections.Dispose();
}
