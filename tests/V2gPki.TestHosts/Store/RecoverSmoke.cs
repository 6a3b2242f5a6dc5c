// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using V2gPki.Store;

namespace V2gPki.TestHosts.Store;

/// <summary>A quick check of FasterLog commit, recovery and iteration plus FasterKV checkpoint/recover (meant for the NativeAOT binary).</summary>
internal static class RecoverSmoke
{
    public static async Task<int> RunAsync(string directory)
    {
        const int count = 2000;
        await using (var store = new FasterStore(Samples.Options(directory)))
        {
            await store.RecoverAsync();
            var writes = new List<Task<WriteResult>>();
            for (var n = 0; n < count; n++)
            {
                writes.Add(store.IssueAsync(Samples.Issuance(n)).AsTask());
            }

            await Task.WhenAll(writes);
            await store.CheckpointAsync();
            for (var n = 0; n < count; n += 2)
            {
                await store.ChangeStatusAsync(Samples.Revocation(n));
            }
        }

        await using var again = new FasterStore(Samples.Options(directory));
        var report = await again.RecoverAsync();
        var destination = new byte[4096];
        var bad = 0;
        for (var n = 0; n < count; n++)
        {
            var expected = n % 2 == 0 ? CertificateStatus.Revoked : CertificateStatus.Good;
            if (again.TryGetResponse(Samples.Issuer, Samples.Serial(n), destination, out var metadata) != LookupStatus.Found
                || metadata.Status != expected
                || !destination.AsSpan(0, metadata.Length).SequenceEqual(Samples.Signed(n, expected)))
            {
                bad++;
            }
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RECOVER nativeAot={IsNativeAot()} checkpoint={report.CheckpointLoaded} replayed={report.EntriesReplayed} bad={bad} pending={again.Metrics.PendingReads}"));
        return bad == 0 && report.CheckpointLoaded && report.EntriesReplayed == count / 2 ? 0 : 1;
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "Location is empty only in a NativeAOT/single-file binary, which is exactly what this detects.")]
    public static bool IsNativeAot() => string.IsNullOrEmpty(typeof(RecoverSmoke).Assembly.Location);
}
