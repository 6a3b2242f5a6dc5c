// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Ocsp.Tests.Support;

/// <summary>A deterministic stand-in signer for pure codec tests: "signs" with a fixed byte pattern of a chosen length.</summary>
internal sealed class FakeSigner(int signatureLength = 71, int maxSignatureLength = 72) : IOcspSigner
{
    public ReadOnlySpan<byte> SignatureAlgorithm => OcspSignatureAlgorithms.EcdsaWithSha256;

    public int MaxSignatureLength => maxSignatureLength;

    public int Calls { get; private set; }

    public byte[]? LastData { get; private set; }

    public bool TrySign(ReadOnlySpan<byte> data, Span<byte> destination, out int bytesWritten)
    {
        Calls++;
        LastData = data.ToArray();
        if (destination.Length < signatureLength)
        {
            bytesWritten = 0;
            return false;
        }

        for (var i = 0; i < signatureLength; i++)
        {
            destination[i] = (byte)(0xA5 ^ i);
        }

        bytesWritten = signatureLength;
        return true;
    }
}
