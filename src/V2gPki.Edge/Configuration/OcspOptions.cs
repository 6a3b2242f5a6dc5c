// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Configuration;

/// <summary>OCSP responder policy (docs/architecture.md §3).</summary>
internal sealed class OcspOptions
{
    /// <summary>Validity of a pre-signed response, nextUpdate − thisUpdate, in days.</summary>
    public double ValidityDays { get; set; } = 10;

    /// <summary>
    /// Re-sign a response when its remaining validity drops below this many days. Stations refresh stapled responses
    /// every 167 h, so what they fetch must stay valid 167 h + a day: at least 191 h (7.96 days).
    /// </summary>
    public double ResignFloorDays { get; set; } = 8;

    /// <summary>
    /// CertID hash algorithms each pre-signed response answers (one SingleResponse per algorithm, RFC 6960 §4.2.2.3):
    /// <c>sha1</c>, <c>sha256</c>, <c>sha384</c>, <c>sha512</c>. Absent means <c>sha1</c> and <c>sha256</c>.
    /// </summary>
    public string[]? HashAlgorithms { get; set; }

    /// <summary>One SingleResponse per response (the fallback of docs/architecture.md §3) instead of one per hash algorithm.</summary>
    public bool SingleCertIdPerResponse { get; set; }

    /// <summary>
    /// Requests with a nonce: <c>ignore</c> (answer the cached response without a nonce, so it stays cacheable) or
    /// <c>sign-live</c> (sign with the nonce on the slow path).
    /// </summary>
    public string NoncePolicy { get; set; } = "ignore";

    /// <summary>
    /// Serials a known issuer never issued: <c>extended-revoked</c> (RFC 6960 §2.2, signed live and cached) or
    /// <c>unauthorized</c> (unsigned).
    /// </summary>
    public string NeverIssuedPolicy { get; set; } = "extended-revoked";

    /// <summary>The live signer for never-issued serials, nonces and multi-CertID requests.</summary>
    public SlowPathOptions SlowPath { get; set; } = new();
}
