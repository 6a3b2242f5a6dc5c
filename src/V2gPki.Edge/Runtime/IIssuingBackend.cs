// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Issuer;
using V2gPki.Issuer.Worker;
using V2gPki.Metrics;
using V2gPki.Pki.Hierarchy;
using V2gPki.Pki.Issuance;
using V2gPki.Store;

namespace V2gPki.Edge.Runtime;

/// <summary>
/// What an authenticated front end that changes or reads certificates needs of a back end (the admin API today; EST
/// and the contract service next): the issuing worker, the CAs, the registry and serving index, the certificate
/// issuer, the data directory its files live under, metrics, clock and logging. Never the HSM tokens or the store's
/// life cycle, which stay with the runtime.
/// </summary>
internal interface IIssuingBackend
{
    /// <summary>Gets the data directory (relative paths of a listener's configuration are under it).</summary>
    string DataDirectory { get; }

    /// <summary>Gets the issuing worker: registration, revocation, hold and release.</summary>
    IssuingWorker Worker { get; }

    /// <summary>Gets the CAs by name, CertID or store issuer id, with their signers.</summary>
    IssuerDirectory Directory { get; }

    /// <summary>Gets the CA hierarchy: which Sub-CA 2 issues which kind, each CA's chain, the leaf profiles.</summary>
    CaHierarchy Hierarchy { get; }

    /// <summary>Gets the certificate registry.</summary>
    ICertificateRegistry Registry { get; }

    /// <summary>Gets the serving index (the pre-signed responses).</summary>
    IServingIndex ServingIndex { get; }

    /// <summary>Gets the certificate issuer (CSR to certificate through the HSM, serials checked against the registry).</summary>
    CertificateIssuer CertificateIssuer { get; }

    /// <summary>Gets the registry that <c>/metrics</c> serves, for a front end's own counters.</summary>
    MetricsRegistry MetricsRegistry { get; }

    /// <summary>Gets the clock (docs/architecture.md §9).</summary>
    TimeProvider Time { get; }

    /// <summary>Gets the logger factory.</summary>
    ILoggerFactory LoggerFactory { get; }
}
