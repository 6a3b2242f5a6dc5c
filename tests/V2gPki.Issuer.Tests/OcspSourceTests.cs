// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Issuer.Answering;
using V2gPki.Ocsp;
using V2gPki.Store;

namespace V2gPki.Issuer.Tests;

[Collection(IssuerCollection.Name)]
public sealed class OcspSourceTests(IssuerFixture fixture)
{
    private readonly TestPki _pki = fixture.Pki;

    [Fact]
    public async Task TryGetResponse_RFC6960_2_2_NeverIssuedSerial_ExtendedRevokedVerifiesWithOpensslAndIsCached()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var serial = TestPki.NewSerial();
        var request = TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, serial);

        var (outcome, response, _) = await env.AnswerAsync(request);

        Assert.Equal(OcspOutcome.Successful, outcome);
        var (code, text) = Openssl.VerifyResponse(response, _pki.Sub2Signer.Der, _pki.Sub2.Der, null, serial);
        Assert.True(code == 0, text);
        Assert.Contains(": revoked", text, StringComparison.Ordinal);
        Assert.Contains("Reason: certificateHold", text, StringComparison.Ordinal);
        Assert.Contains("Revocation Time: Jan  1 00:00:00 1970 GMT", text, StringComparison.Ordinal);
        Assert.Equal(OcspParseStatus.Ok, OcspResponseReader.TryRead(response, out var info));
        Assert.True(info.HasExtendedRevokedDefinition);

        // Second request: from the cache, no signing; a SHA-256 client finds its CertID in the same answer.
        var buffer = new byte[StoreLimits.MaxSignedResponseLength];
        Assert.Equal(OcspOutcome.Successful, env.Lookup(request, buffer).Outcome);
        Assert.Equal(OcspOutcome.Successful, env.Lookup(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha256, null, serial), buffer).Outcome);
        Assert.Equal(1, env.SourceMetrics.LiveSigned);
        Assert.Equal(2, env.SourceMetrics.LiveCacheHits);
    }

    [Fact]
    public async Task TryGetResponse_NeverIssuedUnderUnauthorizedPolicy_Unauthorized()
    {
        await using var env = await TestEnvironment.StartAsync(_pki, live: new LiveSigningOptions { NeverIssued = NeverIssuedAnswer.Unauthorized });

        var (outcome, _, _) = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, TestPki.NewSerial()));

        Assert.Equal(OcspOutcome.Unauthorized, outcome);
        Assert.Equal(0, env.SourceMetrics.LiveSigned);
    }

    [Fact]
    public async Task TryGetResponse_UnknownIssuerOrUnconfiguredHash_Unauthorized()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var other = new TestPki(fixture.Online, DateTimeOffset.UtcNow, "o2-");
        var otherDirectory = other.CreateDirectory(env.Time);
        var buffer = new byte[StoreLimits.MaxSignedResponseLength];

        Assert.Equal(OcspOutcome.Unauthorized, env.Lookup(TestEnvironment.Request(otherDirectory.Issuers[2], OcspHashAlgorithm.Sha1, null, TestPki.NewSerial()), buffer).Outcome);
        Assert.Equal(OcspOutcome.Unauthorized, env.Lookup(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha384, null, TestPki.NewSerial()), buffer).Outcome);
        Assert.Equal(OcspOutcome.Unauthorized, env.Lookup(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, [0x00]), buffer).Outcome);
        Assert.Equal(2, env.SourceMetrics.UnknownIssuer);
        Assert.Equal(1, env.SourceMetrics.BadSerial);
    }

    [Fact]
    public async Task TryGetResponse_ResponsePastNextUpdate_TryLaterNeverStale()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var (_, serial) = await env.RegisterLeafAsync();
        var buffer = new byte[StoreLimits.MaxSignedResponseLength];
        var request = TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, serial);
        Assert.Equal(OcspOutcome.Successful, env.Lookup(request, buffer).Outcome);

        env.Time.Advance(TimeSpan.FromDays(10) + TimeSpan.FromSeconds(1));

        Assert.Equal(OcspOutcome.TryLater, env.Lookup(request, buffer).Outcome);
        Assert.Equal(1, env.SourceMetrics.Expired);
    }

    [Fact]
    public async Task TryGetResponse_StoreNotRecovered_TryLater()
    {
        var directory = _pki.CreateDirectory(TimeProvider.System);
        var path = Path.Combine(Path.GetTempPath(), "v2gpki-notready-" + Guid.NewGuid().ToString("N"));
        await using var store = new FasterStore(TestEnvironment.SmallStore(path));
        var metrics = new OcspSourceMetrics();
        var chain = new FilteringSource(directory, new StoreSource(store, directory, TimeProvider.System, null, metrics), metrics);
        var request = TestEnvironment.Request(directory.Issuers[2], OcspHashAlgorithm.Sha1, null, TestPki.NewSerial());
        Assert.Equal(OcspParseStatus.Ok, OcspRequestParser.TryParse(request, out var parsed));

        Assert.Equal(OcspOutcome.TryLater, chain.TryGetResponse(new OcspQuery(parsed), new byte[4096], out _));
        Assert.Equal(1, metrics.NotReady);
    }

    [Fact]
    public async Task SignAsync_OverMaxWaiters_TryLater()
    {
        await using var env = await TestEnvironment.StartAsync(_pki, live: new LiveSigningOptions { MaxConcurrentSignings = 1, MaxWaiters = 0, CacheSize = 0, RatePerSecond = 0 });
        var requests = Enumerable.Range(0, 8).Select(_ => TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, TestPki.NewSerial())).ToArray();

        var tasks = requests.Select(r => env.Live.SignAsync(r).AsTask()).ToArray();
        var results = await Task.WhenAll(tasks);

        Assert.Equal(OcspOutcome.Successful, results[0].Outcome);
        Assert.Contains(results, r => r.Outcome == OcspOutcome.TryLater);
        Assert.True(env.SourceMetrics.LiveOverBound > 0);
    }

    [Fact]
    public async Task SignAsync_OverRateLimit_TryLater()
    {
        await using var env = await TestEnvironment.StartAsync(_pki, live: new LiveSigningOptions { RatePerSecond = 0.001, Burst = 1, CacheSize = 0 });

        var first = await env.Live.SignAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, TestPki.NewSerial()));
        var second = await env.Live.SignAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, TestPki.NewSerial()));

        Assert.Equal(OcspOutcome.Successful, first.Outcome);
        Assert.Equal(OcspOutcome.TryLater, second.Outcome);
        Assert.Equal(1, env.SourceMetrics.LiveRateLimited);
    }

    [Fact]
    public async Task TryGetResponse_MultiCertIdRequest_SignedLiveWithEveryCertId()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var (der1, serial1) = await env.RegisterLeafAsync("DE*ABC*E1");
        var (_, serial2) = await env.RegisterLeafAsync("DE*ABC*E2");
        await env.Worker.RevokeAsync(new IssuerId(TestPki.Sub2Id), serial2, RevocationReason.KeyCompromise);
        var request = TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, null, serial1, serial2);

        var (outcome, response, answer) = await env.AnswerAsync(request);

        Assert.Equal(OcspOutcome.Successful, outcome);
        Assert.Equal(1, env.SourceMetrics.MultiCertId);
        Assert.Equal(OcspParseStatus.Ok, OcspResponseReader.TryRead(response, out var info));
        Assert.Equal(2, info.ResponseCount);
        var (code, text) = Openssl.VerifyResponse(response, _pki.Sub2Signer.Der, _pki.Sub2.Der, der1, serial2);
        Assert.True(code == 0, text);
        Assert.Contains("cert.pem: good", text, StringComparison.Ordinal);
        Assert.Contains(": revoked", text, StringComparison.Ordinal);
        Assert.True(answer.Cacheable);
    }

    [Fact]
    public async Task TryGetResponse_NoncePolicyOn_NonceEchoedAndSignedLive()
    {
        await using var env = await TestEnvironment.StartAsync(_pki, noncePolicy: true);
        var (der, serial) = await env.RegisterLeafAsync();
        var nonce = new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };

        var (outcome, response, answer) = await env.AnswerAsync(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, nonce, serial));

        Assert.Equal(OcspOutcome.Successful, outcome);
        Assert.False(answer.Cacheable);
        Assert.Equal(OcspParseStatus.Ok, OcspResponseReader.TryRead(response, out var info));
        Assert.True(info.HasNonce);
        Assert.Equal(OcspParseStatus.Ok, OcspRequestParser.TryParse(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, nonce, serial), out var sent));
        Assert.True(info.NonceExtensionValue.SequenceEqual(sent.NonceExtensionValue));
        Assert.Equal(1, env.SourceMetrics.Nonce);
        var (code, text) = Openssl.VerifyResponse(response, _pki.Sub2Signer.Der, _pki.Sub2.Der, der, null);
        Assert.True(code == 0, text);
    }

    [Fact]
    public async Task TryGetResponse_NonceWithoutPolicy_ServedPreSigned()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var (_, serial) = await env.RegisterLeafAsync();
        var buffer = new byte[StoreLimits.MaxSignedResponseLength];

        var (outcome, answer) = env.Lookup(TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha1, [1, 2, 3], serial), buffer);

        Assert.Equal(OcspOutcome.Successful, outcome);
        Assert.True(answer.Cacheable);
        Assert.Equal(0, env.SourceMetrics.Nonce);
    }

    [Fact]
    public async Task TryGetResponse_PreSignedHit_AllocatesNothing()
    {
        await using var env = await TestEnvironment.StartAsync(_pki);
        var (_, serial) = await env.RegisterLeafAsync();
        var request = TestEnvironment.Request(env.Issuer("cpo-sub2"), OcspHashAlgorithm.Sha256, null, serial);
        var buffer = new byte[StoreLimits.MaxSignedResponseLength];
        var chain = env.Chain;
        var directory = env.Directory;
        var found = 0;

        var allocated = AllocationProbe.LeastPerRound(_ => found += Run(chain, directory, request, buffer, 1), iterations: 5000);

        Assert.Equal(4 * 5000, found); // the warm-up round and three measured rounds all hit
        Assert.Equal(0, allocated);
    }

    private static int Run(IOcspResponseSource chain, IssuerDirectory directory, byte[] request, byte[] buffer, int count)
    {
        var found = 0;
        for (var i = 0; i < count; i++)
        {
            OcspRequestParser.TryParse(request, out var parsed);
            if (chain.TryGetResponse(new OcspQuery(parsed), buffer, out var answer) == OcspOutcome.Successful && directory.TryGetSignerCertificate(answer.SignerId, out _))
            {
                found++;
            }
        }

        return found;
    }
}
