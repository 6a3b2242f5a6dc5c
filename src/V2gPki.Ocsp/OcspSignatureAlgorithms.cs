// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp;

/// <summary>Pre-encoded signature <c>AlgorithmIdentifier</c>s for <see cref="IOcspSigner.SignatureAlgorithm"/>.</summary>
public static class OcspSignatureAlgorithms
{
    /// <summary>ecdsa-with-SHA256, parameters absent (RFC 5758 §3.2).</summary>
    public static ReadOnlySpan<byte> EcdsaWithSha256 => [0x30, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02];

    /// <summary>ecdsa-with-SHA384, parameters absent (RFC 5758 §3.2).</summary>
    public static ReadOnlySpan<byte> EcdsaWithSha384 => [0x30, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x03];

    /// <summary>ecdsa-with-SHA512, parameters absent (RFC 5758 §3.2).</summary>
    public static ReadOnlySpan<byte> EcdsaWithSha512 => [0x30, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x04];

    /// <summary>id-Ed25519, parameters absent (RFC 8410 §3).</summary>
    public static ReadOnlySpan<byte> Ed25519 => [0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70];

    /// <summary>id-Ed448, parameters absent (RFC 8410 §3).</summary>
    public static ReadOnlySpan<byte> Ed448 => [0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x71];
}
