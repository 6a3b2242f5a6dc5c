// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Primitives;
using V2gPki.Parties.Credentials;

namespace V2gPki.Edge.Listeners.Est;

/// <summary>
/// The credentials the EST listener accepts, read from the request and handed to the HTTP-free checks of
/// <c>V2gPki.Parties</c>; each scheme ends in the same <see cref="EstCaller"/>, so authorization does not depend on how
/// the caller proved who it is (docs/bearer-tokens.md §4).
/// </summary>
/// <remarks>
/// Order: the <c>Authorization</c> header decides by its scheme (<c>Basic</c> → <see cref="BasicCredentials"/>,
/// <c>Bearer</c> → <see cref="BearerTokens"/>); without it, an <c>x-api-key</c> header is read as a bearer token (MaEVe
/// sends the token in both). An HTTP credential, when present, is the one checked; without one, the TLS client
/// certificate (or the one a trusted proxy forwarded) is checked against the party-auth CAs (<see cref="PartyCertificates"/>).
/// </remarks>
internal sealed class EstAuthenticator
{
    /// <summary>The Basic challenge: always the first (libest reads only the first and sends Basic only after one).</summary>
    public const string BasicChallenge = "Basic realm=\"v2gpki EST\", charset=\"UTF-8\"";

    /// <summary>The Bearer challenge when no token was presented (RFC 6750 §3: no error code then).</summary>
    public const string BearerChallenge = "Bearer realm=\"v2gpki EST\"";

    /// <summary>The Bearer challenge after a refused token (RFC 6750 §3.1).</summary>
    public const string InvalidTokenChallenge = "Bearer realm=\"v2gpki EST\", error=\"invalid_token\"";

    /// <summary>The header MaEVe also sends its token in.</summary>
    public const string ApiKeyHeader = "x-api-key";

    private const string BearerScheme = "Bearer";

    private readonly BasicCredentials _basic;
    private readonly BearerTokens _bearer;
    private readonly PartyCertificates? _certificates;

    /// <summary>Creates the authenticator.</summary>
    /// <param name="basic">The Basic credentials of the accounts.</param>
    /// <param name="bearer">The bearer tokens of the configured issuers (may have none).</param>
    /// <param name="certificates">The party-auth CAs' client-certificate check, or null when none is configured.</param>
    public EstAuthenticator(BasicCredentials basic, BearerTokens bearer, PartyCertificates? certificates = null)
    {
        _basic = basic ?? throw new ArgumentNullException(nameof(basic));
        _bearer = bearer ?? throw new ArgumentNullException(nameof(bearer));
        _certificates = certificates;
    }

    /// <summary>Finds out who is asking.</summary>
    /// <param name="request">The request.</param>
    /// <param name="clientCertificate">The client certificate of the request (TLS, or forwarded by a trusted proxy), or null.</param>
    /// <returns>The caller: authenticated with its account, or why not.</returns>
    public async ValueTask<EstCaller> AuthenticateAsync(HttpRequest request, X509Certificate2? clientCertificate = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString().Trim(' ', '\t');
        if (authorization.Length > 0)
        {
            if (TryStripBearer(authorization, out var token))
            {
                return await BearerAsync(token).ConfigureAwait(false);
            }

            // RFC 9110 §11.1: the scheme is case-insensitive; BasicCredentials reads "Basic" itself.
            var scheme = authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) ? EstCredentialScheme.Basic : EstCredentialScheme.Other;
            var status = _basic.Authenticate(authorization, out var account);
            var reason = status switch
            {
                CredentialStatus.Authenticated => string.Empty,
                CredentialStatus.Malformed when scheme == EstCredentialScheme.Other => "the Authorization header is neither 'Basic <base64(user:password)>' nor 'Bearer <token>'",
                CredentialStatus.Malformed => "the Authorization header is not 'Basic <base64(user:password)>'",
                _ => "the user name or password is wrong",
            };
            return new EstCaller(status, account, scheme, reason);
        }

        var apiKey = request.Headers[ApiKeyHeader].ToString().Trim(' ', '\t');
        if (apiKey.Length > 0)
        {
            return await BearerAsync(TryStripBearer(apiKey, out var token) ? token : apiKey).ConfigureAwait(false);
        }

        if (clientCertificate is not null && _certificates is not null)
        {
            var status = _certificates.Authenticate(clientCertificate, out var holder, out var refused);
            return new EstCaller(status, holder, EstCredentialScheme.ClientCertificate, refused);
        }

        return new EstCaller(CredentialStatus.Missing, null, EstCredentialScheme.None,
            _bearer.IsEnabled ? "authentication required (HTTP Basic or an OAuth2 bearer token)" : "authentication required (HTTP Basic)");
    }

    /// <summary>The <c>WWW-Authenticate</c> values of a 401, in order: Basic first, then Bearer when issuers are configured.</summary>
    /// <param name="caller">The refused caller.</param>
    /// <returns>One value per challenge (Kestrel writes one header line each, in this order).</returns>
    public StringValues Challenges(EstCaller caller)
    {
        if (!_bearer.IsEnabled)
        {
            return BasicChallenge;
        }

        // RFC 6750 §3.1: invalid_token when a token was presented and refused; no error code when none was presented. The
        // reason goes in error_description (RFC 6750 §3), since a 401 has no body (BouncyCastle Java cannot read one).
        return new StringValues([BasicChallenge, caller.Scheme == EstCredentialScheme.Bearer ? InvalidTokenChallenge + Description(caller.Reason) : BearerChallenge]);
    }

    /// <summary>
    /// <c>, error_description="…"</c> of a reason: RFC 6750 §3 allows %x20-21 / %x23-5B / %x5D-7E, so other characters
    /// become a space; at most 200 characters.
    /// </summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The parameter, or empty for no reason.</returns>
    public static string Description(string reason)
    {
        if (string.IsNullOrEmpty(reason))
        {
            return string.Empty;
        }

        var text = reason.Length > 200 ? reason[..200] : reason;
        return string.Create(text.Length + 22, text, static (span, value) =>
        {
            ", error_description=\"".CopyTo(span);
            var body = span[21..^1];
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                body[i] = c is >= ' ' and <= '~' and not '"' and not '\\' ? c : ' ';
            }

            span[^1] = '"';
        });
    }

    private async ValueTask<EstCaller> BearerAsync(string token)
    {
        if (!_bearer.IsEnabled)
        {
            return new EstCaller(CredentialStatus.Invalid, null, EstCredentialScheme.Bearer, "bearer tokens are not accepted here: no token issuer is configured (Parties:JwtIssuers)");
        }

        var result = await _bearer.AuthenticateAsync(token).ConfigureAwait(false);
        var status = result.Status == CredentialStatus.Missing ? CredentialStatus.Malformed : result.Status;
        var reason = result.Status == CredentialStatus.Missing ? "the bearer token is empty" : result.Reason;
        return new EstCaller(status, result.Account, EstCredentialScheme.Bearer, reason);
    }

    /// <summary>Reads <c>Bearer &lt;token&gt;</c> (RFC 6750 §2.1; the scheme case-insensitive, RFC 9110 §11.1).</summary>
    private static bool TryStripBearer(string value, out string token)
    {
        if (value.Length > BearerScheme.Length && value.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase) && value[BearerScheme.Length] == ' ')
        {
            token = value[(BearerScheme.Length + 1)..].Trim(' ');
            return true;
        }

        token = string.Empty;
        return false;
    }
}
