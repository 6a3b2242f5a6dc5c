// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>
/// A key pair on a token, found by label: the private key's handle (cached, looked up again if the token invalidates
/// it) and the public key as DER <c>SubjectPublicKeyInfo</c>. The private key never leaves the token.
/// </summary>
public sealed class HsmKey
{
    private readonly byte[] _subjectPublicKeyInfo;
    private ulong _privateKeyHandle;

    internal HsmKey(HsmToken token, string label, HsmKeyType keyType, ulong privateKeyHandle, byte[] subjectPublicKeyInfo)
    {
        Token = token;
        Label = label;
        KeyType = keyType;
        _privateKeyHandle = privateKeyHandle;
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
    }

    /// <summary>The token holding the key.</summary>
    public HsmToken Token { get; }

    /// <summary>The key label (<c>CKA_LABEL</c>).</summary>
    public string Label { get; }

    /// <summary>The curve.</summary>
    public HsmKeyType KeyType { get; }

    /// <summary>The public key as DER <c>SubjectPublicKeyInfo</c> (RFC 5480 for EC, RFC 8410 for Ed448).</summary>
    public ReadOnlyMemory<byte> SubjectPublicKeyInfo => _subjectPublicKeyInfo;

    /// <summary>
    /// The usual algorithm of the key: ecdsa-with-SHA256 for P-256 (ISO 15118-2), ecdsa-with-SHA512 for P-521
    /// (ISO 15118-20), Ed448 for Ed448.
    /// </summary>
    public HsmSignatureAlgorithm DefaultAlgorithm => KeyType switch
    {
        HsmKeyType.EcP256 => HsmSignatureAlgorithm.EcdsaSha256,
        HsmKeyType.EcP521 => HsmSignatureAlgorithm.EcdsaSha512,
        _ => HsmSignatureAlgorithm.Ed448,
    };

    /// <summary>The private key handle (hot path).</summary>
    internal ulong PrivateKeyHandle => Volatile.Read(ref _privateKeyHandle);

    /// <summary>Creates a signer with <see cref="DefaultAlgorithm"/>.</summary>
    /// <returns>The signer.</returns>
    public HsmSigner CreateSigner() => new(this, DefaultAlgorithm);

    /// <summary>Creates a signer with a given algorithm.</summary>
    /// <param name="algorithm">An ECDSA algorithm for an EC key, <see cref="HsmSignatureAlgorithm.Ed448"/> for an Ed448 key.</param>
    /// <returns>The signer.</returns>
    /// <exception cref="ArgumentException">The algorithm does not fit the key.</exception>
    public HsmSigner CreateSigner(HsmSignatureAlgorithm algorithm) => new(this, algorithm);

    /// <summary>Reads the private key's security attributes from the token.</summary>
    /// <returns>The policy.</returns>
    public HsmKeyPolicy GetPolicy() => Token.ReadPolicy(PrivateKeyHandle, Label);

    /// <summary>Looks the private key handle up again by label (the token invalidated the cached one).</summary>
    internal void Refresh() => Volatile.Write(ref _privateKeyHandle, Token.FindPrivateKeyHandle(Label));

    /// <summary>Replaces the cached handle (tests simulate a handle the token no longer knows).</summary>
    /// <param name="handle">The handle to cache.</param>
    internal void OverrideHandle(ulong handle) => Volatile.Write(ref _privateKeyHandle, handle);
}
