// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>
/// The unsigned error responses (RFC 6960 §2.3, §4.2.1): <c>OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED }</c>
/// without responseBytes, pre-encoded.
/// </summary>
public static class OcspErrorResponses
{
    /// <summary>malformedRequest (1): 30 03 0A 01 01.</summary>
    public static ReadOnlySpan<byte> MalformedRequest => [0x30, 0x03, 0x0A, 0x01, 0x01];

    /// <summary>internalError (2): 30 03 0A 01 02.</summary>
    public static ReadOnlySpan<byte> InternalError => [0x30, 0x03, 0x0A, 0x01, 0x02];

    /// <summary>tryLater (3): 30 03 0A 01 03.</summary>
    public static ReadOnlySpan<byte> TryLater => [0x30, 0x03, 0x0A, 0x01, 0x03];

    /// <summary>sigRequired (5): 30 03 0A 01 05.</summary>
    public static ReadOnlySpan<byte> SigRequired => [0x30, 0x03, 0x0A, 0x01, 0x05];

    /// <summary>unauthorized (6): 30 03 0A 01 06.</summary>
    public static ReadOnlySpan<byte> Unauthorized => [0x30, 0x03, 0x0A, 0x01, 0x06];

    /// <summary>The pre-encoded response for an error status.</summary>
    /// <param name="status">Any status but <see cref="OcspResponseStatus.Successful"/>.</param>
    /// <returns>The encoded response.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is successful or undefined.</exception>
    public static ReadOnlySpan<byte> Get(OcspResponseStatus status)
    {
        switch (status)
        {
            case OcspResponseStatus.MalformedRequest:
                return MalformedRequest;
            case OcspResponseStatus.InternalError:
                return InternalError;
            case OcspResponseStatus.TryLater:
                return TryLater;
            case OcspResponseStatus.SigRequired:
                return SigRequired;
            case OcspResponseStatus.Unauthorized:
                return Unauthorized;
            default:
                ThrowHelper.ThrowArgumentOutOfRange(nameof(status));
                return default;
        }
    }
}
