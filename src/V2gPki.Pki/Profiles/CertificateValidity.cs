// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Profiles;

/// <summary>
/// A certificate's validity window, computed from a profile (docs/architecture.md §10): notBefore = now, notAfter = now
/// + the profile's lifetime (or a requested end, e.g. a contract end), always capped at the issuer's notAfter. Whole
/// seconds, as X.509 times carry no fractions.
/// </summary>
/// <param name="NotBefore">The start.</param>
/// <param name="NotAfter">The end.</param>
public readonly record struct CertificateValidity(DateTimeOffset NotBefore, DateTimeOffset NotAfter)
{
    /// <summary>Computes the validity of a certificate to issue.</summary>
    /// <param name="profile">The profile (its default lifetime).</param>
    /// <param name="time">The clock.</param>
    /// <param name="issuerNotAfter">The issuer's notAfter; <see langword="null"/> for a self-signed root.</param>
    /// <param name="requestedNotAfter">A requested end (contract end) used instead of the default lifetime; <see langword="null"/> for the default.</param>
    /// <returns>The validity, or <see langword="null"/> when the window would be empty (issuer expired, or a requested end not after now).</returns>
    public static CertificateValidity? Compute(CertificateProfile profile, TimeProvider time, DateTimeOffset? issuerNotAfter, DateTimeOffset? requestedNotAfter = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(time);
        var now = Truncate(time.GetUtcNow());
        var notAfter = requestedNotAfter is DateTimeOffset requested ? Truncate(requested.ToUniversalTime()) : profile.DefaultLifetime.AddTo(now);
        if (issuerNotAfter is DateTimeOffset cap && notAfter > cap)
        {
            notAfter = Truncate(cap.ToUniversalTime());
        }

        return notAfter > now ? new CertificateValidity(now, notAfter) : null;
    }

    private static DateTimeOffset Truncate(DateTimeOffset t) =>
        new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
