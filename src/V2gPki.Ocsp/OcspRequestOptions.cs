// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>Policy knobs of the request parser; the default ignores nonce lengths so responses stay cacheable (docs/architecture.md §3).</summary>
public readonly struct OcspRequestOptions : IEquatable<OcspRequestOptions>
{
    /// <summary>The shortest nonce RFC 9654 §2.1 allows.</summary>
    public const int MinNonceLength = 1;

    /// <summary>The longest nonce RFC 9654 §2.1 allows.</summary>
    public const int MaxNonceLength = 128;

    /// <summary>
    /// When set (a nonce policy is on for the issuer), a nonce outside 1–128 octets makes the request
    /// <see cref="OcspParseStatus.InvalidNonce"/> (RFC 9654 §2.1: answer malformedRequest); otherwise it is only flagged.
    /// </summary>
    public bool EnforceNonceLength { get; init; }

    /// <inheritdoc/>
    public bool Equals(OcspRequestOptions other) => EnforceNonceLength == other.EnforceNonceLength;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OcspRequestOptions other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => EnforceNonceLength ? 1 : 0;

    /// <summary>Value equality.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    /// <returns>Whether both are equal.</returns>
    public static bool operator ==(OcspRequestOptions left, OcspRequestOptions right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(OcspRequestOptions left, OcspRequestOptions right) => !left.Equals(right);
}
