// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Text.Json;
using V2gPki.Parties.Audit;

namespace V2gPki.Parties.Tests;

public sealed class JsonLinesAuditLogTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "v2gpki-audit-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));

    [Fact]
    public async Task AppendAsync_ConcurrentDurableAndNot_OneIntactJsonLineEachAppendOnlyMode0600()
    {
        var path = Path.Combine(_directory, "audit", "admin-audit.jsonl");
        using (var log = new JsonLinesAuditLog(path))
        {
            await Task.WhenAll(Enumerable.Range(0, 64).Select(i => log.AppendAsync(Record(i), durable: i % 2 == 0, CancellationToken.None).AsTask()));
        }

        using (var reopened = new JsonLinesAuditLog(path))
        {
            await reopened.AppendAsync(Record(64), durable: true, CancellationToken.None);
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(65, lines.Length);
        Assert.Equal(Enumerable.Range(0, 65).Select(i => "r" + i).Order(), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).Order());
        Assert.Equal("r64", JsonDocument.Parse(lines[^1]).RootElement.GetProperty("id").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, (OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(path)));
    }

    [Fact]
    public async Task AppendAsync_ManyDurableAtOnce_GroupCommittedWithFewerFsyncsThanAppends()
    {
        // 64 enrollments answering at once: every durable append waits for an fsync that covers its line, but they
        // share them (while one fsync runs, the next lines queue for the next one).
        using var log = new JsonLinesAuditLog(Path.Combine(_directory, "est-audit.jsonl"));
        var appends = new List<Task>();
        for (var i = 0; i < 64; i++)
        {
            appends.Add(log.AppendAsync(Record(i), durable: true, CancellationToken.None).AsTask());
        }

        await Task.WhenAll(appends);

        Assert.Equal(64, File.ReadAllLines(log.Path).Length);
        Assert.InRange(log.SyncCount, 1, 31);
        Assert.Equal(log.SyncCount, log.WriteCount);
    }

    [Fact]
    public async Task AppendAsync_DurableOrNot_FsyncOnlyForDurable()
    {
        using var log = new JsonLinesAuditLog(Path.Combine(_directory, "one.jsonl"));

        await log.AppendAsync(Record(0), durable: false, CancellationToken.None);
        Assert.Equal(0, log.SyncCount);
        await log.AppendAsync(Record(1), durable: true, CancellationToken.None);
        Assert.Equal(1, log.SyncCount);
        Assert.Equal(2, log.WriteCount);
    }

    [Fact]
    public async Task AppendAsync_Record_CamelCaseNullsOmittedApostropheReadable()
    {
        var path = Path.Combine(_directory, "a.jsonl");
        using (var log = new JsonLinesAuditLog(path))
        {
            await log.AppendAsync(new AuditRecord
            {
                Time = new DateTimeOffset(2025, 1, 31, 12, 0, 0, TimeSpan.Zero),
                Id = "abc",
                Action = "revoke",
                Ca = "cpo-sub2",
                Outcome = "not_found",
                Status = 404,
                Detail = "unknown CA 'x'",
                Caller = "ops",
            }, durable: false, CancellationToken.None);
        }

        Assert.Equal(
            "{\"time\":\"2025-01-31T12:00:00+00:00\",\"id\":\"abc\",\"action\":\"revoke\",\"ca\":\"cpo-sub2\",\"outcome\":\"not_found\",\"status\":404,\"detail\":\"unknown CA 'x'\",\"caller\":\"ops\"}",
            File.ReadAllText(path).TrimEnd('\n'));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static AuditRecord Record(int i) => new()
    {
        Time = DateTimeOffset.UnixEpoch.AddSeconds(i),
        Id = "r" + i,
        Action = "revoke",
        Outcome = "requested",
        Caller = "ops",
        Detail = new string('x', i * 50),
    };
}
