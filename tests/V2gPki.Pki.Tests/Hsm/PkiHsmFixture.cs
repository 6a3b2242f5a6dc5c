// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Collections.Concurrent;
using System.Security.Cryptography;
using V2gPki.Hsm;
using V2gPki.Pki.Hierarchy;

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>
/// One throw-away SoftHSM2 token directory for every Pki test that signs (docs/architecture.md §6): SOFTHSM2_CONF is
/// set through libc before the module loads, the module is never finalised mid-run, and each test that needs its own
/// keys opens a fresh pair of tokens (root + online) with unique labels in the same SoftHSM2 instance. Demo hierarchies
/// are built once per key type and shared.
/// </summary>
public sealed class PkiHsmFixture : IDisposable
{
    private readonly ConcurrentBag<HsmTokenSet> _opened = [];
    private readonly ConcurrentDictionary<string, Lazy<DemoHierarchy>> _demos = new(StringComparer.Ordinal);
    private int _counter;

    public PkiHsmFixture()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "v2gpki-pki-tests-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)));
        SoftHsm2Environment.Prepare(Path.Combine(DataDirectory, "hsm"));
    }

    public static readonly string UserPin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    public static readonly string SoPin = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    public string DataDirectory { get; }

    /// <summary>A new directory under the fixture's data directory.</summary>
    public string NewDirectory(string prefix)
    {
        var path = Path.Combine(DataDirectory, $"{prefix}-{Interlocked.Increment(ref _counter)}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Options for a fresh root + online token pair with unique labels.</summary>
    public CaHierarchyOptions NewHierarchyOptions(string prefix)
    {
        var n = Interlocked.Increment(ref _counter);
        return new CaHierarchyOptions
        {
            RootTokenLabel = $"{prefix}-{n}-root",
            OnlineTokenLabel = $"{prefix}-{n}-online",
        };
    }

    /// <summary>Opens (initialising) the tokens a manifest names, with the fixture's PINs.</summary>
    public HsmTokenSet OpenTokens(CaHierarchyManifest manifest)
    {
        var options = new HsmOptions();
        foreach (var token in manifest.Hsm.Tokens)
        {
            options.Tokens.Add(new HsmTokenOptions
            {
                Role = token.Role,
                Label = token.Label,
                Pin = PinSource.FromValue(UserPin),
                SoPin = PinSource.FromValue(SoPin),
                InitializeIfMissing = true,
                PrioritySessions = 1,
                BulkSessions = 1,
            });
        }

        var set = HsmTokenSet.Open(options);
        _opened.Add(set);
        return set;
    }

    /// <summary>A demo hierarchy (built once per name).</summary>
    public DemoHierarchy Demo(DemoKind kind) => _demos.GetOrAdd(kind.ToString(), _ => new Lazy<DemoHierarchy>(() => BuildDemo(kind))).Value;

    private DemoHierarchy BuildDemo(DemoKind kind)
    {
        var options = NewHierarchyOptions(kind.ToString().ToLowerInvariant());
        options.RootAndSubCa1Offline = false;
        switch (kind)
        {
            case DemoKind.P521:
                options.Version = Iso15118Version.Part20;
                options.Part20KeyType = HsmKeyType.EcP521;
                break;
            case DemoKind.Ed448:
                options.Version = Iso15118Version.Part20;
                options.Part20KeyType = HsmKeyType.Ed448;
                break;
            case DemoKind.P256SeparateRoots:
                options.SeparateMoRoot = true;
                options.SeparateOemRoot = true;
                break;
        }

        var layout = new CaDataLayout(NewDirectory(kind.ToString()));
        var manifest = options.CreateManifest();
        var tokens = OpenTokens(manifest);
        CaHierarchyBuilder.CreateDemo(manifest, layout, tokens, TimeProvider.System);
        return new DemoHierarchy(kind, layout, tokens, CaHierarchy.Load(layout, tokens));
    }

    public void Dispose()
    {
        // Sessions close; the module stays initialised until the test host exits (no C_Finalize mid-run).
        foreach (var set in _opened)
        {
            set.Dispose();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

public enum DemoKind
{
    P256,
    P521,
    Ed448,
    P256SeparateRoots,
}

public sealed record DemoHierarchy(DemoKind Kind, CaDataLayout Layout, HsmTokenSet Tokens, CaHierarchy Hierarchy);
