// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Text;
using V2gPki.Edge.Listeners.Admin;

namespace V2gPki.Edge.Commands.Status;

/// <summary>The readable output of <c>v2gpki status</c>: aligned <c>key  value</c> lines, UTC times to the second.</summary>
internal static class StatusText
{
    /// <summary>A certificate's details.</summary>
    /// <param name="d">The details.</param>
    /// <returns>The text (no trailing newline).</returns>
    public static string Details(CertificateDetails d)
    {
        var text = new StringBuilder();
        Line(text, "certificate", $"{d.Ca} / {d.Serial}");
        Line(text, "kind", d.Kind);
        Line(text, "subject ID", d.SubjectId);
        if (d.Subject is not null)
        {
            Line(text, "subject", d.Subject);
        }

        Line(text, "validity", $"{Time(d.NotBefore)} .. {Time(d.NotAfter)}{(d.Expired ? " (expired)" : string.Empty)}");
        Line(text, "status", d.Status switch
        {
            "good" => "good",
            "hold" => $"on hold (certificateHold) since {Time(d.RevokedAt)}",
            _ => $"{d.Status} ({d.Reason}) since {Time(d.RevokedAt)}",
        });
        Line(text, "issuer", $"{d.Issuer.Name} ({d.Issuer.Subject})");
        Line(text, "registered", Time(d.IssuedAt) + (d.Requester is { } requester ? " by " + requester : string.Empty));
        var ocsp = d.Ocsp;
        if (ocsp.Lookup != "found")
        {
            Line(text, "OCSP", "no pre-signed response: " + ocsp.Lookup);
        }
        else
        {
            var notes = new List<string>();
            if (ocsp.Current == false)
            {
                notes.Add("signed for an older status: a re-sign is due");
            }

            if (ocsp.Fresh == false)
            {
                notes.Add("past nextUpdate: answered tryLater until re-signed");
            }

            Line(text, "OCSP", $"{ocsp.Status}, thisUpdate {Time(ocsp.ThisUpdate)}, nextUpdate {Time(ocsp.NextUpdate)}{(notes.Count > 0 ? " (" + string.Join("; ", notes) + ")" : string.Empty)}");
            if (ocsp.Signer is { } signer)
            {
                Line(text, "OCSP signer", $"{signer.Name} (id {signer.Id}, until {Time(signer.NotAfter)})");
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>A subject listing: a header line and one line per certificate.</summary>
    /// <param name="list">The listing.</param>
    /// <returns>The text.</returns>
    public static string List(CertificateList list)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"subject {list.Subject}{(list.IdentifierType is { } type ? " (" + type + ")" : string.Empty)}: {list.Count} certificate(s){(list.Truncated ? ", more not listed (use --limit)" : string.Empty)}");
        foreach (var c in list.Certificates)
        {
            text.Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"  {c.Ca,-10} {c.Serial,-42} {c.Kind,-9} {Status(c.Status, c.Reason),-28} {Time(c.NotBefore)} .. {Time(c.NotAfter)}");
        }

        return text.ToString();
    }

    /// <summary>The configured CAs.</summary>
    /// <param name="list">The CAs.</param>
    /// <returns>The text.</returns>
    public static string Cas(CaList list)
    {
        var text = new StringBuilder();
        foreach (var ca in list.Cas)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(CultureInfo.InvariantCulture, $"{ca.Name,-10} id {ca.IssuerId,-4} {(ca.Online ? "online " : "offline")} until {Time(ca.NotAfter)}  {ca.Subject}");
            if (ca.CurrentSigner is { } signer)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{string.Empty,-10} signer {signer.Name} (id {signer.Id}, until {Time(signer.NotAfter)})");
            }
        }

        return text.ToString();
    }

    private static string Status(string status, string? reason) => status == "good" ? "good" : $"{status} ({reason})";

    private static void Line(StringBuilder text, string key, string value) =>
        text.Append(CultureInfo.InvariantCulture, $"{key,-12} {value}\n");

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "-";
}
