// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using V2gPki.Issuer.Answering;
using V2gPki.Issuer.Signers;
using V2gPki.Issuer.Worker;
using V2gPki.Ocsp;
using V2gPki.Store;

namespace V2gPki.Issuer.Tests;

/// <summary>
/// A store on a temp directory, a directory of the fixture's CAs, a worker and the answering chain, with a manual clock
/// starting at the real time (openssl checks response times against the real clock).
/// </summary>
internal sealed class TestEnvironment : IAsyncDisposable
{
    private TestEnvironment(TestPki pki, string directory, FasterStore store, ManualClock time, IssuerDirectory issuers, IssuerOptions options, LiveSigningOptions live, IDelegatedSignerProvisioner? provisioner)
    {
        Pki = pki;
        Path = directory;
        Store = store;
        Time = time;
        Directory = issuers;
        Options = options;
        Worker = new IssuingWorker(issuers, store, options, time, provisioner: provisioner);
        SourceMetrics = new OcspSourceMetrics();
        Live = new LiveSigningSource(issuers, store, Worker.Factory, live, time, SourceMetrics);
        Chain = new FilteringSource(issuers, new StoreSource(store, issuers, time, Live, SourceMetrics), SourceMetrics);
    }

    public TestPki Pki { get; }

    public string Path { get; }

    public FasterStore Store { get; }

    public ManualClock Time { get; }

    public IssuerDirectory Directory { get; }

    public IssuerOptions Options { get; }

    public IssuingWorker Worker { get; }

    public OcspSourceMetrics SourceMetrics { get; }

    public LiveSigningSource Live { get; }

    public IOcspResponseSource Chain { get; }

    public static async Task<TestEnvironment> StartAsync(TestPki pki, IssuerOptions? options = null, LiveSigningOptions? live = null, bool noncePolicy = false,
        IDelegatedSignerProvisioner? provisioner = null, string? path = null, ManualClock? time = null, TestSigner? sub2Signer = null)
    {
        path ??= System.IO.Path.Combine(System.IO.Path.GetTempPath(), "v2gpki-issuer-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)));
        time ??= ManualClock.StandingAt(DateTimeOffset.UtcNow);
        var store = new FasterStore(SmallStore(path));
        await store.RecoverAsync();
        var directory = pki.CreateDirectory(time, noncePolicy, new SignerCatalog(System.IO.Path.Combine(path, "signers.txt")), sub2Signer: sub2Signer);
        var environment = new TestEnvironment(pki, path, store, time, directory, options ?? new IssuerOptions { ScanInterval = TimeSpan.FromHours(1) }, live ?? new LiveSigningOptions(), provisioner);
        environment.Worker.Start();
        return environment;
    }

    public static StoreOptions SmallStore(string directory) => new()
    {
        Directory = directory,
        Serving = new KvLogOptions { IndexBucketBits = 14, PageSizeBits = 20, MemorySizeBits = 25, SegmentSizeBits = 25 },
        Registry = new KvLogOptions { IndexBucketBits = 14, PageSizeBits = 18, MemorySizeBits = 23, SegmentSizeBits = 23 },
        Certificates = new KvLogOptions { IndexBucketBits = 14, PageSizeBits = 18, MemorySizeBits = 22, SegmentSizeBits = 23 },
        Wal = new WalOptions { PageSizeBits = 18, MemorySizeBits = 20, SegmentSizeBits = 24 },
        CheckpointInterval = TimeSpan.Zero,
    };

    public async Task<(byte[] Der, byte[] Serial)> RegisterLeafAsync(string cn = "DE*ABC*E1234")
    {
        var der = Pki.IssueLeaf(cn, out var serial);
        var result = await Worker.RegisterAsync(new CertificateRegistration { CertificateDer = der, Kind = CertificateKind.Evse });
        Assert.Equal(RegistrationStatus.Registered, result.Status);
        return (der, serial);
    }

    /// <summary>Builds a DER OCSP request for serials of a CA (SHA-1 CertIDs unless told), optionally with a nonce.</summary>
    public static byte[] Request(IssuerEntry issuer, OcspHashAlgorithm algorithm, byte[]? nonce, params byte[][] serials)
    {
        var hashes = IssuerHashes.Compute(algorithm, issuer.Certificate.Der);
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    foreach (var serial in serials)
                    {
                        using (writer.PushSequence())
                        using (writer.PushSequence())
                        {
                            writer.WriteEncodedValue(OcspHashAlgorithms.GetAlgorithmIdentifier(algorithm));
                            writer.WriteOctetString(hashes.NameHash.Span);
                            writer.WriteOctetString(hashes.KeyHash.Span);
                            writer.WriteInteger(serial);
                        }
                    }
                }

                if (nonce is not null)
                {
                    using (writer.PushSequence(new System.Formats.Asn1.Asn1Tag(System.Formats.Asn1.TagClass.ContextSpecific, 2)))
                    using (writer.PushSequence())
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier("1.3.6.1.5.5.7.48.1.2");
                        var inner = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
                        inner.WriteOctetString(nonce);
                        writer.WriteOctetString(inner.Encode());
                    }
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>Answers a request through the chain (and the live signer when asked to), as the host will.</summary>
    public async Task<(OcspOutcome Outcome, byte[] Response, OcspAnswer Answer)> AnswerAsync(byte[] request)
    {
        var buffer = new byte[StoreLimits.MaxSignedResponseLength];
        var (outcome, answer) = Lookup(request, buffer);
        byte[] part;
        if (outcome == OcspOutcome.NeedsLiveSigning)
        {
            var live = await Live.SignAsync(request);
            outcome = live.Outcome;
            answer = live.Answer;
            part = live.SignedPart.ToArray();
        }
        else
        {
            part = buffer.AsSpan(0, answer.Length).ToArray();
        }

        if (outcome != OcspOutcome.Successful)
        {
            return (outcome, [], answer);
        }

        Assert.True(Directory.TryGetSignerCertificate(answer.SignerId, out var certificate));
        var response = new byte[OcspResponseAssembler.GetLength(part.Length, certificate.Length)];
        Assert.True(OcspResponseAssembler.TryAssemble(part, certificate.Span, response, out var written));
        Assert.Equal(response.Length, written);
        return (outcome, response, answer);
    }

    public (OcspOutcome Outcome, OcspAnswer Answer) Lookup(byte[] request, Span<byte> destination)
    {
        Assert.Equal(OcspParseStatus.Ok, OcspRequestParser.TryParse(request, out var parsed));
        var outcome = Chain.TryGetResponse(new OcspQuery(parsed), destination, out var answer);
        return (outcome, answer);
    }

    public IssuerEntry Issuer(string name)
    {
        Assert.True(Directory.TryGetIssuer(name, out var issuer));
        return issuer;
    }

    /// <summary>Stops the worker and closes the store, keeping the data directory for a restart.</summary>
    public async ValueTask CloseKeepingDataAsync()
    {
        await Worker.DisposeAsync();
        await Store.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Worker.DisposeAsync();
        Live.Dispose();
        await Store.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
