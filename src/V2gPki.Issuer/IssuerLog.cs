// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using Microsoft.Extensions.Logging;

namespace V2gPki.Issuer;

/// <summary>Log messages of the issuer (precompiled delegates: no boxing, no parsing per call).</summary>
internal static class IssuerLog
{
    private static readonly Action<ILogger, double, Exception?> HsmBackoffMessage =
        LoggerMessage.Define<double>(LogLevel.Warning, new EventId(6001, "HsmBackoff"), "HSM error on the bulk lane; backing off {Seconds} s");

    private static readonly Action<ILogger, double, Exception?> SupersedeSweepFailedMessage =
        LoggerMessage.Define<double>(LogLevel.Warning, new EventId(6009, "SupersedeSweepFailed"), "supersede sweep failed; retried in {Seconds} s");

    private static readonly Action<ILogger, string, Exception?> NoSignerMessage =
        LoggerMessage.Define<string>(LogLevel.Error, new EventId(6002, "NoSigner"), "CA {Ca} has no usable delegated OCSP signer: its responses cannot be signed");

    private static readonly Action<ILogger, string, ushort, DateTimeOffset, Exception?> SignerExpiringMessage =
        LoggerMessage.Define<string, ushort, DateTimeOffset>(LogLevel.Warning, new EventId(6003, "SignerExpiring"),
            "ALERT: delegated OCSP signer of {Ca} (signer {SignerId}) expires {NotAfter:u} and has no successor; issue one (ceremony for an offline CA)");

    private static readonly Action<ILogger, string, ushort, ushort, Exception?> RolloverMessage =
        LoggerMessage.Define<string, ushort, ushort>(LogLevel.Information, new EventId(6004, "SignerRollover"),
            "CA {Ca}: delegated OCSP signer {OldId} superseded by {NewId}; re-signing its responses at a bounded rate");

    private static readonly Action<ILogger, string, Exception?> RolloverFailedMessage =
        LoggerMessage.Define<string>(LogLevel.Error, new EventId(6005, "SignerRolloverFailed"), "CA {Ca}: issuing a new delegated OCSP signer failed");

    private static readonly Action<ILogger, string, DateTimeOffset, Exception?> CrlExpiringMessage =
        LoggerMessage.Define<string, DateTimeOffset>(LogLevel.Warning, new EventId(6006, "CrlExpiring"),
            "ALERT: the imported CRL of offline CA {Ca} runs out at {NextUpdate:u}; import a newly signed one");

    private static readonly Action<ILogger, string, Exception?> CrlFailedMessage =
        LoggerMessage.Define<string>(LogLevel.Error, new EventId(6007, "CrlFailed"), "CA {Ca}: generating the CRL failed");

    private static readonly Action<ILogger, string, string, Exception?> HierarchyRegistrationFailedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(6008, "HierarchyRegistrationFailed"),
            "registering the hierarchy certificate {Name} failed: {Status}");

    public static void HsmBackoff(ILogger logger, TimeSpan backoff) => HsmBackoffMessage(logger, backoff.TotalSeconds, null);

    /// <summary>A supersede sweep failed (docs/architecture.md §3 Supersede); the next one retries.</summary>
    /// <param name="logger">The logger.</param>
    /// <param name="seconds">Seconds until the next sweep.</param>
    /// <param name="exception">The failure.</param>
    public static void SupersedeSweepFailed(ILogger logger, double seconds, Exception exception) => SupersedeSweepFailedMessage(logger, seconds, exception);

    public static void NoSigner(ILogger logger, string ca) => NoSignerMessage(logger, ca, null);

    public static void SignerExpiring(ILogger logger, string ca, ushort signerId, DateTimeOffset notAfter) => SignerExpiringMessage(logger, ca, signerId, notAfter, null);

    public static void Rollover(ILogger logger, string ca, ushort oldId, ushort newId) => RolloverMessage(logger, ca, oldId, newId, null);

    public static void RolloverFailed(ILogger logger, string ca, Exception error) => RolloverFailedMessage(logger, ca, error);

    public static void CrlExpiring(ILogger logger, string ca, DateTimeOffset nextUpdate) => CrlExpiringMessage(logger, ca, nextUpdate, null);

    public static void CrlFailed(ILogger logger, string ca, Exception error) => CrlFailedMessage(logger, ca, error);

    public static void HierarchyRegistrationFailed(ILogger logger, string name, string status, Exception? error) => HierarchyRegistrationFailedMessage(logger, name, status, error);
}
