// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.IntegrationTests.Serve;

/// <summary>
/// The listener binds before the PKI opens and the store recovers (DESIGN.md §3: store not ready → tryLater; §7:
/// <c>/ready</c> = store recovered, HSM logged in). The fixture probed every stage while it started the server.
/// </summary>
[Collection(PkiServerCollection.Name)]
public class ReadinessTests(PkiServerFixture server)
{
    private static readonly byte[] TryLater = [0x30, 0x03, 0x0A, 0x01, 0x03];

    [Fact]
    public void Listener_BeforeThePkiIsOpen_NotReadyAndTryLater()
    {
        Assert.Equal(503, server.BeforeRuntime.Ready);
        Assert.Equal(TryLater, server.BeforeRuntime.Ocsp);
    }

    [Fact]
    public void Runtime_OpenButStoreNotRecovered_NotReadyAndTryLater()
    {
        Assert.Equal(503, server.BeforeRecovery.Ready);
        Assert.Equal(TryLater, server.BeforeRecovery.Ocsp);
    }

    [Fact]
    public async Task Runtime_AfterRecovery_ReadyAndAnswersFromTheStore()
    {
        Assert.Equal(200, server.AfterRecovery.Ready);
        Assert.Equal(0x30, server.AfterRecovery.Ocsp[0]);
        Assert.True(server.AfterRecovery.Ocsp.Length > 200, "a signed response");
        Assert.Equal(1, await server.MetricAsync("v2gpki_store_ready"));
    }

    [Fact]
    public async Task Health_AlwaysOk()
    {
        using var http = new HttpClient();
        Assert.Equal("ok\n", await http.GetStringAsync(new Uri(server.BaseAddress, "health")));
    }
}
