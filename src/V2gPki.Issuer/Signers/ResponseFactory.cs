// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;
using V2gPki.Hsm;
using V2gPki.Issuer.Worker;
using V2gPki.Ocsp;
using V2gPki.Store;

namespace V2gPki.Issuer.Signers;

/// <summary>
/// Builds and signs pre-signed response parts (docs/architecture.md §3): one SingleResponse per configured CertID hash algorithm under
/// one signature, ResponderID byKey, thisUpdate = now (whole seconds), nextUpdate = now + validity capped at the signer
/// certificate's notAfter. Signs single responses on the HSM priority lane; batches go through the bulk lane (see
/// <see cref="IssuingWorker"/>).
/// </summary>
public sealed class ResponseFactory
{
    /// <summary>Upper bound of a tbsResponseData with four hash algorithms and a 128-byte nonce.</summary>
    public const int MaxTbsLength = 2048;

    private readonly IssuerOptions _options;

    /// <summary>Creates a factory.</summary>
    /// <param name="directory">The CAs and signers.</param>
    /// <param name="options">Validity knobs.</param>
    /// <param name="clock">The clock guard.</param>
    public ResponseFactory(IssuerDirectory directory, IssuerOptions options, ClockGuard clock)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        Directory = directory;
        _options = options;
        Clock = clock;
    }

    /// <summary>Gets the directory.</summary>
    public IssuerDirectory Directory { get; }

    /// <summary>Gets the clock guard.</summary>
    public ClockGuard Clock { get; }

    /// <summary>Gets nextUpdate for a response signed now: now + validity, never after the signer's notAfter.</summary>
    /// <param name="signer">The signer.</param>
    /// <param name="now">thisUpdate.</param>
    /// <returns>nextUpdate.</returns>
    public DateTimeOffset NextUpdate(DelegatedSigner signer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var next = now + _options.ResponseValidity;
        var cap = signer.NotAfter;
        cap = new DateTimeOffset(cap.UtcTicks - cap.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return next < cap ? next : cap;
    }

    /// <summary>Writes a tbsResponseData.</summary>
    /// <param name="destination">At least <see cref="MaxTbsLength"/> bytes.</param>
    /// <param name="issuer">The CA that issued the certificate.</param>
    /// <param name="signer">The signer (its key hash is the ResponderID).</param>
    /// <param name="serial">The serial, INTEGER content octets.</param>
    /// <param name="status">The status info with thisUpdate/nextUpdate.</param>
    /// <param name="producedAt">producedAt.</param>
    /// <param name="extendedRevoked">Whether to add the Extended Revoked Definition extension (RFC 6960 §4.4.8).</param>
    /// <param name="nonceExtensionValue">A nonce to echo, or empty.</param>
    /// <returns>Bytes written; 0 when the destination is too small.</returns>
    public static int WriteTbs(Span<byte> destination, IssuerEntry issuer, DelegatedSigner signer, ReadOnlySpan<byte> serial, CertStatusInfo status,
        DateTimeOffset producedAt, bool extendedRevoked = false, ReadOnlySpan<byte> nonceExtensionValue = default)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(signer);
        var fields = new ResponseDataFields
        {
            ResponderId = ResponderId.ByKey(signer.KeyHash),
            ProducedAt = producedAt,
            ExtendedRevokedDefinition = extendedRevoked,
            NonceExtensionValue = nonceExtensionValue,
        };
        var responses = new CertificateSingleResponses(issuer.Hashes, serial, status);
        return OcspResponseWriter.TryWriteTbsResponseData(destination, fields, responses, out var written) ? written : 0;
    }

    /// <summary>Assembles a signed part from a tbsResponseData and its signature.</summary>
    /// <param name="tbs">The tbsResponseData.</param>
    /// <param name="signer">The signer (its algorithm identifier is written).</param>
    /// <param name="signature">The signature value.</param>
    /// <returns>The signed part.</returns>
    public static byte[] Assemble(ReadOnlySpan<byte> tbs, DelegatedSigner signer, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var algorithm = signer.Signer!.AlgorithmIdentifier.Span;
        var part = new byte[SignedResponsePart.GetLength(tbs.Length, algorithm.Length, signature.Length)];
        SignedResponsePart.TryWrite(part, tbs, algorithm, signature, out var written);
        return written == part.Length ? part : part.AsSpan(0, written).ToArray();
    }

    /// <summary>Signs a response for one certificate on the HSM priority lane with the CA's current signer.</summary>
    /// <param name="issuer">The CA that issued the certificate.</param>
    /// <param name="serial">The serial.</param>
    /// <param name="status">The status to attest.</param>
    /// <param name="response">The signed response, or default.</param>
    /// <returns>Success, NoSigner, ClockJumped or HsmError.</returns>
    public SignOutcome TrySignPriority(IssuerEntry issuer, ReadOnlySpan<byte> serial, in ResponseStatus status, out SignedResponse response)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        response = default;
        var signer = issuer.CurrentSigner;
        if (signer?.Signer is null)
        {
            return SignOutcome.NoSigner;
        }

        if (!Clock.TryGetSigningTime(out var now))
        {
            return SignOutcome.ClockJumped;
        }

        if (now >= signer.NotAfter)
        {
            return SignOutcome.NoSigner;
        }

        var next = NextUpdate(signer, now);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxTbsLength + 256);
        try
        {
            var tbsLength = WriteTbs(buffer, issuer, signer, serial, status.ToCertStatusInfo(now, next), now);
            if (tbsLength == 0)
            {
                throw new InvalidOperationException("tbsResponseData does not fit its buffer.");
            }

            var signature = buffer.AsSpan(MaxTbsLength, 256);
            if (!signer.Signer.TrySign(buffer.AsSpan(0, tbsLength), signature, out var signatureLength))
            {
                throw new InvalidOperationException("Signature buffer too small.");
            }

            response = new SignedResponse(Assemble(buffer.AsSpan(0, tbsLength), signer, signature[..signatureLength]), signer.Id, now, next);
            return SignOutcome.Success;
        }
        catch (HsmException)
        {
            return SignOutcome.HsmError;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
