// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Net;
using V2gPki.Store;

namespace V2gPki.Edge.Configuration;

/// <summary>Checks a bound <see cref="V2gPkiOptions"/> at start-up and names every problem with its config key.</summary>
internal static class OptionsValidator
{
    /// <summary>The smallest re-sign floor: a station's 167-hour refresh plus one day (docs/architecture.md §3 Freshness).</summary>
    public const double MinResignFloorHours = 167 + 24;

    /// <summary>Validates <paramref name="options"/>.</summary>
    /// <param name="options">The bound options.</param>
    /// <returns>One message per problem; empty when valid.</returns>
    public static IReadOnlyList<string> Validate(V2gPkiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            errors.Add("DataDir: must not be empty");
        }

        ValidateListener(errors, "Listeners:Ocsp", options.Listeners.Ocsp.Address, options.Listeners.Ocsp.Port, options.Listeners.Ocsp.Limits);
        if (options.Listeners.Crl is { } crl)
        {
            ValidateListener(errors, "Listeners:Crl", crl.Address, crl.Port, crl.Limits);
        }

        var admin = options.Listeners.Admin;
        ValidateListener(errors, "Listeners:Admin", admin.Address, admin.Port, admin.Limits);
        if (string.IsNullOrWhiteSpace(admin.TokenFile))
        {
            errors.Add("Listeners:Admin:TokenFile: must not be empty");
        }

        if (options.Listeners.Est is { } est)
        {
            ValidateListener(errors, "Listeners:Est", est.Address, est.Port, est.Limits);
            if (string.IsNullOrWhiteSpace(est.HttpsCertificateFile))
            {
                errors.Add("Listeners:Est:HttpsCertificateFile: must be set (EST is HTTPS only)");
            }

            if (est.FailedAuthenticationLimit < 1)
            {
                errors.Add("Listeners:Est:FailedAuthenticationLimit: must be at least 1");
            }

            if (est.FailedAuthenticationWindowSeconds < 1)
            {
                errors.Add("Listeners:Est:FailedAuthenticationWindowSeconds: must be at least 1");
            }

            for (var i = 0; i < est.TrustedProxies.Count; i++)
            {
                if (!System.Net.IPAddress.TryParse(est.TrustedProxies[i], out _))
                {
                    errors.Add($"Listeners:Est:TrustedProxies:{i}: '{est.TrustedProxies[i]}' is not an IP address");
                }
            }

            if (!string.IsNullOrEmpty(est.ForwardedClientCertificateHeader) && est.TrustedProxies.Count == 0)
            {
                errors.Add("Listeners:Est:ForwardedClientCertificateHeader: needs Listeners:Est:TrustedProxies (a header anyone can send is not a certificate)");
            }
        }

        if (!Runtime.PartiesSetup.TryBuild(options.Parties, options.DataDir, TimeProvider.System, out _, out var partyErrors, readClientCertificateAuthorities: false))
        {
            errors.AddRange(partyErrors);
        }

        var tokens = options.Hsm.Tokens ?? [];
        var roles = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Role is not ("root" or "online"))
            {
                errors.Add($"Hsm:Tokens:{i}:Role: '{token.Role}' is not 'root' or 'online'");
            }
            else if (!roles.Add(token.Role))
            {
                errors.Add($"Hsm:Tokens:{i}:Role: '{token.Role}' is configured twice");
            }

            if (token.PinFile is { } file && string.IsNullOrWhiteSpace(file))
            {
                errors.Add($"Hsm:Tokens:{i}:PinFile: must not be blank (leave it out to use the environment)");
            }

            if (token.PrioritySessions is < 1 or > 64)
            {
                errors.Add($"Hsm:Tokens:{i}:PrioritySessions: {token.PrioritySessions} is not in 1..64");
            }

            if (token.BulkSessions is < 1 or > 256)
            {
                errors.Add($"Hsm:Tokens:{i}:BulkSessions: {token.BulkSessions} is not in 1..256");
            }

            if (token.BulkMaxInFlight is < 32 or > 1_000_000)
            {
                errors.Add($"Hsm:Tokens:{i}:BulkMaxInFlight: {token.BulkMaxInFlight} is not in 32..1000000");
            }
        }

        ValidateStoreAndIssuer(errors, options);
        ValidateOcsp(errors, options.Ocsp);
        return errors;
    }

    /// <summary>Parses <see cref="OcspOptions.NoncePolicy"/>.</summary>
    /// <param name="value">The configured text.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>False for an unknown value.</returns>
    public static bool TryParseNoncePolicy(string? value, out NoncePolicy policy)
    {
        switch (value)
        {
            case "ignore":
                policy = NoncePolicy.Ignore;
                return true;
            case "sign-live":
                policy = NoncePolicy.SignLive;
                return true;
            default:
                policy = default;
                return false;
        }
    }

    /// <summary>Parses <see cref="OcspOptions.NeverIssuedPolicy"/>.</summary>
    /// <param name="value">The configured text.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>False for an unknown value.</returns>
    public static bool TryParseNeverIssuedPolicy(string? value, out NeverIssuedPolicy policy)
    {
        switch (value)
        {
            case "extended-revoked":
                policy = NeverIssuedPolicy.ExtendedRevoked;
                return true;
            case "unauthorized":
                policy = NeverIssuedPolicy.Unauthorized;
                return true;
            default:
                policy = default;
                return false;
        }
    }

    /// <summary>The effective CertID hash algorithms (<see cref="OcspOptions.HashAlgorithms"/> or the default sha1 + sha256).</summary>
    /// <param name="options">The OCSP options.</param>
    /// <returns>The algorithm names.</returns>
    public static IReadOnlyList<string> EffectiveHashAlgorithms(OcspOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.HashAlgorithms is { Length: > 0 } configured ? configured : ["sha1", "sha256"];
    }

    private static void ValidateStoreAndIssuer(List<string> errors, V2gPkiOptions options)
    {
        if (options.Store.Capacity is < 1 or > 100_000_000)
        {
            errors.Add($"Store:Capacity: {options.Store.Capacity} is not in 1..100000000");
        }

        if (options.Store.CheckpointIntervalSeconds < 0)
        {
            errors.Add("Store:CheckpointIntervalSeconds: must not be negative (0 = only by WAL size and at shutdown)");
        }

        var issuer = options.Issuer;
        if (issuer.BatchSize is < 1 or > 4096)
        {
            errors.Add($"Issuer:BatchSize: {issuer.BatchSize} is not in 1..4096");
        }

        if (issuer.MaxInFlightBatches is < 1 or > 64)
        {
            errors.Add($"Issuer:MaxInFlightBatches: {issuer.MaxInFlightBatches} is not in 1..64");
        }

        if (issuer.ScanIntervalSeconds < 1)
        {
            errors.Add("Issuer:ScanIntervalSeconds: must be at least 1");
        }

        if (issuer.MaxLiveCertificatesPerSubject is < 0 or > StoreLimits.MaxCertificatesPerSubject)
        {
            errors.Add($"Issuer:MaxLiveCertificatesPerSubject: {issuer.MaxLiveCertificatesPerSubject} is not in 0..{StoreLimits.MaxCertificatesPerSubject} (0 = no limit)");
        }

        if (issuer.SupersedeAfterDays is { } supersede && (supersede < 0 || supersede > 3650 || double.IsNaN(supersede)))
        {
            errors.Add($"Issuer:SupersedeAfterDays: {supersede} is not in 0..3650 (0 = at once; leave it out for never)");
        }

        if (issuer.SupersedeScanIntervalSeconds < 1 || double.IsNaN(issuer.SupersedeScanIntervalSeconds))
        {
            errors.Add("Issuer:SupersedeScanIntervalSeconds: must be at least 1");
        }

        if (issuer.SignerValidityDays <= 0 || issuer.SignerRolloverLeadDays <= 0 || issuer.SignerRolloverLeadDays >= issuer.SignerValidityDays)
        {
            errors.Add("Issuer:SignerRolloverLeadDays: must be positive and below Issuer:SignerValidityDays");
        }
        else if (issuer.SignerRolloverLeadDays <= options.Ocsp.ValidityDays)
        {
            errors.Add($"Issuer:SignerRolloverLeadDays: {issuer.SignerRolloverLeadDays} must exceed Ocsp:ValidityDays ({options.Ocsp.ValidityDays}): a new signer must take over before the old one caps nextUpdate");
        }

        if (options.Crl.ValidityDays <= 0)
        {
            errors.Add("Crl:ValidityDays: must be positive");
        }

        if (options.Crl.DebounceMilliseconds is < 0 or > 1000)
        {
            errors.Add($"Crl:DebounceMilliseconds: {options.Crl.DebounceMilliseconds} is not in 0..1000 (a CRL follows a change within about a second)");
        }
    }

    private static void ValidateOcsp(List<string> errors, OcspOptions ocsp)
    {
        if (ocsp.SingleCertIdPerResponse)
        {
            // The store keeps one signed response per certificate, answering every configured CertID hash.
            errors.Add("Ocsp:SingleCertIdPerResponse: not supported by this build (one response per certificate carries a SingleResponse per hash algorithm)");
        }

        if (ocsp.ValidityDays is <= 0 or > 366)
        {
            errors.Add($"Ocsp:ValidityDays: {ocsp.ValidityDays} is not in (0, 366]");
        }

        if (ocsp.ResignFloorDays * 24 < MinResignFloorHours)
        {
            errors.Add($"Ocsp:ResignFloorDays: {ocsp.ResignFloorDays} days is below {MinResignFloorHours} hours (167 h station refresh + 1 day)");
        }

        if (ocsp.ResignFloorDays >= ocsp.ValidityDays)
        {
            errors.Add($"Ocsp:ResignFloorDays: {ocsp.ResignFloorDays} must be below Ocsp:ValidityDays ({ocsp.ValidityDays})");
        }

        foreach (var algorithm in EffectiveHashAlgorithms(ocsp))
        {
            if (algorithm is not ("sha1" or "sha256" or "sha384" or "sha512"))
            {
                errors.Add($"Ocsp:HashAlgorithms: '{algorithm}' is not sha1, sha256, sha384 or sha512");
            }
        }

        if (!TryParseNoncePolicy(ocsp.NoncePolicy, out _))
        {
            errors.Add($"Ocsp:NoncePolicy: '{ocsp.NoncePolicy}' is not 'ignore' or 'sign-live'");
        }

        if (!TryParseNeverIssuedPolicy(ocsp.NeverIssuedPolicy, out _))
        {
            errors.Add($"Ocsp:NeverIssuedPolicy: '{ocsp.NeverIssuedPolicy}' is not 'extended-revoked' or 'unauthorized'");
        }

        var slow = ocsp.SlowPath;
        if (slow.RatePerSecond <= 0)
        {
            errors.Add("Ocsp:SlowPath:RatePerSecond: must be positive");
        }

        if (slow.Burst < 1 || slow.MaxInFlight < 1 || slow.MaxWaiting < 0 || slow.CacheSize < 0)
        {
            errors.Add("Ocsp:SlowPath: Burst and MaxInFlight must be ≥ 1, MaxWaiting and CacheSize ≥ 0");
        }
    }

    private static void ValidateListener(List<string> errors, string key, string address, int port, ListenerLimitsOptions limits)
    {
        if (!IPAddress.TryParse(address, out _))
        {
            errors.Add($"{key}:Address: '{address}' is not an IP address");
        }

        if (port is < 0 or > 65535)
        {
            errors.Add($"{key}:Port: {port} is not in 0..65535");
        }

        if (limits.MaxRequestBodyBytes is < 1 or > 1024 * 1024)
        {
            errors.Add($"{key}:Limits:MaxRequestBodyBytes: {limits.MaxRequestBodyBytes} is not in 1..1048576");
        }

        if (limits.MaxRequestHeadersTotalBytes is < 1024 or > 1024 * 1024)
        {
            errors.Add($"{key}:Limits:MaxRequestHeadersTotalBytes: {limits.MaxRequestHeadersTotalBytes} is not in 1024..1048576");
        }

        if (limits.MaxRequestHeaderCount is < 1 or > 1000)
        {
            errors.Add($"{key}:Limits:MaxRequestHeaderCount: {limits.MaxRequestHeaderCount} is not in 1..1000");
        }

        if (limits.MaxRequestLineBytes is < 256 or > 1024 * 1024)
        {
            errors.Add($"{key}:Limits:MaxRequestLineBytes: {limits.MaxRequestLineBytes} is not in 256..1048576");
        }

        if (limits.RequestHeadersTimeoutSeconds is <= 0 or > 3600)
        {
            errors.Add($"{key}:Limits:RequestHeadersTimeoutSeconds: must be in (0, 3600]");
        }

        if (limits.KeepAliveTimeoutSeconds is <= 0 or > 3600)
        {
            errors.Add($"{key}:Limits:KeepAliveTimeoutSeconds: must be in (0, 3600]");
        }

        if (limits.MinRequestBodyBytesPerSecond < 0)
        {
            errors.Add($"{key}:Limits:MinRequestBodyBytesPerSecond: must not be negative (0 disables the check)");
        }
        else if (limits.MinRequestBodyBytesPerSecond > 0 && limits.MinRequestBodyGraceSeconds <= 1)
        {
            // Kestrel's MinDataRate refuses a grace period of 1 s or less.
            errors.Add($"{key}:Limits:MinRequestBodyGraceSeconds: must be above 1 second");
        }

        if (limits.MaxConcurrentConnections < 0)
        {
            errors.Add($"{key}:Limits:MaxConcurrentConnections: must not be negative (0 = no cap)");
        }
    }
}
