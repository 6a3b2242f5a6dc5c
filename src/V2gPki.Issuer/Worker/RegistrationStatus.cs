// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Worker;

/// <summary>Outcome of a registration. Values are never reused (docs/style.md §15).</summary>
public enum RegistrationStatus : byte
{
    /// <summary>Registered; its first response is signed and the WAL entry committed: the certificate is served as good.</summary>
    Registered = 1,

    /// <summary>The same certificate was already registered (idempotent retry); durable.</summary>
    AlreadyRegistered = 2,

    /// <summary>The registration queue is full: retry later (EST answers 503 + Retry-After).</summary>
    QueueFull = 3,

    /// <summary>The certificate's issuer is not a configured CA.</summary>
    UnknownIssuer = 4,

    /// <summary>The DER is not a certificate, or its signature does not verify against the CA.</summary>
    InvalidCertificate = 5,

    /// <summary>The serial is registered with a different certificate.</summary>
    SerialInUse = 6,

    /// <summary>The first response could not be signed (no signer, clock jumped back, HSM error).</summary>
    SigningFailed = 7,

    /// <summary>The store is not ready.</summary>
    StoreNotReady = 8,

    /// <summary>The store refused the record (a field out of bounds).</summary>
    StoreRejected = 9,

    /// <summary>The worker is stopping.</summary>
    ShuttingDown = 10,

    /// <summary>
    /// The subject ID already has <see cref="IssuerOptions.MaxLiveCertificatesPerSubject"/> live certificates; nothing
    /// was registered (EST answers 409).
    /// </summary>
    SubjectLimitReached = 11,
}
