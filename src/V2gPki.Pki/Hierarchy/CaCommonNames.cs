// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;

namespace V2gPki.Pki.Hierarchy;

/// <summary>
/// The CNs of our own certificates, derived from the docs/architecture.md §2 names: <c>v2g-root</c> → "V2G Root CA",
/// <c>cpo-sub2</c> → "CPO Sub-CA 2", <c>mo-sub1-ocsp</c> → "MO Sub-CA 1 OCSP Signer", <c>cps</c> → "CPS Signing Leaf".
/// </summary>
public static class CaCommonNames
{
    /// <summary>The CN for a name.</summary>
    /// <param name="name">A CA, signer or leaf name.</param>
    /// <returns>The CN.</returns>
    public static string For(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (string.Equals(name, "cps", StringComparison.Ordinal))
        {
            return "CPS Signing Leaf";
        }

        var text = new StringBuilder();
        var parts = name.Split('-');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var word = part switch
            {
                "root" => "Root CA",
                "sub1" => "Sub-CA 1",
                "sub2" => "Sub-CA 2",
                "ocsp" => "OCSP Signer",
                _ => part.ToUpperInvariant(),
            };
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(word);
        }

        return text.ToString();
    }
}
