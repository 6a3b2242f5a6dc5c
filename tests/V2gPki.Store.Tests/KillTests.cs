// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Xunit.Abstractions;

namespace V2gPki.Store.Tests;

/// <summary>
/// docs/architecture.md §4 invariant 2: a write that was acknowledged survives kill -9. The driver
/// (tests/V2gPki.TestHosts, mode store-killtest) runs a writer child that issues and revokes certificates with four
/// producers and prints each serial after its revocation's WAL commit returned, SIGKILLs it at a random moment (50–1200
/// ms in, with background checkpoints every 300 ms), restarts it over the same directory 22 times, and finally checks
/// that every acknowledged revocation is served as revoked with its exact bytes.
/// </summary>
public sealed class KillTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task KillTest_22SigkillsDuringRevocations_LoseNoAcknowledgedWrite()
    {
        var seed = Random.Shared.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var driver = await Tool.RunAsync(TestHostsProgram.Command("store-killtest", Path.Combine(_dir.Path, "store"), "22", seed) with { Timeout = TimeSpan.FromMinutes(4) });
        var text = driver.StdOut;
        output.WriteLine(text);
        output.WriteLine(driver.StdErr);

        var summary = text.Split('\n').Single(l => l.StartsWith("KILLTEST", StringComparison.Ordinal));
        Assert.Contains(" kills=22 ", summary, StringComparison.Ordinal);
        Assert.Contains(" recovered=22 ", summary, StringComparison.Ordinal);
        Assert.Contains(" lost=0 ", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(" acknowledged=0 ", summary, StringComparison.Ordinal);
        Assert.Equal(0, driver.ExitCode);
    }
}
