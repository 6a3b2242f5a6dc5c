// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Pkcs;

namespace V2gPki.Pki.Csr.Rules;

/// <summary>
/// Decodes the CSR: DER, or PEM with the label <c>CERTIFICATE REQUEST</c> (RFC 7468 §7) or the legacy
/// <c>NEW CERTIFICATE REQUEST</c>. Broken PEM → <see cref="CsrErrorCode.MalformedPem"/>; anything that is not a DER
/// PKCS#10 v1 CertificationRequest (BER, trailing data, wrong version) → <see cref="CsrErrorCode.NotPkcs10"/>.
/// </summary>
public sealed class EncodingRule : ICsrRule
{
    private const string Expected = "a PKCS#10 CertificationRequest in DER or in PEM (-----BEGIN CERTIFICATE REQUEST-----)";

    /// <inheritdoc/>
    public string Name => "encoding";

    /// <inheritdoc/>
    public bool Validate(CsrContext context, out CsrError failure)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.Input.Span;
        var start = 0;
        while (start < input.Length && IsWhiteSpace(input[start]))
        {
            start++;
        }

        if (start == input.Length)
        {
            return Fail(CsrErrorCode.NotPkcs10, $"the CSR is empty; expected {Expected}", out failure);
        }

        byte[] der;
        if (input[start] == (byte)'-')
        {
            if (!TryDecodePem(input[start..], out der, out var why))
            {
                return Fail(CsrErrorCode.MalformedPem, $"the PEM CSR is malformed: {why}; expected {Expected}", out failure);
            }
        }
        else if (start == 0 && input[0] == 0x30)
        {
            der = input.ToArray();
        }
        else
        {
            return Fail(CsrErrorCode.NotPkcs10, $"the input is neither DER (a SEQUENCE, first byte 0x30; seen 0x{input[start]:X2}) nor PEM; expected {Expected}", out failure);
        }

        Pkcs10CertificationRequest request;
        CertificationRequestInfo info;
        try
        {
            request = new Pkcs10CertificationRequest(der);
            info = request.GetCertificationRequestInfo();
        }
        catch (Exception e) when (IsParseFailure(e))
        {
            return Fail(CsrErrorCode.NotPkcs10, $"the input does not parse as a PKCS#10 CertificationRequest ({e.GetType().Name}: {e.Message}); expected {Expected}", out failure);
        }

        if (!request.GetDerEncoded().AsSpan().SequenceEqual(der))
        {
            return Fail(CsrErrorCode.NotPkcs10, $"the CSR is not DER-encoded (BER, non-minimal lengths or trailing data); expected {Expected}", out failure);
        }

        if (!info.Version.HasValue(0))
        {
            return Fail(CsrErrorCode.NotPkcs10, $"the CSR version is {info.Version.Value}, PKCS#10 (RFC 2986 §4.1) defines only v1 (0)", out failure);
        }

        context.Der = der;
        context.Request = request;
        context.Info = info;
        failure = default;
        return true;
    }

    // BouncyCastle reports malformed input with several exception types; all of them mean "not a PKCS#10 request".
    private static bool IsParseFailure(Exception e) =>
        e is IOException or ArgumentException or InvalidCastException or InvalidOperationException or FormatException or IndexOutOfRangeException;

    private static bool TryDecodePem(ReadOnlySpan<byte> pem, out byte[] der, out string why)
    {
        der = [];
        foreach (var b in pem)
        {
            if (b >= 0x80)
            {
                why = "it contains non-ASCII bytes";
                return false;
            }
        }

        var text = Encoding.ASCII.GetString(pem);
        string? label = null;
        foreach (var candidate in (ReadOnlySpan<string>)["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"])
        {
            if (text.StartsWith("-----BEGIN " + candidate + "-----", StringComparison.Ordinal))
            {
                label = candidate;
                break;
            }
        }

        if (label is null)
        {
            var eol = text.IndexOfAny(['\r', '\n']);
            why = $"the first line is {Identifiers.IdText.Quote(eol < 0 ? text : text[..eol])}, not -----BEGIN CERTIFICATE REQUEST-----";
            return false;
        }

        string begin = "-----BEGIN " + label + "-----", end = "-----END " + label + "-----";
        var endAt = text.IndexOf(end, begin.Length, StringComparison.Ordinal);
        if (endAt < 0)
        {
            why = $"the line {end} is missing";
            return false;
        }

        if (!string.IsNullOrWhiteSpace(text[(endAt + end.Length)..]))
        {
            why = $"text follows {end}";
            return false;
        }

        var body = new StringBuilder(endAt - begin.Length);
        foreach (var c in text.AsSpan(begin.Length, endAt - begin.Length))
        {
            if (!IsWhiteSpace((byte)c))
            {
                body.Append(c);
            }
        }

        if (body.Length == 0)
        {
            why = "the body between the BEGIN and END lines is empty";
            return false;
        }

        var buffer = new byte[(body.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(body.ToString(), buffer, out var written))
        {
            why = "the body is not valid base64";
            return false;
        }

        der = buffer[..written];
        why = string.Empty;
        return true;
    }

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private bool Fail(CsrErrorCode code, string message, out CsrError failure)
    {
        failure = new CsrError(code, Name, message);
        return false;
    }
}
