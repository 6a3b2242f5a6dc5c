// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Listeners.Public;

/// <summary>
/// The unsigned OCSP error responses of RFC 6960 §2.3: <c>OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED }</c>
/// with no <c>responseBytes</c>, five bytes each.
/// </summary>
public static class OcspErrorResponses
{
    /// <summary><c>malformedRequest</c> (1).</summary>
    public static ReadOnlySpan<byte> MalformedRequest => [0x30, 0x03, 0x0A, 0x01, 0x01];

    /// <summary><c>internalError</c> (2).</summary>
    public static ReadOnlySpan<byte> InternalError => [0x30, 0x03, 0x0A, 0x01, 0x02];

    /// <summary><c>tryLater</c> (3).</summary>
    public static ReadOnlySpan<byte> TryLater => [0x30, 0x03, 0x0A, 0x01, 0x03];

    /// <summary><c>sigRequired</c> (5).</summary>
    public static ReadOnlySpan<byte> SigRequired => [0x30, 0x03, 0x0A, 0x01, 0x05];

    /// <summary><c>unauthorized</c> (6).</summary>
    public static ReadOnlySpan<byte> Unauthorized => [0x30, 0x03, 0x0A, 0x01, 0x06];

    /// <summary>The unsigned response for an error outcome.</summary>
    /// <param name="outcome">An error outcome.</param>
    /// <param name="response">The five bytes; empty when <paramref name="outcome"/> is not an error outcome.</param>
    /// <returns>True for the error outcomes, false for <see cref="OcspAnswerOutcome.Successful"/> and <see cref="OcspAnswerOutcome.NeedsLiveSigning"/>.</returns>
    public static bool TryGet(OcspAnswerOutcome outcome, out ReadOnlySpan<byte> response)
    {
        response = outcome switch
        {
            OcspAnswerOutcome.MalformedRequest => MalformedRequest,
            OcspAnswerOutcome.InternalError => InternalError,
            OcspAnswerOutcome.TryLater => TryLater,
            OcspAnswerOutcome.SigRequired => SigRequired,
            OcspAnswerOutcome.Unauthorized => Unauthorized,
            _ => default,
        };
        return !response.IsEmpty;
    }
}
