// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1.X509;
using V2gPki.Pki.Identifiers;

namespace V2gPki.Pki.Csr.Rules;

/// <summary>
/// The CSR must carry exactly one CN, valid for the certificate kind: an EVSE ID (ISO 15118-2 SECC), a SECC ID (-20 SECC),
/// an EMAID (contract) or a PCID (OEM provisioning); a non-empty name of at most 64 characters for other kinds.
/// Otherwise <see cref="CsrErrorCode.NameMismatch"/> (OPCP: "you will receive a name mismatch error"), with the expected
/// format and the value seen. The identifier is parsed leniently here; <see cref="StrictIdentifierRule"/> applies strict mode.
/// </summary>
public sealed class CommonNameRule : ICsrRule
{
    /// <summary>RFC 5280 ub-common-name.</summary>
    public const int MaxFreeNameLength = 64;

    private static readonly IdType[] OtherTypes = [IdType.Evse, IdType.Secc, IdType.Emaid, IdType.Pcid];

    /// <inheritdoc/>
    public string Name => "common-name";

    /// <inheritdoc/>
    public bool Validate(CsrContext context, out CsrError failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        var subject = context.Subject ?? throw new InvalidOperationException("the encoding rule must run first");
        var profile = context.Profile;
        var type = profile.SubjectIdType;
        var expected = type == IdType.None
            ? $"a non-empty name of at most {MaxFreeNameLength} characters"
            : Iso15118Id.ExpectedFormat(type, profile.Version);
        var values = subject.GetValueList(X509Name.CN);
        if (values.Count == 0)
        {
            return Fail($"the CSR has no CN; the {profile.Name} certificate needs CN = {expected}", out failure);
        }

        if (values.Count > 1)
        {
            return Fail($"the CSR has {values.Count} CNs; the {profile.Name} certificate needs exactly one CN = {expected}", out failure);
        }

        var cn = values[0];
        if (type == IdType.None)
        {
            if (string.IsNullOrWhiteSpace(cn) || cn.Length > MaxFreeNameLength)
            {
                return Fail($"the CN {IdText.Quote(cn)} is empty or longer than {MaxFreeNameLength} characters; the {profile.Name} certificate needs CN = {expected}", out failure);
            }

            context.CommonName = cn;
            failure = default;
            return true;
        }

        var options = new IdParseOptions(IdStrictness.Lenient, profile.Version);
        if (!Iso15118Id.TryParse(type, cn, options, out var id, out var idError))
        {
            return Fail($"the {profile.Name} certificate needs CN = {IdTypeNames.Describe(type)}, but {idError.Message}{Hint(cn, type, profile.Version)}", out failure);
        }

        context.SubjectId = id;
        context.CommonName = id.Normalized;
        failure = default;
        return true;
    }

    // Names what the CN is when it is a valid identifier of another type (an EMAID in an EVSE CSR, …).
    private static string Hint(string cn, IdType expected, Iso15118Version version)
    {
        foreach (var other in OtherTypes)
        {
            if (other != expected && Iso15118Id.TryParse(other, cn, new IdParseOptions(IdStrictness.Lenient, version), out _, out _))
            {
                return $" (the CN is a valid {IdTypeNames.Describe(other)}, which belongs in another kind of certificate)";
            }
        }

        return string.Empty;
    }

    private bool Fail(string message, out CsrError failure)
    {
        failure = new CsrError(CsrErrorCode.NameMismatch, Name, "name mismatch: " + message);
        return false;
    }
}
