// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;

namespace V2gPki.Hsm;

/// <summary>
/// Signs with one token key and one algorithm. ECDSA signers hash on the host (SHA-256/384/512), sign the digest
/// with <c>CKM_ECDSA</c> and return a DER <c>ECDSA-Sig-Value</c>; the Ed448 signer signs the message with
/// <c>CKM_EDDSA</c> and returns the raw 114-byte signature (RFC 8032). Thread-safe.
/// </summary>
/// <remarks>
/// The synchronous methods use the token's priority lane; <see cref="SignBatchAsync"/> uses the bulk lane. For a
/// BouncyCastle <c>ISignatureFactory</c>: <see cref="AlgorithmIdentifier"/> is the DER <c>AlgorithmIdentifier</c>, and
/// the calculator's result is <see cref="Sign"/> over the buffered data (or <see cref="SignHash"/> over an incremental
/// hash for ECDSA).
/// </remarks>
public sealed class HsmSigner
{
    private readonly byte[] _algorithmIdentifier;

    internal HsmSigner(HsmKey key, HsmSignatureAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(key);
        var fits = key.KeyType == HsmKeyType.Ed448
            ? algorithm == HsmSignatureAlgorithm.Ed448
            : algorithm is HsmSignatureAlgorithm.EcdsaSha256 or HsmSignatureAlgorithm.EcdsaSha384 or HsmSignatureAlgorithm.EcdsaSha512;
        if (!fits)
        {
            throw new ArgumentException($"{algorithm} cannot sign with a {key.KeyType} key.", nameof(algorithm));
        }

        Key = key;
        Algorithm = algorithm;
        _algorithmIdentifier = KeyEncoding.AlgorithmIdentifier(algorithm);
        FieldSize = KeyEncoding.FieldSize(key.KeyType);
        MaxSignatureLength = algorithm == HsmSignatureAlgorithm.Ed448 ? 114 : EcdsaSignatureEncoding.GetMaxDerLength(FieldSize);
        HashLength = algorithm switch
        {
            HsmSignatureAlgorithm.EcdsaSha256 => SHA256.HashSizeInBytes,
            HsmSignatureAlgorithm.EcdsaSha384 => SHA384.HashSizeInBytes,
            HsmSignatureAlgorithm.EcdsaSha512 => SHA512.HashSizeInBytes,
            _ => 0,
        };
        Mechanism = algorithm == HsmSignatureAlgorithm.Ed448 ? Pkcs11Constants.CkmEddsa : Pkcs11Constants.CkmEcdsa;
    }

    /// <summary>The key.</summary>
    public HsmKey Key { get; }

    /// <summary>The algorithm.</summary>
    public HsmSignatureAlgorithm Algorithm { get; }

    /// <summary>The DER <c>AlgorithmIdentifier</c> (a complete SEQUENCE, parameters absent per RFC 5758 / RFC 8410).</summary>
    public ReadOnlyMemory<byte> AlgorithmIdentifier => _algorithmIdentifier;

    /// <summary>The signer's public key as DER <c>SubjectPublicKeyInfo</c>.</summary>
    public ReadOnlyMemory<byte> SubjectPublicKeyInfo => Key.SubjectPublicKeyInfo;

    /// <summary>
    /// An upper bound of the signature length (72 for P-256, 141 for P-521, 114 for Ed448); destinations must have at
    /// least this many bytes.
    /// </summary>
    public int MaxSignatureLength { get; }

    /// <summary>The digest length <see cref="TrySignHash"/> expects (32, 48 or 64); 0 for Ed448, which signs messages only.</summary>
    public int HashLength { get; }

    /// <summary>Bytes of r and of s in the raw ECDSA signature; 0 for Ed448.</summary>
    internal int FieldSize { get; }

    /// <summary>The PKCS#11 signing mechanism.</summary>
    internal ulong Mechanism { get; }

    /// <summary>Signs <paramref name="data"/> on the priority lane.</summary>
    /// <param name="data">The message (hashed on the host for ECDSA).</param>
    /// <param name="destination">Where the signature goes; at least <see cref="MaxSignatureLength"/> bytes.</param>
    /// <param name="bytesWritten">The signature length; 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/> only when <paramref name="destination"/> is shorter than <see cref="MaxSignatureLength"/>.</returns>
    /// <exception cref="HsmException">The token failed to sign.</exception>
    public bool TrySign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten) =>
        Key.Token.PriorityLane.TrySign(this, data, destination, out bytesWritten);

    /// <summary>Signs <paramref name="data"/> on the priority lane.</summary>
    /// <param name="data">The message (hashed on the host for ECDSA).</param>
    /// <returns>The signature: DER <c>ECDSA-Sig-Value</c>, or 114 raw bytes for Ed448.</returns>
    /// <exception cref="HsmException">The token failed to sign.</exception>
    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[MaxSignatureLength];
        TrySign(data, buffer, out var written);
        return buffer[..written].ToArray();
    }

    /// <summary>Signs a digest computed by the caller with the algorithm's hash (ECDSA only), on the priority lane.</summary>
    /// <param name="hash">The digest, <see cref="HashLength"/> bytes.</param>
    /// <param name="destination">Where the signature goes; at least <see cref="MaxSignatureLength"/> bytes.</param>
    /// <param name="bytesWritten">The signature length; 0 when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/> only when <paramref name="destination"/> is shorter than <see cref="MaxSignatureLength"/>.</returns>
    /// <exception cref="NotSupportedException">The signer is Ed448 (PureEdDSA signs messages, not digests).</exception>
    /// <exception cref="ArgumentException">The digest has the wrong length.</exception>
    /// <exception cref="HsmException">The token failed to sign.</exception>
    public bool TrySignHash(ReadOnlySpan<byte> hash, Span<byte> destination, out int bytesWritten) =>
        Key.Token.PriorityLane.TrySignHash(this, hash, destination, out bytesWritten);

    /// <summary>Signs a digest computed by the caller (ECDSA only), on the priority lane.</summary>
    /// <param name="hash">The digest, <see cref="HashLength"/> bytes.</param>
    /// <returns>The DER <c>ECDSA-Sig-Value</c>.</returns>
    public byte[] SignHash(ReadOnlySpan<byte> hash)
    {
        Span<byte> buffer = stackalloc byte[MaxSignatureLength];
        TrySignHash(hash, buffer, out var written);
        return buffer[..written].ToArray();
    }

    /// <summary>Signs every entry of <paramref name="batch"/> on the token's bulk lane.</summary>
    /// <param name="batch">A batch made for this signer.</param>
    /// <param name="cancellationToken">Stops queueing and signing the rest of the batch.</param>
    /// <returns>A task that completes when every signature is in the batch.</returns>
    public Task SignBatchAsync(SigningBatch batch, CancellationToken cancellationToken = default) =>
        Key.Token.BulkLane.SignAsync(batch, cancellationToken);

    /// <summary>Checks the input of a digest signature.</summary>
    /// <param name="hash">The digest.</param>
    internal void ValidateHash(ReadOnlySpan<byte> hash)
    {
        if (HashLength == 0)
        {
            throw new NotSupportedException("Ed448 (PureEdDSA) signs the message itself; use TrySign.");
        }

        if (hash.Length != HashLength)
        {
            throw new ArgumentException($"{Algorithm} expects a {HashLength}-byte digest, not {hash.Length} bytes.", nameof(hash));
        }
    }

    /// <summary>Writes what the token signs into <paramref name="buffer"/>: the digest for ECDSA, the message for Ed448.</summary>
    /// <param name="data">The message, or the digest when <paramref name="isHash"/>.</param>
    /// <param name="isHash">Whether <paramref name="data"/> is already the digest.</param>
    /// <param name="buffer">A per-session buffer, grown when a message does not fit.</param>
    /// <returns>The number of bytes to sign.</returns>
    internal int PrepareInput(ReadOnlySpan<byte> data, bool isHash, ref byte[] buffer)
    {
        if (HashLength == 0 || isHash)
        {
            if (buffer.Length < data.Length)
            {
                buffer = new byte[Math.Max(data.Length, buffer.Length * 2)];
            }

            data.CopyTo(buffer);
            return data.Length;
        }

        return Algorithm switch
        {
            HsmSignatureAlgorithm.EcdsaSha256 => SHA256.HashData(data, buffer),
            HsmSignatureAlgorithm.EcdsaSha384 => SHA384.HashData(data, buffer),
            _ => SHA512.HashData(data, buffer),
        };
    }

    /// <summary>Turns the token's raw signature into the signature value.</summary>
    /// <param name="raw">The <c>C_Sign</c> output.</param>
    /// <param name="destination">At least <see cref="MaxSignatureLength"/> bytes.</param>
    /// <returns>The signature length.</returns>
    internal int EncodeSignature(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        if (FieldSize == 0)
        {
            raw.CopyTo(destination);
            return raw.Length;
        }

        if (raw.Length != 2 * FieldSize)
        {
            throw new HsmException(HsmError.DeviceError,
                $"The token returned a {raw.Length}-byte ECDSA signature for key '{Key.Label}', expected {2 * FieldSize}.");
        }

        EcdsaSignatureEncoding.TryEncodeDer(raw, destination, out var written);
        return written;
    }
}
