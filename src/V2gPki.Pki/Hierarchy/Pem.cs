// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using System.Text;

namespace V2gPki.Pki.Hierarchy;

/// <summary>PEM (RFC 7468) for certificates and CSRs: 64-character lines, LF line ends.</summary>
public static class Pem
{
    /// <summary>The label of a certificate.</summary>
    public const string CertificateLabel = "CERTIFICATE";

    /// <summary>The label of a CSR.</summary>
    public const string CertificateRequestLabel = "CERTIFICATE REQUEST";

    /// <summary>Encodes DER as PEM.</summary>
    /// <param name="label">The label.</param>
    /// <param name="der">The DER.</param>
    /// <returns>The PEM text, ending with a line feed.</returns>
    public static string Encode(string label, ReadOnlySpan<byte> der) =>
        new string(PemEncoding.Write(label, der)).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    /// <summary>Decodes every PEM block with <paramref name="label"/>; input that starts with a DER SEQUENCE is returned as one item.</summary>
    /// <param name="input">PEM text (other labels and text between blocks are skipped) or DER.</param>
    /// <param name="label">The label wanted.</param>
    /// <returns>The DER items in order; empty when there is none.</returns>
    /// <exception cref="FormatException">A block with the label has broken base64.</exception>
    public static List<byte[]> DecodeAll(ReadOnlySpan<byte> input, string label)
    {
        var items = new List<byte[]>();
        if (input.Length > 0 && input[0] == 0x30)
        {
            items.Add(input.ToArray());
            return items;
        }

        ReadOnlySpan<char> text = Encoding.ASCII.GetString(input);
        while (PemEncoding.TryFind(text, out var fields))
        {
            if (text[fields.Label].SequenceEqual(label))
            {
                items.Add(Convert.FromBase64String(new string(text[fields.Base64Data])));
            }

            text = text[fields.Location.End..];
        }

        return items;
    }
}
