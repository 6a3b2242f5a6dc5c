// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Hsm;
using V2gPki.Ocsp;

namespace V2gPki.Pki.Signing;

/// <summary>
/// Adapts an <see cref="HsmSigner"/> to the OCSP module's <see cref="IOcspSigner"/>: the delegated OCSP signer key of a
/// CA signs <c>tbsResponseData</c> on the token. The priority lane suits live signing (revocation, the live slow path);
/// <see cref="SigningLane.Bulk"/> queues each call behind the batch work and blocks the caller until it is signed.
/// </summary>
public sealed class HsmOcspSigner : IOcspSigner
{
    private readonly HsmSigner _signer;
    private readonly byte[] _algorithmIdentifier;

    /// <summary>Creates the adapter.</summary>
    /// <param name="signer">The signer (key and algorithm).</param>
    /// <param name="lane">The lane to sign on.</param>
    public HsmOcspSigner(HsmSigner signer, SigningLane lane = SigningLane.Priority)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (lane is not (SigningLane.Priority or SigningLane.Bulk))
        {
            throw new ArgumentOutOfRangeException(nameof(lane));
        }

        _signer = signer;
        _algorithmIdentifier = signer.AlgorithmIdentifier.ToArray();
        Lane = lane;
    }

    /// <summary>The underlying signer.</summary>
    public HsmSigner Signer => _signer;

    /// <summary>The lane the adapter signs on.</summary>
    public SigningLane Lane { get; }

    /// <inheritdoc />
    public ReadOnlySpan<byte> SignatureAlgorithm => _algorithmIdentifier;

    /// <inheritdoc />
    public int MaxSignatureLength => _signer.MaxSignatureLength;

    /// <inheritdoc />
    /// <remarks>Returns <see langword="false"/> when <paramref name="destination"/> is shorter than <see cref="MaxSignatureLength"/>.</remarks>
    public bool TrySign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten) =>
        Lane == SigningLane.Priority
            ? _signer.TrySign(data, destination, out bytesWritten)
            : _signer.Key.Token.BulkLane.TrySign(_signer, data, destination, out bytesWritten);
}
