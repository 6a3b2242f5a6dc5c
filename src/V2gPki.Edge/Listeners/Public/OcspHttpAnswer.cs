// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Runtime.InteropServices;

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// The result of <see cref="IOcspResponder.Answer"/>: the outcome and, for a signed response, what the HTTP layer
/// needs for the RFC 5019 §6 / RFC 9919 caching headers. A plain value: no allocation per request.
/// </summary>
/// <remarks>
/// Times are UTC <see cref="DateTime.Ticks"/> (100 ns since 0001-01-01), the unit of
/// <see cref="DateTimeOffset.UtcTicks"/>; OCSP times have whole seconds, so sub-second parts are ignored.
/// </remarks>
[StructLayout(LayoutKind.Auto)]
public readonly struct OcspHttpAnswer : IEquatable<OcspHttpAnswer>
{
    private OcspHttpAnswer(OcspAnswerOutcome outcome, long thisUpdateTicks, long nextUpdateTicks, long nextResignTicks, UInt128 entityTag)
    {
        Outcome = outcome;
        ThisUpdateTicks = thisUpdateTicks;
        NextUpdateTicks = nextUpdateTicks;
        NextResignTicks = nextResignTicks;
        EntityTag = entityTag;
    }

    /// <summary>What happened; see <see cref="OcspAnswerOutcome"/>.</summary>
    public OcspAnswerOutcome Outcome { get; }

    /// <summary>The response's thisUpdate (sent as <c>Last-Modified</c>); 0 when not <see cref="OcspAnswerOutcome.Successful"/>.</summary>
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
    public bool IsCacheable => Outcome == OcspAnswerOutcome.Successful && NextUpdateTicks > ThisUpdateTicks;

    /// <summary>An answer that signals the fast path cannot answer: call <see cref="IOcspResponder.AnswerSlowAsync"/>.</summary>
    public static OcspHttpAnswer NeedsLiveSigning => new(OcspAnswerOutcome.NeedsLiveSigning, 0, 0, 0, UInt128.Zero);

    /// <summary>A signed response was written to the body writer.</summary>
    /// <param name="thisUpdateTicks">thisUpdate, UTC ticks.</param>
    /// <param name="nextUpdateTicks">nextUpdate, UTC ticks; 0 when the response has none (then it is not cached).</param>
    /// <param name="nextResignTicks">When a newer response will be available, UTC ticks; 0 = unknown.</param>
    /// <param name="entityTag">A strong entity tag of the response bytes; <see cref="UInt128.Zero"/> = none.</param>
    /// <returns>The answer.</returns>
    public static OcspHttpAnswer Successful(long thisUpdateTicks, long nextUpdateTicks, long nextResignTicks, UInt128 entityTag) =>
        new(OcspAnswerOutcome.Successful, thisUpdateTicks, nextUpdateTicks, nextResignTicks, entityTag);

    /// <summary>An unsigned error answer (RFC 6960 §2.3); the HTTP layer writes its constant body.</summary>
    /// <param name="outcome">Any outcome but <see cref="OcspAnswerOutcome.Successful"/> and <see cref="OcspAnswerOutcome.NeedsLiveSigning"/>.</param>
    /// <returns>The answer.</returns>
    public static OcspHttpAnswer Error(OcspAnswerOutcome outcome)
    {
        if (outcome is OcspAnswerOutcome.Successful or OcspAnswerOutcome.NeedsLiveSigning)
        {
            ThrowNotAnError(outcome);
        }

        return new(outcome, 0, 0, 0, UInt128.Zero);
    }

    /// <inheritdoc/>
    public bool Equals(OcspHttpAnswer other) =>
        Outcome == other.Outcome && ThisUpdateTicks == other.ThisUpdateTicks && NextUpdateTicks == other.NextUpdateTicks
        && NextResignTicks == other.NextResignTicks && EntityTag == other.EntityTag;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OcspHttpAnswer other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Outcome, ThisUpdateTicks, NextUpdateTicks, NextResignTicks, EntityTag);

    /// <summary>Compares two answers field by field.</summary>
    /// <param name="left">The first answer.</param>
    /// <param name="right">The second answer.</param>
    /// <returns>True when all fields are equal.</returns>
    public static bool operator ==(OcspHttpAnswer left, OcspHttpAnswer right) => left.Equals(right);

    /// <summary>Compares two answers field by field.</summary>
    /// <param name="left">The first answer.</param>
    /// <param name="right">The second answer.</param>
    /// <returns>True when any field differs.</returns>
    public static bool operator !=(OcspHttpAnswer left, OcspHttpAnswer right) => !left.Equals(right);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowNotAnError(OcspAnswerOutcome outcome) =>
        throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not an error outcome");
}
