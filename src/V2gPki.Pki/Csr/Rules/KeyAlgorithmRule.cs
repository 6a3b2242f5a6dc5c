// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Profiles;

namespace V2gPki.Pki.Csr.Rules;

/// <summary>
/// The subject key must be one the profile allows: EC P-256 for ISO 15118-2; EC P-521 or Ed448 for -20. An EC key on
/// another curve → <see cref="CsrErrorCode.CurveNotAllowed"/>; any other algorithm (RSA, Ed25519, …) →
/// <see cref="CsrErrorCode.KeyAlgorithmNotAllowed"/>.
/// </summary>
public sealed class KeyAlgorithmRule : ICsrRule
{
    /// <inheritdoc/>
    public string Name => "key-algorithm";

    /// <inheritdoc/>
    public bool Validate(CsrContext context, out CsrError failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        var info = context.Info ?? throw new InvalidOperationException("the encoding rule must run first");
        var key = KeyAlgorithms.Identify(info.SubjectPublicKeyInfo);
        var profile = context.Profile;
        if (!profile.AllowsKey(key))
        {
            var allowed = KeyAlgorithms.Describe(profile.AllowedKeyAlgorithms);
            var wrongCurve = IsEc(key) && AllowsSomeEc(profile);
            var seen = key == KeyAlgorithm.Unknown ? $"algorithm {info.SubjectPublicKeyInfo.Algorithm.Algorithm.Id}" : KeyAlgorithms.Describe(key);
            failure = new CsrError(
                wrongCurve ? CsrErrorCode.CurveNotAllowed : CsrErrorCode.KeyAlgorithmNotAllowed,
                Name,
                $"the CSR's key is {seen}; the {profile.Name} certificate ({Describe(profile.Version)}) needs {allowed}: generate a new key pair of that type");
            return false;
        }

        context.KeyAlgorithm = key;
        failure = default;
        return true;
    }

    private static bool IsEc(KeyAlgorithm key) =>
        key is KeyAlgorithm.EcP256 or KeyAlgorithm.EcP384 or KeyAlgorithm.EcP521 or KeyAlgorithm.EcOtherCurve;

    private static bool AllowsSomeEc(CertificateProfile profile)
    {
        foreach (var allowed in profile.AllowedKeyAlgorithms)
        {
            if (IsEc(allowed))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(Iso15118Version version) => version == Iso15118Version.Part20 ? "ISO 15118-20" : "ISO 15118-2";
}
