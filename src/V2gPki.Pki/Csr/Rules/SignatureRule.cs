// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


namespace V2gPki.Pki.Csr.Rules;

/// <summary>
/// Proof of possession: the CSR's signature must verify with the public key it carries (RFC 2986 §3)
/// (<see cref="CsrErrorCode.SignatureInvalid"/>).
/// </summary>
public sealed class SignatureRule : ICsrRule
{
    /// <inheritdoc/>
    public string Name => "signature";

    /// <inheritdoc/>
    public bool Validate(CsrContext context, out CsrError failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request ?? throw new InvalidOperationException("the encoding rule must run first");
        bool verified;
        string detail;
        try
        {
            // ECDSA (every profile's key type but Ed448) through the platform's fast verifier; anything else through BouncyCastle.
            var algorithm = Profiles.KeyAlgorithms.IdentifySignature(request.SignatureAlgorithm);
            verified = algorithm is Profiles.SignatureAlgorithm.EcdsaWithSha256 or Profiles.SignatureAlgorithm.EcdsaWithSha384 or Profiles.SignatureAlgorithm.EcdsaWithSha512
                ? Signing.SignedStructure.Verify(context.Info!.SubjectPublicKeyInfo.GetDerEncoded(), algorithm, context.Info.GetDerEncoded(), request.Signature.GetOctets())
                : request.Verify();
            detail = "it does not match the CSR's public key";
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or InvalidOperationException or FormatException)
        {
            verified = false;
            detail = $"it cannot be checked ({e.GetType().Name}: {e.Message}): unsupported signature algorithm {request.SignatureAlgorithm.Algorithm.Id} or an invalid public key";
        }
        catch (Org.BouncyCastle.Security.SecurityUtilityException e)
        {
            verified = false;
            detail = $"its algorithm {request.SignatureAlgorithm.Algorithm.Id} is not supported ({e.Message})";
        }

        if (!verified)
        {
            failure = new CsrError(CsrErrorCode.SignatureInvalid, Name, $"the CSR's signature does not verify: {detail}; sign the request with the private key of the public key it contains (proof of possession)");
            return false;
        }

        failure = default;
        return true;
    }
}
