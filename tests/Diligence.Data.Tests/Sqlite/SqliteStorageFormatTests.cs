using Dapper;
using Diligence.Core.Audit;
using Diligence.Data.Sqlite;
using Diligence.Data.Tests.Contracts;
using Microsoft.Data.Sqlite;

namespace Diligence.Data.Tests.Sqlite;

/// <summary>What the SQLite file holds and how its connections are set up: things a provider-neutral contract cannot see.</summary>
public sealed class SqliteStorageFormatTests : MigratedSqliteTest
{
    // SQLITE_CONSTRAINT_FOREIGNKEY
    private const int ForeignKeyConstraintFailed = 787;


    [Test]
    public void TheDatabase_file_is_created_in_the_data_directory() =>
        Assert.That(Database.Connections.DatabasePath, Is.EqualTo(Path.Combine(Database.Directory, "diligence.db")).And.Exist);

    [Test]
    public async Task Every_connection_uses_wal_a_busy_timeout_foreign_keys_normal_synchronous_and_a_long_checkpoint_interval()
    {
        using var connection = await Database.Connections.OpenAsync();

        var settings = await connection.QuerySingleAsync<(string JournalMode, long BusyTimeout, long ForeignKeys, long Synchronous)>(
            """
            SELECT (SELECT journal_mode FROM pragma_journal_mode), (SELECT timeout FROM pragma_busy_timeout),
                   (SELECT foreign_keys FROM pragma_foreign_keys), (SELECT synchronous FROM pragma_synchronous)
            """);
        var checkpointEvery = await connection.ExecuteScalarAsync<long>("PRAGMA wal_autocheckpoint");

        Assert.That((settings, checkpointEvery), Is.EqualTo((("wal", 5000L, 1L, 1L), 8000L)));
    }

    [Test]
    public async Task Ids_are_stored_as_lower_case_text_and_times_as_round_trip_utc_text()
    {
        var vendor = TestData.Vendor() with { Id = Guid.Parse("3F2504E0-4F89-11D3-9A0C-0305E82C3301") };
        await Database.Vendors.CreateAsync(vendor);
        using var connection = await Database.Connections.OpenAsync();

        var stored = await connection.QuerySingleAsync<(string Id, string CreatedAt)>(
            "SELECT id, created_at FROM vendors");

        Assert.That(stored, Is.EqualTo(("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "2026-11-23T12:30:15.1230000+00:00")));
    }

    [Test]
    public async Task Enums_are_stored_by_name()
    {
        var user = TestData.User(role: Core.Accounts.Role.Procurement);
        await Database.Users.CreateAsync(user);
        using var connection = await Database.Connections.OpenAsync();

        Assert.That(await connection.ExecuteScalarAsync<string>("SELECT role FROM users"), Is.EqualTo("Procurement"));
    }

    [Test]
    public async Task Findings_of_an_unknown_review_are_refused_by_a_foreign_key()
    {
        var refused = await Assert.ThrowsAsync<SqliteException>(() => Database.Findings.AddAsync(TestData.ManualFinding(Guid.NewGuid())));

        Assert.That(refused?.SqliteExtendedErrorCode, Is.EqualTo(ForeignKeyConstraintFailed));
    }

    [Test]
    public async Task An_exports_pdf_is_its_last_column_so_listing_exports_never_reads_it()
    {
        using var connection = await Database.Connections.OpenAsync();

        var columns = (await connection.QueryAsync<string>("SELECT name FROM pragma_table_info('exports') ORDER BY cid")).ToList();

        Assert.That(columns[^1], Is.EqualTo("pdf"));
    }

    [Test]
    public async Task Rebuilding_the_exports_table_with_the_pdf_last_keeps_every_export()
    {
        var review = await Database.SeedReviewAsync();
        var export = new Core.Exports.Export
        {
            Id = Guid.NewGuid(), ReviewId = review.Id, RequestedBy = review.OwnerId, RequestedAt = TestData.Now, Paper = "A4",
            FileName = "write-up.pdf",
        };
        await Database.Exports.CreateAsync(export);
        await Database.Exports.TryClaimAsync(export.Id, "node-a", TestData.Now, TestData.Now.AddMinutes(2));
        byte[] pdf = [0x25, 0x50, 0x44, 0x46, .. new byte[300_000]];
        await Database.Exports.CompleteAsync(export.Id, "node-a", pdf, "sha256-of-it", 3, TestData.Now.AddSeconds(5));
        var before = await Database.Exports.GetAsync(export.Id);

        await using (var script = typeof(SqliteStorage).Assembly.GetManifestResourceStream(
            typeof(SqliteStorage).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("Sqlite.0007_export_pdf_last.sql", StringComparison.Ordinal)))!)
        using (var connection = await Database.Connections.OpenAsync())
        {
            await connection.ExecuteAsync(await new StreamReader(script).ReadToEndAsync());
        }

        Assert.That(await Database.Exports.GetAsync(export.Id), Is.EqualTo(before));
        Assert.That(await Database.Exports.ReadPdfAsync(export.Id), Is.EqualTo(pdf));
    }

    [Test]
    public async Task Upgrading_past_autoincrement_keeps_every_event_and_numbers_on_from_the_newest()
    {
        using var old = await DatabaseBeforeMigration8WithEventsAsync(3);

        await old.Migrations.MigrateAsync();
        var keyed = await old.Audit.KeyAsync();
        var next = await old.Audit.AppendAsync(TestData.AuditEntry("after the upgrade"));

        Assert.That(keyed.ToString(), Is.EqualTo("audit chain ok: 3 events"));
        Assert.That(next.Sequence, Is.EqualTo(4));
        Assert.That((await old.Audit.VerifyAsync()).ToString(), Is.EqualTo("audit chain ok: 4 events"));
    }

    [Test]
    public async Task A_log_written_before_keys_is_refused_appends_and_verification_until_it_is_keyed()
    {
        using var old = await DatabaseBeforeMigration8WithEventsAsync(3);
        await old.Migrations.MigrateAsync();

        Assert.That(() => old.Audit.AppendAsync(TestData.AuditEntry("unkeyed")), Throws.TypeOf<AuditKeyException>().With.Message.EqualTo(
            "The audit log was written before audit keys and is not keyed yet: start the app once with its audit key, which checks the log and keys it."));
        Assert.That((await old.Audit.VerifyAsync()).ToString(),
            Is.EqualTo("audit chain broken at event #1: the signed audit head is missing, though events were written"));
    }

    [Test]
    public async Task Keying_catches_an_event_edited_before_the_upgrade_and_keys_nothing()
    {
        using var old = await DatabaseBeforeMigration8WithEventsAsync(3);
        await old.ExecuteSqlAsync("DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = 'mallory' WHERE sequence = 2");
        await old.Migrations.MigrateAsync();

        var keyed = await old.Audit.KeyAsync();

        Assert.That(keyed.ToString(), Is.EqualTo("audit chain broken at event #2: its contents do not match its hash"));
        Assert.That(await old.Audit.HeadAsync(), Is.Null);
    }

    [Test]
    public async Task Once_keyed_an_event_from_before_the_upgrade_edited_and_its_sha256_chain_redone_is_caught()
    {
        using var old = await DatabaseBeforeMigration8WithEventsAsync(3);
        await old.Migrations.MigrateAsync();
        await old.Audit.KeyAsync();
        await old.Audit.AppendAsync(TestData.AuditEntry("after the upgrade"));
        var third = await old.Audit.StreamAsync(AuditFilter.All).Skip(2).FirstAsync();
        var edited = third with { Actor = "mallory" };
        edited = edited with { Hash = AuditChain.HashOf(edited, key: null) };

        await old.ExecuteSqlAsync(
            $"DROP TRIGGER audit_events_no_update; UPDATE audit_events SET actor = 'mallory', hash = '{edited.Hash}' WHERE sequence = 3");

        Assert.That((await old.Audit.VerifyAsync()).ToString(), Is.EqualTo(
            "audit chain broken at event #3: event was replaced (the signed record of where the chain became keyed holds another hash)"));
    }

    [Test]
    public async Task Upgrading_past_autoincrement_keeps_the_highest_number_issued_so_a_removed_newest_event_still_shows()
    {
        using var old = await DatabaseBeforeMigration8WithEventsAsync(3);
        await old.ExecuteSqlAsync("DROP TRIGGER audit_events_no_delete; DELETE FROM audit_events WHERE sequence = 3");

        await old.Migrations.MigrateAsync();

        Assert.That((await old.Audit.KeyAsync()).ToString(),
            Is.EqualTo("audit chain broken at event #3: event is missing (events up to #3 were written)"));
    }

    // A database as migrations 0001-0007 left it, with events numbered by AUTOINCREMENT.
    private static async Task<SqliteTestDatabase> DatabaseBeforeMigration8WithEventsAsync(int events)
    {
        var database = new SqliteTestDatabase();
        var assembly = typeof(SqliteStorage).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Sqlite.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Take(7)
            .ToList();
        using var connection = await database.Connections.OpenAsync();
        await connection.ExecuteAsync("CREATE TABLE schema_migrations (id INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        for (var i = 0; i < scripts.Count; i++)
        {
            await using var script = assembly.GetManifestResourceStream(scripts[i])!;
            await connection.ExecuteAsync(await new StreamReader(script).ReadToEndAsync());
            var name = scripts[i].Split('.')[^2];
            await connection.ExecuteAsync("INSERT INTO schema_migrations (id, name, applied_at) VALUES (@id, @name, '2026-11-01T00:00:00Z')",
                new { id = i + 1, name });
        }
        var previous = AuditCheckpoint.Genesis.Hash;
        for (var i = 1; i <= events; i++)
        {
            // Sealed as before audit keys: plain SHA-256 over the canonical form.
            var e = AuditChain.Seal(AuditKey.Generate(), i, previous, TestData.AuditEntry($"before the upgrade {i}"));
            e = e with { Hash = AuditChain.HashOf(e, key: null) };
            await connection.ExecuteAsync(
                """
                INSERT INTO audit_events (occurred_at, actor, role, action, resource_type, resource_id, before_summary,
                                          after_summary, client_address, request_id, previous_hash, hash)
                VALUES (@OccurredAt, @Actor, @Role, @Action, @ResourceType, @ResourceId, @Before, @After, @ClientAddress,
                        @RequestId, @PreviousHash, @Hash)
                """,
                e);
            previous = e.Hash;
        }
        return database;
    }

    [Test]
    public void Registering_the_type_handlers_again_is_harmless() =>
        Assert.DoesNotThrow(() => Parallel.For(0, 8, _ => SqliteTypeHandlers.Register()));

    [Test]
    public async Task A_missing_data_directory_is_created()
    {
        var directory = Path.Combine(Database.Directory, "nested", "data");

        using (var storage = new SqliteStorage(new StorageOptions { DataDirectory = directory }))
        {
            await storage.Migrations.MigrateAsync();
        }

        Assert.That(Path.Combine(directory, SqliteConnectionFactory.DatabaseFileName), Does.Exist);
    }

    [Test]
    public async Task A_file_that_is_not_aDatabase_is_reported_unreachable()
    {
        var directory = Path.Combine(Database.Directory, "corrupt");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, SqliteConnectionFactory.DatabaseFileName), new string('x', 8192));
        using var storage = new SqliteStorage(new StorageOptions { DataDirectory = directory });

        var status = await storage.Health.GetStatusAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.Reachable, Is.False);
            Assert.That(status.Healthy, Is.False);
            Assert.That(status.Error, Does.Contain("not a database"));
        }
    }
}
