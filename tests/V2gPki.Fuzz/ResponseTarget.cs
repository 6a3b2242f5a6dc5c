// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Fuzz;

/// <summary>The response reader and the signed-part reader; an accepted response's signed part must read on its own.</summary>
public sealed class ResponseTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public static void Fuzz(ReadOnlySpan<byte> input)
    {
        if (OcspResponseReader.TryRead(input, out var info) == OcspParseStatus.Ok && info.ResponseStatus == OcspResponseStatus.Successful)
        {
            var responses = 0;
            foreach (var single in info.GetResponses())
            {
                _ = single.CertId.IsValid;
                responses++;
            }

            var certificates = 0;
            foreach (var certificate in info.GetCertificates())
            {
                certificates += certificate.IsEmpty ? 0 : 1;
            }

            if (responses != info.ResponseCount || certificates != info.CertificateCount)
            {
                throw new InvalidOperationException("Enumerators and counts disagree.");
            }

            if (OcspResponseReader.TryReadSignedPart(info.SignedPart, out _) != OcspParseStatus.Ok)
            {
                throw new InvalidOperationException("The signed part of an accepted response does not read.");
            }
        }

        SignedResponsePart.TryRead(input, out _, out _, out _);
        OcspResponseReader.TryReadSignedPart(input, out _);
    }
}
