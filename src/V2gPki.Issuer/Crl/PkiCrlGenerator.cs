// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Ocsp;
using V2gPki.Pki.Crl;
using V2gPki.Pki.Hierarchy;
using V2gPki.Pki.Issuance;

namespace V2gPki.Issuer.Crl;

/// <summary>CRLs through V2gPki.Pki's <see cref="CrlBuilder"/> (HSM-signed, verified) with persisted monotonic CRL numbers.</summary>
public sealed class PkiCrlGenerator : ICrlGenerator
{
    private readonly Func<string, IssuingCa?> _resolve;
    private readonly ICrlNumberSequence _numbers;

    /// <summary>Creates a generator over CAs found by name.</summary>
    /// <param name="resolve">Finds a CA by name (null when unknown).</param>
    /// <param name="numbers">The CRL number sequence (e.g. <see cref="FileCrlNumberSequence"/> under the data directory).</param>
    public PkiCrlGenerator(Func<string, IssuingCa?> resolve, ICrlNumberSequence numbers)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        ArgumentNullException.ThrowIfNull(numbers);
        _resolve = resolve;
        _numbers = numbers;
    }

    /// <summary>Creates a generator over a loaded hierarchy.</summary>
    /// <param name="hierarchy">The hierarchy.</param>
    /// <param name="numbers">The CRL number sequence.</param>
    public PkiCrlGenerator(CaHierarchy hierarchy, ICrlNumberSequence numbers)
        : this(name => hierarchy.TryGetCa(name, out var ca) ? ca : null, numbers)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
    }

    /// <inheritdoc />
    public bool CanGenerate(string caName) => _resolve(caName) is { CanSign: true };

    /// <inheritdoc />
    public byte[] Generate(string caName, IReadOnlyList<RevokedCertificate> revoked, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate)
    {
        ArgumentNullException.ThrowIfNull(revoked);
        var ca = _resolve(caName) ?? throw new ArgumentException("Unknown CA " + caName + ".", nameof(caName));
        var entries = new RevokedEntry[revoked.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new RevokedEntry(revoked[i].Serial, revoked[i].RevocationTime, (CrlReason)revoked[i].Reason);
        }

        return CrlBuilder.Build(ca, entries, thisUpdate, nextUpdate, _numbers.Reserve(caName));
    }
}
