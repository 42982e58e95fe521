using Dapper;
using Diligence.Core.Audit;
using Diligence.Data.Sqlite;
using Diligence.Data.Tests.Contracts;

namespace Diligence.Data.Tests.Sqlite;

/// <summary>A real SQLite file in its own temporary folder, deleted on dispose.</summary>
public sealed class SqliteTestDatabase : ITestDatabase
{
    private SqliteStorage _storage;

    public SqliteTestDatabase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "diligence-data-tests", Guid.NewGuid().ToString("N"));
        _storage = Open();
    }

    public string Directory { get; }

    public SqliteConnectionFactory Connections => _storage.Connections;

    public MigrationRunner Migrations => _storage.Migrations;

    public IVendorStore Vendors => _storage.Vendors;

    public IQuestionnaireStore Questionnaires => _storage.Questionnaires;

    public IReviewStore Reviews => _storage.Reviews;

    public IAnswerStore Answers => _storage.Answers;

    public IFindingStore Findings => _storage.Findings;

    public IUserStore Users => _storage.Users;

    public ISessionStore Sessions => _storage.Sessions;

    public IInvitationStore Invitations => _storage.Invitations;

    public ILibraryStore Libraries => _storage.Libraries;

    public IProvenanceStore Provenance => _storage.Provenance;

    public IVendorRequestStore VendorRequests => _storage.VendorRequests;

    public IAuditStore Audit => _storage.Audit;

    public AuditKey AuditKey => Connections.AuditKey;

    public IDataProtectionKeyStore DataProtectionKeys => _storage.DataProtectionKeys;

    public IExportStore Exports => _storage.Exports;

    public IAnswerImportStore AnswerImports => _storage.AnswerImports;

    public void Reopen()
    {
        _storage.Dispose();
        _storage = Open();
    }

    public async Task ExecuteSqlAsync(string sql)
    {
        using var connection = await Connections.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    public void Dispose()
    {
        _storage.Dispose();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private SqliteStorage Open() => new(new StorageOptions { DataDirectory = Directory });
}
