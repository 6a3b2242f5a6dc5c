// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Ocsp.Tests.Support;

namespace V2gPki.Fuzz;

/// <summary>
/// The request parser, with and without the nonce policy. Accepted input is re-checked with the System.Formats.Asn1
/// slow parser (same fields, same quirks); refused input must be refused there too.
/// </summary>
public sealed class RequestTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public static void Fuzz(ReadOnlySpan<byte> input)
    {
        var copy = input.ToArray();
        foreach (var policy in (ReadOnlySpan<bool>)[false, true])
        {
            var status = OcspRequestParser.TryParse(input, new OcspRequestOptions { EnforceNonceLength = policy }, out var request);
            if (status == OcspParseStatus.Ok)
            {
                var count = 0;
                foreach (var id in request)
                {
                    if (!id.IsValid && id.SerialNumber.Length > CertId.MaxSerialNumberLength)
                    {
                        throw new InvalidOperationException("An accepted CertID is invalid.");
                    }

                    count++;
                }

                if (count != request.Count)
                {
                    throw new InvalidOperationException("The enumerator and the count disagree.");
                }

                SlowRequestParser.AssertAgrees(copy, request, policy);
            }
            else if (SlowRequestParser.Parse(copy, policy) is not null)
            {
                throw new InvalidOperationException($"Refused ({status}) but the slow parser accepts.");
            }
        }
    }
}
