// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net.Http.Headers;
using System.Security.Cryptography;
using V2gPki.Edge.Listeners.Admin;
using V2gPki.Edge.Listeners.Ocpp;
using V2gPki.Hsm;
using V2gPki.Issuer;
using V2gPki.Issuer.Answering;
using V2gPki.Issuer.Signers;
using V2gPki.Issuer.Worker;
using V2gPki.Metrics;
using V2gPki.Ocsp;
using V2gPki.Parties.Audit;
using V2gPki.Parties.Credentials;
using V2gPki.Pki.Hierarchy;
using V2gPki.Pki.Issuance;
using V2gPki.Store;
using PkiKind = V2gPki.Pki.Profiles.CertificateKind;

namespace V2gPki.IntegrationTests.Admin;

/// <summary>
/// The real dependencies of the admin API and the OCPP adapter, built once for the collection: a SoftHSM2 token pair
/// with unique labels (one SoftHSM2 instance per process, docs/architecture.md §6), the complete demo hierarchy
/// (<see cref="CaHierarchyBuilder.CreateDemo"/>), a store on a temp directory, a running <see cref="IssuingWorker"/>
/// answering SHA-1/256/384/512 CertIDs, the answering chain, and an admin listener on 127.0.0.1 port 0 with its token
/// and audit log. Tests issue their own leaves (<see cref="IssueAsync"/>): certificate state is per test.
/// </summary>
public sealed class AdminFixture : IAsyncLifetime
{
    public const string TokenId = "ops";

    private readonly ECDsa _leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private HsmTokenSet? _tokens;
    private JsonLinesAuditLog? _audit;

    public AdminFixture()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "v2gpki-admin-tests-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)));
        System.IO.Directory.CreateDirectory(DataDirectory);
        Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        TokenFile = Path.Combine(DataDirectory, "admin.token");
        AuditPath = Path.Combine(DataDirectory, "audit", "admin-audit.jsonl");
    }

    public string DataDirectory { get; }

    public string Token { get; }

    public string TokenFile { get; }

    public string AuditPath { get; }

    public CaHierarchy Hierarchy { get; private set; } = null!;

    public IssuerDirectory Directory { get; private set; } = null!;

    public FasterStore Store { get; private set; } = null!;

    public IssuingWorker Worker { get; private set; } = null!;

    public LiveSigningSource Live { get; private set; } = null!;

    public ChainResponder Responder { get; private set; } = null!;

    public MetricsRegistry Metrics { get; } = new();

    internal AdminMetrics AdminMetrics { get; private set; } = null!;

    internal AdminApi Api { get; private set; } = null!;

    internal AdminListener Listener { get; private set; } = null!;

    public Uri BaseAddress => Listener.BaseAddress;

    public async Task InitializeAsync()
    {
        ProcessSoftHsm.EnsureLoaded();
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var options = new CaHierarchyOptions
        {
            RootAndSubCa1Offline = false,
            RootTokenLabel = "adm-" + suffix + "-root",
            OnlineTokenLabel = "adm-" + suffix + "-online",
        };
        var manifest = options.CreateManifest();
        _tokens = OpenTokens(manifest);
        var layout = new CaDataLayout(Path.Combine(DataDirectory, "pki"));
        CaHierarchyBuilder.CreateDemo(manifest, layout, _tokens, TimeProvider.System);
        Hierarchy = CaHierarchy.Load(layout, _tokens);

        var issuerOptions = new IssuerOptions { ScanInterval = TimeSpan.FromHours(1) };
        issuerOptions.HashAlgorithms.Add(OcspHashAlgorithm.Sha384);
        issuerOptions.HashAlgorithms.Add(OcspHashAlgorithm.Sha512);
        Directory = HierarchyDirectory.Create(Hierarchy, _tokens, issuerOptions, new SignerCatalog(Path.Combine(DataDirectory, "signers.txt")), TimeProvider.System);
        Store = new FasterStore(SmallStore(Path.Combine(DataDirectory, "store")));
        await Store.RecoverAsync();
        Worker = new IssuingWorker(Directory, Store, issuerOptions, TimeProvider.System);
        Worker.Start();
        var sourceMetrics = new OcspSourceMetrics();
        Live = new LiveSigningSource(Directory, Store, Worker.Factory, new LiveSigningOptions(), TimeProvider.System, sourceMetrics);
        Responder = new ChainResponder(new FilteringSource(Directory, new StoreSource(Store, Directory, TimeProvider.System, Live, sourceMetrics), sourceMetrics), Live, Directory);

        File.WriteAllText(TokenFile, "# admin token of the integration tests\n" + TokenId + " " + Token + "\n");
        _audit = new JsonLinesAuditLog(AuditPath);
        AdminMetrics = new AdminMetrics(Metrics);
        Api = new AdminApi(Worker, Directory, Store, Store, AdminTokens.Load(TokenFile), _audit, AdminMetrics, TimeProvider.System,
            options: new AdminApiOptions { MaxRequestBodyBytes = 4096 });
        Listener = await AdminListener.StartAsync(
            new AdminListenerSettings
            {
                Address = "127.0.0.1",
                Port = 0,
                TokenFile = TokenFile,
                AuditLogFile = AuditPath,
                Limits = new V2gPki.Edge.Configuration.ListenerLimitsOptions { MaxRequestBodyBytes = 4096, MaxConcurrentConnections = 64 },
            },
            Api);
    }

    /// <summary>Issues a leaf of a kind with a fresh serial from its Sub-CA 2 and registers it (first response signed, WAL committed).</summary>
    public async Task<IssuedLeaf> IssueAsync(PkiKind kind, string commonName)
    {
        Assert.True(Hierarchy.TryGetIssuerFor(kind, out var ca));
        var profile = Hierarchy.GetProfile(kind);
        var result = new CertificateIssuer(TimeProvider.System).IssueForKey(profile, _leafKey.ExportSubjectPublicKeyInfo(), new SubjectValues(commonName, "V2gPki Test", "DE"), ca);
        Assert.True(result.IsIssued, result.Message);
        var registration = await Worker.RegisterAsync(new CertificateRegistration { CertificateDer = result.Certificate!.Der, Kind = CertificateKinds.FromProfile(profile) });
        Assert.Equal(RegistrationStatus.Registered, registration.Status);
        return new IssuedLeaf(ca.Name, result.Certificate.Der, result.Certificate.Serial, ca.CertificateDer.ToArray(), Hierarchy.GetOcspSigner(ca.Name).CertificateDer.ToArray());
    }

    /// <summary>An HTTP client of the admin listener; with the fixture's token unless told otherwise.</summary>
    public HttpClient Client(string? token = "")
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        token = token == string.Empty ? Token : token;
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>The audit log's lines so far.</summary>
    public string[] AuditLines()
    {
        using var stream = new FileStream(AuditPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    internal OcppCertificateStatusHandler NewOcppHandler(OcppAdapterOptions? options = null) =>
        new(Responder, new OcppMetrics(new MetricsRegistry()), options: options);

    public async Task DisposeAsync()
    {
        if (Listener is not null)
        {
            await Listener.DisposeAsync();
        }

        _audit?.Dispose();
        if (Worker is not null)
        {
            await Worker.DisposeAsync();
        }

        Live?.Dispose();
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        // Sessions close; the module stays loaded until the test host exits (never C_Finalize mid-run).
        _tokens?.Dispose();
        _leafKey.Dispose();
        try
        {
            System.IO.Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static HsmTokenSet OpenTokens(CaHierarchyManifest manifest)
    {
        var pin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var options = new HsmOptions();
        foreach (var token in manifest.Hsm.Tokens)
        {
            options.Tokens.Add(new HsmTokenOptions
            {
                Role = token.Role,
                Label = token.Label,
                Pin = PinSource.FromValue(pin),
                SoPin = PinSource.FromValue(pin + "so"),
                InitializeIfMissing = true,
                PrioritySessions = 1,
                BulkSessions = 1,
            });
        }

        return HsmTokenSet.Open(options);
    }

    internal static StoreOptions SmallStore(string directory) => new()
    {
        Directory = directory,
        Serving = new KvLogOptions { IndexBucketBits = 14, PageSizeBits = 20, MemorySizeBits = 25, SegmentSizeBits = 25 },
        Registry = new KvLogOptions { IndexBucketBits = 14, PageSizeBits = 18, MemorySizeBits = 23, SegmentSizeBits = 23 },
        Certificates = new KvLogOptions { IndexBucketBits = 14, PageSizeBits = 18, MemorySizeBits = 22, SegmentSizeBits = 23 },
        Wal = new WalOptions { PageSizeBits = 18, MemorySizeBits = 20, SegmentSizeBits = 24 },
        CheckpointInterval = TimeSpan.Zero,
    };
}

/// <summary>A registered leaf with what openssl needs to check its OCSP answers.</summary>
public sealed record IssuedLeaf(string Ca, byte[] Der, byte[] Serial, byte[] IssuerDer, byte[] SignerDer)
{
    public string SerialHex => Convert.ToHexString(Serial);
}

[CollectionDefinition(Name)]
public sealed class AdminCollection : ICollectionFixture<AdminFixture>
{
    public const string Name = "admin: real hierarchy, store, worker and admin listener";
}
