// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Issuer.Signers;
using V2gPki.Metrics;

namespace V2gPki.Issuer.Worker;

/// <summary>Delegated signer rollover and expiry alerts (docs/architecture.md §3).</summary>
public sealed partial class IssuingWorker : IMetricsSource
{
    /// <summary>
    /// Installs a new delegated signer for a CA (from the provisioner, or a ceremony-issued certificate for an offline
    /// CA) and makes it current: new responses are signed by it at once, existing ones are re-signed at
    /// <see cref="IssuerOptions.RolloverResignRate"/>; the old signer's responses stay served (with its certificate) meanwhile.
    /// </summary>
    /// <param name="caName">The CA.</param>
    /// <param name="signer">The new signer.</param>
    /// <returns>The directory entry of the new signer.</returns>
    public DelegatedSigner InstallSigner(string caName, ProvisionedSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (!Directory.TryGetIssuer(caName, out var issuer))
        {
            throw new ArgumentException("Unknown CA " + caName + ".", nameof(caName));
        }

        var old = issuer.CurrentSigner;
        var added = Directory.AddSigner(caName, signer.KeyLabel, signer.CertificateDer, signer.Signer, makeCurrent: true);
        Metrics.RolledOver();
        IssuerLog.Rollover(_logger, caName, old?.Id ?? 0, added.Id);
        TriggerScan();
        return added;
    }

    /// <inheritdoc />
    public void Collect(IMetricsVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        Metrics.Collect(visitor);
        var now = _time.GetUtcNow();
        foreach (var issuer in Directory.Issuers)
        {
            var current = issuer.CurrentSigner;
            var label = "ca=\"" + issuer.Name + "\"";
            visitor.Gauge("v2gpki_issuer_signer_seconds_left", "Seconds until the current delegated signer certificate expires (0: none usable)", label,
                current is null ? 0 : Math.Max(0, (current.NotAfter - now).TotalSeconds));
        }

        visitor.Gauge("v2gpki_issuer_pending_resigns", "Responses queued for re-signing", "", PendingResigns);
        visitor.Counter("v2gpki_issuer_clock_guard_refusals_total", "Signing refused by the clock guard", "", Factory.Clock.Refusals);
    }

    private async Task CheckSignersAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        Directory.SelectCurrentSigners(now);
        foreach (var issuer in Directory.Issuers)
        {
            var current = issuer.CurrentSigner;
            if (current is null)
            {
                if (issuer.Signers.Count > 0)
                {
                    IssuerLog.NoSigner(_logger, issuer.Name);
                    Metrics.SignerExpiryAlert();
                }

                continue;
            }

            if (current.NotAfter - now < _options.SignerRolloverLead && _provisioner is not null)
            {
                try
                {
                    var provisioned = await _provisioner.ProvisionAsync(issuer, now, now + _options.SignerValidity, cancellationToken).ConfigureAwait(false);
                    if (provisioned is not null)
                    {
                        current = InstallSigner(issuer.Name, provisioned);
                    }
                }
#pragma warning disable CA1031 // A failed rollover is retried at the next scan and alerted below; the old signer keeps signing.
                catch (Exception error) when (error is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    IssuerLog.RolloverFailed(_logger, issuer.Name, error);
                }
            }

            // An online CA rolls over by itself, so only a failed rollover alerts; an offline CA's signer comes from a
            // ceremony, which needs the longer lead.
            var canRollOver = _provisioner is not null && issuer.IsOnline;
            var left = current.NotAfter - now;
            if (left < _options.SignerRolloverLead || (!canRollOver && left < _options.SignerExpiryAlertLead))
            {
                IssuerLog.SignerExpiring(_logger, issuer.Name, current.Id, current.NotAfter);
                Metrics.SignerExpiryAlert();
            }
        }
    }
}
