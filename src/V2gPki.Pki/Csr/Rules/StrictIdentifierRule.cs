// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;

namespace V2gPki.Pki.Csr.Rules;

/// <summary>
/// Strict mode only (<see cref="CsrPolicy.Strictness"/>): an EMAID CN whose 15th character is not its eMI3 check digit
/// (<see cref="CsrErrorCode.WrongCheckDigit"/>) or whose country code is not ISO 3166-1
/// (<see cref="CsrErrorCode.NonIsoCountryCode"/>) is refused. In lenient mode these stay warnings on the result.
/// </summary>
public sealed class StrictIdentifierRule : ICsrRule
{
    /// <inheritdoc/>
    public string Name => "strict-identifier";

    /// <inheritdoc/>
    public bool Validate(CsrContext context, out CsrError failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        failure = default;
        if (context.Policy.Strictness != IdStrictness.Strict || context.SubjectId is not Iso15118Id id)
        {
            return true;
        }

        var cn = id.Normalized;
        if ((id.Warnings & IdWarnings.WrongCheckDigit) != 0)
        {
            failure = new CsrError(CsrErrorCode.WrongCheckDigit, Name,
                $"strict mode: the CN {IdText.Quote(cn)} ends in '{cn[^1]}', but the eMI3 check digit of {cn[..14]} is '{id.ComputedCheckDigit}'; request CN {cn[..14]}{id.ComputedCheckDigit} (or {cn[..14]} without a check digit)");
            return false;
        }

        if ((id.Warnings & IdWarnings.UnknownCountryCode) != 0)
        {
            failure = new CsrError(CsrErrorCode.NonIsoCountryCode, Name,
                $"strict mode: the CN {IdText.Quote(cn)} starts with '{cn[..2]}', which is not an ISO 3166-1 alpha-2 country code");
            return false;
        }

        return true;
    }
}
