// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Runtime.InteropServices;

namespace V2gPki.Issuer.Answering;

/// <summary>
/// The result of <see cref="IOcspResponder.Answer"/>: the outcome and, for a signed response, what the HTTP layer
/// needs for the RFC 5019 §6 / RFC 9919 caching headers. A plain value: no allocation per request.
/// </summary>
/// <remarks>
/// Times are UTC <see cref="DateTime.Ticks"/> (100 ns since 0001-01-01), the unit of
/// <see cref="DateTimeOffset.UtcTicks"/>; OCSP times have whole seconds, so sub-second parts are ignored.
/// </remarks>
[StructLayout(LayoutKind.Auto)]
public readonly struct OcspReply : IEquatable<OcspReply>
{
    private OcspReply(OcspOutcome outcome, long thisUpdateTicks, long nextUpdateTicks, long nextResignTicks, UInt128 entityTag)
    {
        Outcome = outcome;
        ThisUpdateTicks = thisUpdateTicks;
        NextUpdateTicks = nextUpdateTicks;
        NextResignTicks = nextResignTicks;
        EntityTag = entityTag;
    }

    /// <summary>What happened; see <see cref="OcspOutcome"/>.</summary>
    public OcspOutcome Outcome { get; }

    /// <summary>The response's thisUpdate (sent as <c>Last-Modified</c>); 0 when not <see cref="OcspOutcome.Successful"/>.</summary>
    public long ThisUpdateTicks { get; }

    /// <summary>The response's nextUpdate (sent as <c>Expires</c>); 0 when the response carries none.</summary>
    public long NextUpdateTicks { get; }

    /// <summary>
    /// When the pre-signer will have replaced this response (its re-sign time); <c>max-age</c> runs to the earlier
    /// of this and <see cref="NextUpdateTicks"/>, so caches fetch the new response once it exists. 0 = unknown.
    /// </summary>
    public long NextResignTicks { get; }

    /// <summary>
    /// A strong entity tag for the exact response bytes (e.g. 16 bytes of the response hash, or of the signature
    /// value, which is unique per signed response); 0 = none, then no <c>ETag</c> is sent.
    /// </summary>
    public UInt128 EntityTag { get; }

    /// <summary>True when a signed response was written and its validity period is known, so HTTP caching applies.</summary>
    public bool IsCacheable => Outcome == OcspOutcome.Successful && NextUpdateTicks > ThisUpdateTicks;

    /// <summary>An answer that signals the fast path cannot answer: call <see cref="IOcspResponder.AnswerSlowAsync"/>.</summary>
    public static OcspReply NeedsLiveSigning => new(OcspOutcome.NeedsLiveSigning, 0, 0, 0, UInt128.Zero);

    /// <summary>A signed response was written to the body writer.</summary>
    /// <param name="thisUpdateTicks">thisUpdate, UTC ticks.</param>
    /// <param name="nextUpdateTicks">nextUpdate, UTC ticks; 0 when the response has none (then it is not cached).</param>
    /// <param name="nextResignTicks">When a newer response will be available, UTC ticks; 0 = unknown.</param>
    /// <param name="entityTag">A strong entity tag of the response bytes; <see cref="UInt128.Zero"/> = none.</param>
    /// <returns>The answer.</returns>
    public static OcspReply Successful(long thisUpdateTicks, long nextUpdateTicks, long nextResignTicks, UInt128 entityTag) =>
        new(OcspOutcome.Successful, thisUpdateTicks, nextUpdateTicks, nextResignTicks, entityTag);

    /// <summary>An unsigned error answer (RFC 6960 §2.3); the HTTP layer writes its constant body.</summary>
    /// <param name="outcome">Any outcome but <see cref="OcspOutcome.Successful"/> and <see cref="OcspOutcome.NeedsLiveSigning"/>.</param>
    /// <returns>The answer.</returns>
    public static OcspReply Error(OcspOutcome outcome)
    {
        if (outcome is OcspOutcome.Successful or OcspOutcome.NeedsLiveSigning)
        {
            ThrowNotAnError(outcome);
        }

        return new(outcome, 0, 0, 0, UInt128.Zero);
    }

    /// <inheritdoc/>
    public bool Equals(OcspReply other) =>
        Outcome == other.Outcome && ThisUpdateTicks == other.ThisUpdateTicks && NextUpdateTicks == other.NextUpdateTicks
        && NextResignTicks == other.NextResignTicks && EntityTag == other.EntityTag;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OcspReply other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Outcome, ThisUpdateTicks, NextUpdateTicks, NextResignTicks, EntityTag);

    /// <summary>Compares two answers field by field.</summary>
    /// <param name="left">The first answer.</param>
    /// <param name="right">The second answer.</param>
    /// <returns>True when all fields are equal.</returns>
    public static bool operator ==(OcspReply left, OcspReply right) => left.Equals(right);

    /// <summary>Compares two answers field by field.</summary>
    /// <param name="left">The first answer.</param>
    /// <param name="right">The second answer.</param>
    /// <returns>True when any field differs.</returns>
    public static bool operator !=(OcspReply left, OcspReply right) => !left.Equals(right);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowNotAnError(OcspOutcome outcome) =>
        throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not an error outcome");
}
