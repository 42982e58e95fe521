using Dapper;
using Diligence.Core.Audit;
using Diligence.Data.SqlServer;
using Diligence.Data.Tests.Contracts;
using Microsoft.Data.SqlClient;

namespace Diligence.Data.Tests.SqlServer;

/// <summary>A database of its own on the test run's SQL Server container, dropped on dispose.</summary>
public sealed class SqlServerTestDatabase : ITestDatabase
{
    private readonly string _master;
    private readonly string _name = "diligence_" + Guid.NewGuid().ToString("N");
    private SqlServerStorage _storage;

    public SqlServerTestDatabase()
    {
        _master = SqlServerContainer.MasterConnectionString();
        using (var connection = new SqlConnection(_master))
        {
            connection.Execute($"CREATE DATABASE [{_name}]");
        }
        _storage = Open();
    }

    public MigrationRunner Migrations => _storage.Migrations;

    public AuditKey AuditKey { get; } = AuditKey.Generate();

    public IVendorStore Vendors => _storage.Vendors;

    public IQuestionnaireStore Questionnaires => _storage.Questionnaires;

    public IReviewStore Reviews => _storage.Reviews;

    public IAnswerStore Answers => _storage.Answers;

    public IAnswerImportStore AnswerImports => _storage.AnswerImports;

    public IFindingStore Findings => _storage.Findings;

    public IUserStore Users => _storage.Users;

    public ISessionStore Sessions => _storage.Sessions;

    public IInvitationStore Invitations => _storage.Invitations;

    public ILibraryStore Libraries => _storage.Libraries;

    public IProvenanceStore Provenance => _storage.Provenance;

    public IVendorRequestStore VendorRequests => _storage.VendorRequests;

    public IAuditStore Audit => _storage.Audit;

    public IDataProtectionKeyStore DataProtectionKeys => _storage.DataProtectionKeys;

    public IExportStore Exports => _storage.Exports;

    public void Reopen()
    {
        _storage.Dispose();
        _storage = Open();
    }

    public async Task ExecuteSqlAsync(string sql)
    {
        using var connection = await _storage.Connections.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    public void Dispose()
    {
        _storage.Dispose();
        using var connection = new SqlConnection(_master);
        connection.Execute($"ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}]");
    }

    private SqlServerStorage Open() =>
        new(new SqlConnectionStringBuilder(_master) { InitialCatalog = _name }.ConnectionString, auditKey: AuditKey);
}
