// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1.X509;
using V2gPki.Pki.Identifiers;

namespace V2gPki.Pki.Csr.Rules;

/// <summary>
/// O must be present once and non-empty (OPCP "Required CSR Datafields": the legal organisation name):
/// <see cref="CsrErrorCode.MissingOrganization"/>; repeated or longer than 64 characters (RFC 5280 ub-organization-name):
/// <see cref="CsrErrorCode.InvalidOrganization"/>.
/// </summary>
public sealed class OrganizationRule : ICsrRule
{
    /// <summary>RFC 5280 ub-organization-name.</summary>
    public const int MaxLength = 64;

    /// <inheritdoc/>
    public string Name => "organization";

    /// <inheritdoc/>
    public bool Validate(CsrContext context, out CsrError failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        var subject = context.Subject ?? throw new InvalidOperationException("the encoding rule must run first");
        var values = subject.GetValueList(X509Name.O);
        if (values.Count == 0 || (values.Count == 1 && string.IsNullOrWhiteSpace(values[0])))
        {
            if (!context.Profile.RequiresOrganization && values.Count == 0)
            {
                failure = default;
                return true;
            }

            failure = new CsrError(CsrErrorCode.MissingOrganization, Name, $"the CSR has no O (or an empty one); the {context.Profile.Name} certificate needs O = the legal name of the requesting organisation");
            return false;
        }

        if (values.Count > 1 || values[0].Length > MaxLength)
        {
            failure = new CsrError(CsrErrorCode.InvalidOrganization, Name, $"the CSR has {values.Count} O values, the first {IdText.Quote(values[0])}; exactly one O of at most {MaxLength} characters is allowed");
            return false;
        }

        context.Organization = values[0];
        failure = default;
        return true;
    }
}
