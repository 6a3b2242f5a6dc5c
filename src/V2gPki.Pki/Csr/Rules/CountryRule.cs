// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Org.BouncyCastle.Asn1.X509;
using V2gPki.Pki.Identifiers;

namespace V2gPki.Pki.Csr.Rules;

/// <summary>
/// C, where present, must be one ISO 3166-1 alpha-2 code (or <c>EU</c>, which Hubject uses on its CPS leaf; any case,
/// written upper case): otherwise <see cref="CsrErrorCode.InvalidCountry"/>. Profiles that require C (SECC leaves, CAs)
/// refuse a CSR without it: <see cref="CsrErrorCode.MissingCountry"/>.
/// </summary>
public sealed class CountryRule : ICsrRule
{
    /// <inheritdoc/>
    public string Name => "country";

    /// <inheritdoc/>
    public bool Validate(CsrContext context, out CsrError failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        var subject = context.Subject ?? throw new InvalidOperationException("the encoding rule must run first");
        var values = subject.GetValueList(X509Name.C);
        if (values.Count == 0)
        {
            if (context.Profile.RequiresCountry)
            {
                failure = new CsrError(CsrErrorCode.MissingCountry, Name, $"the CSR has no C; the {context.Profile.Name} certificate needs C = the ISO 3166-1 alpha-2 country code of the organisation (e.g. DE)");
                return false;
            }

            context.Country = null;
            failure = default;
            return true;
        }

        var c = values[0];
        var valid = values.Count == 1 && (CountryCodes.IsAssigned(c) || c.Equals("EU", StringComparison.OrdinalIgnoreCase));
        if (!valid)
        {
            failure = new CsrError(CsrErrorCode.InvalidCountry, Name, $"the CSR's C is {IdText.Quote(c)}{(values.Count > 1 ? $" (and {values.Count - 1} more)" : string.Empty)}; expected one ISO 3166-1 alpha-2 country code (e.g. DE; GB, not UK)");
            return false;
        }

        context.Country = c.ToUpperInvariant();
        failure = default;
        return true;
    }
}
