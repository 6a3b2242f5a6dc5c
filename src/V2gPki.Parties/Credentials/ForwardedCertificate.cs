// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace V2gPki.Parties.Credentials;

/// <summary>
/// The client certificate a TLS-terminating proxy forwards in a request header (docs/architecture.md §3 EST
/// enrollment, "behind a proxy"), in the forms proxies write it: URL-encoded PEM (nginx <c>$ssl_client_escaped_cert</c>,
/// AWS ALB <c>X-Amzn-Mtls-Clientcert</c>), PEM whose line breaks became spaces (Apache <c>SSL_CLIENT_CERT</c> through
/// <c>RequestHeader</c>), or bare base64 DER. Whether to believe the header at all is the listener's decision (only
/// from a configured proxy address); this only reads it. At most 16 KiB of header text.
/// </summary>
public static class ForwardedCertificate
{
    /// <summary>The longest header value read.</summary>
    public const int MaxHeaderLength = 16 * 1024;

    private const string Begin = "-----BEGIN CERTIFICATE-----";
    private const string End = "-----END CERTIFICATE-----";

    /// <summary>Reads a forwarded certificate.</summary>
    /// <param name="header">The header value.</param>
    /// <param name="certificate">The certificate; dispose it. Null when the method returns <see langword="false"/>.</param>
    /// <param name="error">Why not; empty on success.</param>
    /// <returns>Whether the header holds one certificate.</returns>
    public static bool TryRead(string header, [NotNullWhen(true)] out X509Certificate2? certificate, out string error)
    {
        ArgumentNullException.ThrowIfNull(header);
        certificate = null;
        if (header.Length > MaxHeaderLength)
        {
            error = $"the forwarded client certificate is longer than {MaxHeaderLength} characters";
            return false;
        }

        var text = header.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(header) : header;
        var span = text.AsSpan().Trim();
        var begin = span.IndexOf(Begin, StringComparison.Ordinal);
        if (begin >= 0)
        {
            span = span[(begin + Begin.Length)..];
            var end = span.IndexOf(End, StringComparison.Ordinal);
            if (end < 0)
            {
                error = "the forwarded client certificate has a PEM BEGIN line without its END line";
                return false;
            }

            span = span[..end];
        }

        // Base64 with any whitespace in it (line breaks, or the spaces a proxy put in their place).
        var der = new byte[span.Length * 3 / 4 + 3];
        var clean = new char[span.Length];
        var length = 0;
        foreach (var c in span)
        {
            if (!char.IsWhiteSpace(c))
            {
                clean[length++] = c;
            }
        }

        if (length == 0 || !Convert.TryFromBase64Chars(clean.AsSpan(0, length), der, out var written))
        {
            error = "the forwarded client certificate is not PEM or base64";
            return false;
        }

        try
        {
            certificate = X509CertificateLoader.LoadCertificate(der.AsSpan(0, written));
        }
        catch (CryptographicException ex)
        {
            error = "the forwarded client certificate does not parse: " + ex.Message;
            return false;
        }

        error = string.Empty;
        return true;
    }
}
