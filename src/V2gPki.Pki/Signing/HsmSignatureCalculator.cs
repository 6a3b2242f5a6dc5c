// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Crypto;

namespace V2gPki.Pki.Signing;

/// <summary>
/// Buffers what BouncyCastle streams into it (a TBS structure of at most a few kilobytes) and has the signer sign
/// exactly those bytes when the result is asked for. The buffer keeps the message whole because Ed448 (PureEdDSA)
/// signs the message, not a digest.
/// </summary>
internal sealed class HsmSignatureCalculator : IStreamCalculator<IBlockResult>, IDisposable
{
    private readonly ICertificateSigner _signer;
    private readonly MemoryStream _buffer = new();
    private byte[]? _signature;

    /// <summary>Creates a calculator.</summary>
    /// <param name="signer">The signer.</param>
    public HsmSignatureCalculator(ICertificateSigner signer) => _signer = signer;

    /// <summary>Gets the stream the bytes to sign are written to.</summary>
    public Stream Stream => _buffer;

    /// <summary>Signs the buffered bytes on the first call; later calls return the same signature.</summary>
    /// <returns>The signature value.</returns>
    public IBlockResult GetResult()
    {
        // BouncyCastle disposes the stream before it asks for the result; MemoryStream.ToArray works after Dispose.
        _signature ??= _signer.Sign(_buffer.ToArray());
        _buffer.Dispose();
        return new SimpleBlockResult(_signature);
    }

    /// <summary>Releases the buffer (also done by <see cref="GetResult"/>).</summary>
    public void Dispose() => _buffer.Dispose();
}
