// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using V2gPki.Store;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>
/// RFC 5280 §5.3.1 CRLReason names and codes as the admin API and CLI accept and print them: the ASN.1 identifiers
/// (<c>keyCompromise</c>, <c>cACompromise</c>, …), matched case-insensitively and ignoring <c>-</c> and <c>_</c>
/// (<c>key-compromise</c>), or the numeric code.
/// </summary>
internal static class RevocationReasonText
{
    /// <summary>The names a revocation accepts, for messages and <c>--help</c>.</summary>
    public const string RevocationNames =
        "unspecified, keyCompromise, cACompromise, affiliationChanged, superseded, cessationOfOperation, certificateHold, privilegeWithdrawn, aACompromise (or the RFC 5280 code 0-6, 9, 10)";

    /// <summary>Parses a reason given by name or as a decimal code.</summary>
    /// <param name="text">The name or code.</param>
    /// <param name="reason">The reason; <see cref="RevocationReason.None"/> on failure.</param>
    /// <returns>Whether the text names an RFC 5280 reason (including <c>removeFromCRL</c>, which callers refuse for revocation).</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out RevocationReason reason)
    {
        text = text.Trim();
        if (text.Length is > 0 and <= 2 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return TryFromCode(code, out reason);
        }

        Span<char> compact = stackalloc char[32];
        var length = 0;
        foreach (var c in text)
        {
            if (c is '-' or '_')
            {
                continue;
            }

            if (length == compact.Length)
            {
                reason = RevocationReason.None;
                return false;
            }

            compact[length++] = char.ToLowerInvariant(c);
        }

        reason = compact[..length] switch
        {
            "unspecified" => RevocationReason.Unspecified,
            "keycompromise" => RevocationReason.KeyCompromise,
            "cacompromise" => RevocationReason.CaCompromise,
            "affiliationchanged" => RevocationReason.AffiliationChanged,
            "superseded" => RevocationReason.Superseded,
            "cessationofoperation" => RevocationReason.CessationOfOperation,
            "certificatehold" or "hold" => RevocationReason.CertificateHold,
            "removefromcrl" => RevocationReason.RemoveFromCrl,
            "privilegewithdrawn" => RevocationReason.PrivilegeWithdrawn,
            "aacompromise" => RevocationReason.AaCompromise,
            _ => RevocationReason.None,
        };
        return reason != RevocationReason.None;
    }

    /// <summary>Maps an RFC 5280 reason code (7 is unused by RFC 5280).</summary>
    /// <param name="code">The code.</param>
    /// <param name="reason">The reason; <see cref="RevocationReason.None"/> on failure.</param>
    /// <returns>Whether the code is defined.</returns>
    public static bool TryFromCode(long code, out RevocationReason reason)
    {
        reason = code is >= 0 and <= 10 and not 7 ? (RevocationReason)code : RevocationReason.None;
        return reason != RevocationReason.None;
    }

    /// <summary>The RFC 5280 ASN.1 name of a reason.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The name, e.g. <c>keyCompromise</c>; null for <see cref="RevocationReason.None"/>.</returns>
    public static string? ToName(RevocationReason reason) => reason switch
    {
        RevocationReason.Unspecified => "unspecified",
        RevocationReason.KeyCompromise => "keyCompromise",
        RevocationReason.CaCompromise => "cACompromise",
        RevocationReason.AffiliationChanged => "affiliationChanged",
        RevocationReason.Superseded => "superseded",
        RevocationReason.CessationOfOperation => "cessationOfOperation",
        RevocationReason.CertificateHold => "certificateHold",
        RevocationReason.RemoveFromCrl => "removeFromCRL",
        RevocationReason.PrivilegeWithdrawn => "privilegeWithdrawn",
        RevocationReason.AaCompromise => "aACompromise",
        _ => null,
    };
}
