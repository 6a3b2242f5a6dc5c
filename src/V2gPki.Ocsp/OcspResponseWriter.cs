// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using System.Diagnostics;
using V2gPki.Der;

namespace V2gPki.Ocsp;

/// <summary>
/// Writes the signed data of a response, <c>tbsResponseData</c> (RFC 6960 §4.2.1), step (a) of the pipeline
/// tbsResponseData → sign (<see cref="SignedResponsePart"/>) → store the signed part → splice the signer certificate in
/// (<see cref="OcspResponseAssembler"/>). ResponseData is always v1 (DEFAULT, not encoded) and CertIDs carry explicit
/// NULL hash parameters. Invalid arguments are caller bugs and throw <see cref="ArgumentException"/>; a short
/// destination returns <see langword="false"/> with nothing written.
/// </summary>
public static partial class OcspResponseWriter
{
    /// <summary>The exact length of the tbsResponseData for these fields and SingleResponses.</summary>
    /// <typeparam name="TResponses">The SingleResponse list type (a struct or ref struct: no boxing).</typeparam>
    /// <param name="fields">responderID, producedAt and responseExtensions.</param>
    /// <param name="responses">The SingleResponses, at least one.</param>
    /// <returns>The encoded length in bytes.</returns>
    public static int GetTbsResponseDataLength<TResponses>(scoped in ResponseDataFields fields, scoped in TResponses responses)
        where TResponses : ISingleResponseList, allows ref struct
    {
        Validate(fields, responses);
        return Measure(fields, responses);
    }

    /// <summary>Writes the DER tbsResponseData at the start of <paramref name="destination"/>.</summary>
    /// <typeparam name="TResponses">The SingleResponse list type (a struct or ref struct: no boxing).</typeparam>
    /// <param name="destination">Where the encoding goes.</param>
    /// <param name="fields">responderID, producedAt and responseExtensions.</param>
    /// <param name="responses">The SingleResponses, at least one, in order.</param>
    /// <param name="bytesWritten">The encoded length; 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/>, with <paramref name="destination"/> untouched, when it is too short.</returns>
    public static bool TryWriteTbsResponseData<TResponses>(Span<byte> destination, scoped in ResponseDataFields fields, scoped in TResponses responses, out int bytesWritten)
        where TResponses : ISingleResponseList, allows ref struct
    {
        Validate(fields, responses);
        var length = Measure(fields, responses);
        if (length > destination.Length)
        {
            bytesWritten = 0;
            return false;
        }

        var writer = new DerWriter(destination[..length]);
        WriteResponseData(ref writer, fields, responses);
        Debug.Assert(!writer.HasOverflowed && writer.BytesWritten == length, "The measure and write passes must agree.");
        bytesWritten = length;
        return true;
    }

    /// <summary>
    /// Writes tbsResponseData and signs it in place, producing the signed part (see <see cref="SignedResponsePart"/>
    /// for the layout) at the start of <paramref name="destination"/>.
    /// </summary>
    /// <typeparam name="TResponses">The SingleResponse list type.</typeparam>
    /// <param name="destination">Where the signed part goes; needs <see cref="SignedResponsePart.GetMaxLength"/> bytes.</param>
    /// <param name="fields">responderID, producedAt and responseExtensions.</param>
    /// <param name="responses">The SingleResponses.</param>
    /// <param name="signer">The signer (the HSM, or a software key in codec tests).</param>
    /// <param name="bytesWritten">The signed part's length; 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/>, without signing or writing, when the destination may be too short.</returns>
    public static bool TryWriteSignedPart<TResponses>(Span<byte> destination, scoped in ResponseDataFields fields, scoped in TResponses responses, IOcspSigner signer, out int bytesWritten)
        where TResponses : ISingleResponseList, allows ref struct
    {
        ArgumentNullException.ThrowIfNull(signer);
        Validate(fields, responses);
        var tbsLength = Measure(fields, responses);
        if (SignedResponsePart.GetMaxLength(tbsLength, signer) > destination.Length)
        {
            bytesWritten = 0;
            return false;
        }

        var writer = new DerWriter(destination[..tbsLength]);
        WriteResponseData(ref writer, fields, responses);
        return SignedResponsePart.TrySign(destination, destination[..tbsLength], signer, out bytesWritten);
    }

    /// <summary>
    /// Writes, signs and assembles a complete successful OCSPResponse in one call (the live slow path: extended-revoked
    /// answers, nonce requests). Scratch memory comes from <see cref="ArrayPool{T}"/>, so steady state allocates nothing.
    /// </summary>
    /// <typeparam name="TResponses">The SingleResponse list type.</typeparam>
    /// <param name="destination">Where the OCSPResponse goes.</param>
    /// <param name="fields">responderID, producedAt and responseExtensions.</param>
    /// <param name="responses">The SingleResponses.</param>
    /// <param name="signer">The signer.</param>
    /// <param name="certificates">The certs field: concatenated DER certificates (usually the delegated signer's); empty to omit.</param>
    /// <param name="bytesWritten">The response length; 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/>, without writing, when <paramref name="destination"/> is too short.</returns>
    public static bool TryWriteResponse<TResponses>(Span<byte> destination, scoped in ResponseDataFields fields, scoped in TResponses responses, IOcspSigner signer, ReadOnlySpan<byte> certificates, out int bytesWritten)
        where TResponses : ISingleResponseList, allows ref struct
    {
        ArgumentNullException.ThrowIfNull(signer);
        Validate(fields, responses);
        var maxSigned = SignedResponsePart.GetMaxLength(Measure(fields, responses), signer);
        var scratch = ArrayPool<byte>.Shared.Rent(maxSigned);
        try
        {
            if (!TryWriteSignedPart(scratch, fields, responses, signer, out var signedLength))
            {
                ThrowHelper.ThrowInvalidOperation("The signed part did not fit its measured bound.");
            }

            return OcspResponseAssembler.TryAssemble(scratch.AsSpan(0, signedLength), certificates, destination, out bytesWritten);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static int Measure<TResponses>(scoped in ResponseDataFields fields, scoped in TResponses responses)
        where TResponses : ISingleResponseList, allows ref struct
    {
        var measure = new DerWriter(Span<byte>.Empty);
        WriteResponseData(ref measure, fields, responses);
        return measure.BytesWritten;
    }

    private static void Validate<TResponses>(scoped in ResponseDataFields fields, scoped in TResponses responses)
        where TResponses : ISingleResponseList, allows ref struct
    {
        if (fields.ResponderId.Kind == ResponderIdKind.None)
        {
            ThrowHelper.ThrowArgument("responderID is required (ResponderId.ByKey or ByName).", nameof(fields));
        }

        var count = responses.Count;
        if (count < 1)
        {
            ThrowHelper.ThrowArgument("At least one SingleResponse is required.", nameof(responses));
        }

        for (var i = 0; i < count; i++)
        {
            var single = responses.GetResponse(i);
            CertIdCodec.Validate(single.CertId, nameof(responses));
        }
    }
}
