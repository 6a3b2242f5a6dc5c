// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text.Json;
using V2gPki.Issuer;
using V2gPki.Issuer.Worker;
using V2gPki.Store;

namespace V2gPki.Edge.Listeners.Admin;

/// <summary>
/// Revoke and un-hold (docs/architecture.md §3): validate, check the current status for a clear 404/409, write and sync
/// the <c>requested</c> audit line, hand the change to the <see cref="IssuingWorker"/> (priority lane, WAL commit),
/// then answer with the status the registry holds after the acknowledgement.
/// </summary>
internal sealed partial class AdminApi
{
    private static readonly string[] RevokeFields = ["ca", "serial", "reason", "time"];
    private static readonly string[] UnholdFields = ["ca", "serial"];

    private async Task RevokeAsync(HttpContext context, AdminRequest request)
    {
        var body = await ReadJsonAsync(context).ConfigureAwait(false);
        if (body.Document is null)
        {
            await FailAsync(context, request, body.Failure, body.Detail!).ConfigureAwait(false);
            return;
        }

        using var document = body.Document;
        if (!TryReadTarget(document, RevokeFields, request, out var fields, out var issuer, out var serial, out var failure, out var detail)
            || !TryReadReason(fields, request, out var reason, out detail)
            || !TryReadTime(fields, out var time, out detail))
        {
            await FailAsync(context, request, failure == AdminOutcome.Ok ? AdminOutcome.BadRequest : failure, detail!).ConfigureAwait(false);
            return;
        }

        if (!TryGetRecord(issuer!, serial, out var record, out failure, out detail))
        {
            await FailAsync(context, request, failure, detail!).ConfigureAwait(false);
            return;
        }

        if (record!.Status == CertificateStatus.Revoked && reason == RevocationReason.CertificateHold)
        {
            await FailAsync(context, request, AdminOutcome.Conflict, "certificate is revoked (final): it cannot be put on hold").ConfigureAwait(false);
            return;
        }

        if (!await TryAuditRequestedAsync(request).ConfigureAwait(false))
        {
            await FailAsync(context, request, AdminOutcome.Unavailable, "audit log unwritable: nothing was changed").ConfigureAwait(false);
            return;
        }

        // Not cancelled when the client goes away: the change may be applied anyway, and its audit line must say so.
        var result = await _worker.RevokeAsync(issuer!.Id, serial, reason, time, CancellationToken.None).ConfigureAwait(false);
        await AnswerChangeAsync(context, request, issuer, serial, result).ConfigureAwait(false);
    }

    private async Task UnholdAsync(HttpContext context, AdminRequest request)
    {
        var body = await ReadJsonAsync(context).ConfigureAwait(false);
        if (body.Document is null)
        {
            await FailAsync(context, request, body.Failure, body.Detail!).ConfigureAwait(false);
            return;
        }

        using var document = body.Document;
        if (!TryReadTarget(document, UnholdFields, request, out _, out var issuer, out var serial, out var failure, out var detail)
            || !TryGetRecord(issuer!, serial, out var record, out failure, out detail))
        {
            await FailAsync(context, request, failure, detail!).ConfigureAwait(false);
            return;
        }

        if (record!.Status != CertificateStatus.Hold)
        {
            await FailAsync(context, request, AdminOutcome.Conflict, record.Status == CertificateStatus.Revoked
                ? "certificate is revoked (final): only certificateHold can be released"
                : "certificate is not on hold (status good)").ConfigureAwait(false);
            return;
        }

        if (!await TryAuditRequestedAsync(request).ConfigureAwait(false))
        {
            await FailAsync(context, request, AdminOutcome.Unavailable, "audit log unwritable: nothing was changed").ConfigureAwait(false);
            return;
        }

        var result = await _worker.ReleaseHoldAsync(issuer!.Id, serial, CancellationToken.None).ConfigureAwait(false);
        await AnswerChangeAsync(context, request, issuer, serial, result).ConfigureAwait(false);
    }

    /// <summary>Maps the worker's result (one switch) and reports the status the registry now holds.</summary>
    private async Task AnswerChangeAsync(HttpContext context, AdminRequest request, IssuerEntry issuer, byte[] serial, StatusChangeResult result)
    {
        AdminOutcome outcome;
        string detail;
        switch (result.Status)
        {
            case StatusChangeStatus.Applied:
                outcome = AdminOutcome.Ok;
                detail = "applied";
                break;
            case StatusChangeStatus.AlreadyApplied:
                outcome = AdminOutcome.Unchanged;
                detail = "already in that status; first reason and time kept";
                break;
            case StatusChangeStatus.NotFound or StatusChangeStatus.UnknownIssuer:
                await FailAsync(context, request, AdminOutcome.NotFound, "no such certificate").ConfigureAwait(false);
                return;
            case StatusChangeStatus.InvalidTransition:
                await FailAsync(context, request, AdminOutcome.Conflict, "the certificate's status does not allow this change (revoked is final; un-hold only from certificateHold)").ConfigureAwait(false);
                return;
            case StatusChangeStatus.InvalidArgument:
                await FailAsync(context, request, AdminOutcome.BadRequest, "refused by the issuing worker (reason or serial)").ConfigureAwait(false);
                return;
            case StatusChangeStatus.QueueFull:
                await FailAsync(context, request, AdminOutcome.Unavailable, "status-change queue full: retry").ConfigureAwait(false);
                return;
            case StatusChangeStatus.StoreNotReady:
                await FailAsync(context, request, AdminOutcome.Unavailable, "store not ready: retry").ConfigureAwait(false);
                return;
            case StatusChangeStatus.ShuttingDown:
                await FailAsync(context, request, AdminOutcome.Unavailable, "server shutting down").ConfigureAwait(false);
                return;
            default:
                await FailAsync(context, request, AdminOutcome.Error, "signing the new OCSP response failed (HSM, signer or clock): nothing was changed").ConfigureAwait(false);
                return;
        }

        // The registry after the acknowledgement: for an idempotent request this is the first reason and time.
        var lookup = _registry.TryGetCertificate(issuer.Id, serial, out var record);
        var response = lookup == LookupStatus.Found
            ? new StatusChangeResponse
            {
                Ca = issuer.Name,
                Serial = SerialNumberText.ToHex(serial),
                Status = CertificateText.Status(record!.Status),
                Changed = outcome == AdminOutcome.Ok,
                RevokedAt = record.Status == CertificateStatus.Good ? null : record.RevocationTime,
                Reason = record.Status == CertificateStatus.Good ? null : RevocationReasonText.ToName(record.Reason),
                ReasonCode = record.Status == CertificateStatus.Good ? null : (int)record.Reason,
            }
            : new StatusChangeResponse { Ca = issuer.Name, Serial = SerialNumberText.ToHex(serial), Status = "unknown", Changed = outcome == AdminOutcome.Ok };
        await RespondAsync(context, request, outcome, detail + "; status " + response.Status, response, AdminJsonContext.Readable.StatusChangeResponse).ConfigureAwait(false);
    }

    /// <summary>Reads <c>ca</c> and <c>serial</c> of a status-change body and resolves the CA.</summary>
    private bool TryReadTarget(JsonDocument document, ReadOnlySpan<string> allowed, AdminRequest request, out Dictionary<string, JsonElement> fields,
        out IssuerEntry? issuer, out byte[] serial, out AdminOutcome failure, out string? detail)
    {
        issuer = null;
        serial = [];
        failure = AdminOutcome.BadRequest;
        if (!TryReadObject(document, allowed, out fields, out detail))
        {
            return false;
        }

        if (fields.TryGetValue("ca", out var caElement) && caElement.ValueKind == JsonValueKind.String)
        {
            request.Ca = Truncate(caElement.GetString()!);
        }

        if (fields.TryGetValue("serial", out var serialElement) && serialElement.ValueKind == JsonValueKind.String)
        {
            request.Serial = Truncate(serialElement.GetString()!);
        }

        if (!TryGetString(fields, "ca", out var ca, out detail) || !TryGetString(fields, "serial", out var serialText, out detail))
        {
            return false;
        }

        if (!SerialNumberText.TryParse(serialText, out serial, out detail))
        {
            return false;
        }

        request.Serial = SerialNumberText.ToHex(serial);
        return TryResolveCa(ca, out issuer, out failure, out detail);
    }

    /// <summary>Resolves a CA name (docs/architecture.md §2) to its directory entry.</summary>
    private bool TryResolveCa(string name, out IssuerEntry? issuer, out AdminOutcome failure, out string? detail)
    {
        if (_directory.TryGetIssuer(name, out issuer))
        {
            failure = AdminOutcome.Ok;
            detail = null;
            return true;
        }

        var names = new string[_directory.Issuers.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = _directory.Issuers[i].Name;
        }

        failure = AdminOutcome.NotFound;
        detail = $"unknown CA '{Truncate(name)}' (configured: {string.Join(", ", names)})";
        return false;
    }

    /// <summary>Reads a certificate's registry record, mapping a miss to 404 and a recovering store to 503.</summary>
    private bool TryGetRecord(IssuerEntry issuer, byte[] serial, out CertificateRecord? record, out AdminOutcome failure, out string? detail)
    {
        var lookup = _registry.TryGetCertificate(issuer.Id, serial, out record);
        (failure, detail) = lookup switch
        {
            LookupStatus.Found => (AdminOutcome.Ok, null),
            LookupStatus.NotReady => (AdminOutcome.Unavailable, "store not ready: retry"),
            LookupStatus.InvalidKey => (AdminOutcome.BadRequest, "serial: not a valid store key"),
            _ => (AdminOutcome.NotFound, $"no certificate with serial {SerialNumberText.ToHex(serial)} issued by {issuer.Name}"),
        };
        return lookup == LookupStatus.Found;
    }

    /// <summary>Reads the revocation reason: an RFC 5280 name or code, as a string or a number.</summary>
    private static bool TryReadReason(Dictionary<string, JsonElement> fields, AdminRequest request, out RevocationReason reason, out string? detail)
    {
        reason = RevocationReason.None;
        detail = null;
        if (!fields.TryGetValue("reason", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            detail = "reason: missing (" + RevocationReasonText.RevocationNames + ")";
            return false;
        }

        var parsed = element.ValueKind switch
        {
            JsonValueKind.String => RevocationReasonText.TryParse(element.GetString(), out reason),
            JsonValueKind.Number => element.TryGetInt64(out var code) && RevocationReasonText.TryFromCode(code, out reason),
            _ => false,
        };
        if (!parsed)
        {
            request.Reason = element.ValueKind == JsonValueKind.String ? Truncate(element.GetString()!) : element.GetRawText();
            detail = "reason: not an RFC 5280 reason (" + RevocationReasonText.RevocationNames + ")";
            return false;
        }

        request.Reason = RevocationReasonText.ToName(reason);
        if (reason == RevocationReason.RemoveFromCrl)
        {
            detail = "reason: removeFromCRL is not a revocation reason; release a hold with POST /admin/v1/unhold";
            return false;
        }

        return true;
    }

    /// <summary>Reads the optional revocation time (RFC 3339), refusing times in the future.</summary>
    private bool TryReadTime(Dictionary<string, JsonElement> fields, out DateTimeOffset? time, out string? detail)
    {
        time = null;
        detail = null;
        if (!fields.TryGetValue("time", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String || !element.TryGetDateTimeOffset(out var value) || !HasOffset(element.GetString()!))
        {
            detail = "time: not an RFC 3339 date-time with Z or an offset (e.g. 2025-01-31T12:00:00Z)";
            return false;
        }

        if (value > _time.GetUtcNow() + _options.RevocationTimeSkew)
        {
            detail = "time: in the future";
            return false;
        }

        time = value.ToUniversalTime();
        return true;
    }

    /// <summary>Whether an RFC 3339 date-time names its offset (<c>Z</c> or <c>±hh:mm</c>); a local time is ambiguous.</summary>
    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
