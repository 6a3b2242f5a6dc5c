// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;

namespace V2gPki.Edge.Commands.Demo;

/// <summary>
/// The complete, commented example config <c>v2gpki demo</c> writes as <c>&lt;data&gt;/config.json</c>
/// (docs/architecture.md §9: JSON with comments, bound by the configuration-binder source generator). Every key of
/// <see cref="Configuration.V2gPkiOptions"/> appears with its default or the demo's value, so it doubles as the
/// reference; the demo loads it back through <see cref="Configuration.ConfigLoader"/> before serving, so a key that
/// does not bind fails the demo rather than a later <c>v2gpki serve</c>.
/// </summary>
internal static class DemoConfigTemplate
{
    private const string Template = """
        // v2gpki configuration, written by 'v2gpki demo'. Run it again with:
        //   v2gpki serve --config {{CONFIG}}
        // JSON with comments and trailing commas. Every key can be overridden from the environment as
        // V2GPKI_<Section>__<Key>, e.g. V2GPKI_Listeners__Ocsp__Port=9080 (arrays by index: V2GPKI_Hsm__Tokens__0__BulkSessions=4).
        {
          // The data directory: CA hierarchy (ca/), SoftHSM2 tokens (hsm/), store and WAL (store/), CRLs (crl/),
          // signer catalog (signers.txt). Relative to this file's directory.
          "DataDir": ".",

          "Listeners": {
            // Public listener, plain HTTP (RFC 5019, ISO 15118): OCSP (POST / and /ocsp, GET /{base64} and
            // /ocsp/{base64}), CRLs (GET /crl/<ca-name>.crl), /health, /ready, /metrics. Every certificate of this
            // demo below the root carries this address as its AIA OCSP URL: keep address and port when you re-serve.
            "Ocsp": {
              "Address": "{{ADDRESS}}",
              "Port": {{PORT}},
              // Handle requests on the socket threads (the OCSP handler never blocks): +8-18 % requests/s on 2 cores.
              "InlineScheduling": true,
              "Limits": {
                "MaxRequestBodyBytes": 8192,           // 413 above (an OCSP request is ~100 bytes)
                "MaxRequestHeadersTotalBytes": 8192,   // 431 above
                "MaxRequestHeaderCount": 64,           // 431 above
                "MaxRequestLineBytes": 8192,           // bounds a GET's base64 path (414 above)
                "RequestHeadersTimeoutSeconds": 10,    // slowloris: headers must arrive within this
                "KeepAliveTimeoutSeconds": 30,
                "MinRequestBodyBytesPerSecond": 240,   // after the grace period; 0 disables
                "MinRequestBodyGraceSeconds": 5,
                "MaxConcurrentConnections": 10000,     // 0 = no cap
              },
            },
            // A separate CRL-only listener (CRLs, /health, /ready, /metrics); absent = CRLs on the public listener,
            // which is the URL CRL distribution points carry when enabled (ca init --crl-base-url / demo --crl-dp).
            // "Crl": { "Address": "127.0.0.1", "Port": 8082 },
            // The admin API: its own listener, loopback HTTP with the bearer token of TokenFile (HTTPS elsewhere).
            "Admin": {
              "Address": "127.0.0.1",
              "Port": {{ADMIN_PORT}},
              "TokenFile": "admin.token",             // relative to DataDir; mode 0600
              "Limits": { "MaxConcurrentConnections": 64 },
            },
            // EST (RFC 7030 and the OPCP path shapes): HTTPS only, TLS 1.2 and 1.3. The demo's server certificate is
            // issued by ca/est-tls-root.pem, whose key is in the online token; the server's own TLS key is a file, 0600.
            "Est": {
              "Address": "127.0.0.1",
              "Port": {{EST_PORT}},
              "HttpsCertificateFile": "est/tls/server.pem",
              "HttpsKeyFile": "est/tls/server.key",
              "CacertsRequiresAuthentication": false,  // RFC 7030 §4.1.1 lets cacerts be public; OPCP asks for a token
              "AuditLogFile": "audit/est-audit.jsonl",
              // wrong passwords, bad tokens, refused client certificates per client IP and window: then 429 + Retry-After
              "FailedAuthenticationLimit": 20,
              "FailedAuthenticationWindowSeconds": 300,
              "Limits": { "MaxRequestBodyBytes": 16384, "MaxConcurrentConnections": 1024 },
            },
          },

          // Who may enroll what at EST: roles CPO (cpo), MO (mo, cps), OEM (oem, veh), CPS (cps); a CSR's CN must be
          // an identifier the account owns: EVSE IDs of its EvseOperators, EMAIDs of its EmaidProviders, PCIDs of its
          // PcidWmis, CPS names starting with one of its CpsNames. PasswordHash is the HTTP Basic password as
          // pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>, never the password (the demo's passwords are in
          // est/<role>.basic; its hashes use the minimum 100000 iterations to start fast, 600000 is the default).
          "Parties": {
            "Accounts": [
        {{ACCOUNTS}}
            ],
            // TLS client certificates that chain to these party-auth CAs (PEM, relative to DataDir) authenticate the
            // account their commonName names (the demo's are est/<role>-client.pem with their keys in .key, 0600).
            "ClientCertificateAuthorities": [ "ca/party-auth-ca.pem" ],
            // OAuth2 token issuers whose bearer JWTs (Authorization: Bearer or x-api-key) are accepted, as Hubject issues
            // them (docs/bearer-tokens.md): RS256/ES256 from the JWKS file (relative to DataDir), iss and aud checked,
            // roles and prefixes from the claims <Audience>/role, /evseid, /emaid, /pcid, /cps_name. The demo's issuer
            // signed est/<role>.jwt, valid for a day (run the demo again for fresh ones).
            "JwtIssuers": [
              {{JWT_ISSUERS}},
            ],
          },

          // PKCS#11: which module, and where each token's PIN comes from. Token labels and which key lives in which
          // token are in ca/hierarchy.json. PIN order: PinFile (relative to DataDir), PinEnvironmentVariable, the
          // manifest's variable (V2GPKI_ROOT_PIN / V2GPKI_ONLINE_PIN), then - demo only - hsm/demo-pins.json.
          "Hsm": {
            "ModulePath": "{{MODULE}}",
            "Tokens": [
              // root: V2G root and Sub-CA 1 keys (an offline token in production; online in the demo).
              { "Role": "root", "PrioritySessions": 1, "BulkSessions": 1, "BulkMaxInFlight": 1024 },
              // online: Sub-CA 2 keys and every delegated OCSP signer key. Measure sign rates over 1, 2, 4, 8 bulk
              // sessions before going past 2: SoftHSM2 serialises part of every signature.
              { "Role": "online", "PrioritySessions": 1, "BulkSessions": 2, "BulkMaxInFlight": 1024 },
            ],
          },

          // OCSP policy (docs/architecture.md §3).
          "Ocsp": {
            "ValidityDays": 10,                      // nextUpdate - thisUpdate of a pre-signed response
            "ResignFloorDays": 8,                    // re-sign below this remaining validity (>= 167 h + 1 day)
            "HashAlgorithms": [ "sha1", "sha256" ],  // one SingleResponse per algorithm under one signature
            "SingleCertIdPerResponse": false,        // not supported by this build
            "NoncePolicy": "ignore",                 // or "sign-live": nonce requests signed live (not cacheable)
            "NeverIssuedPolicy": "extended-revoked", // RFC 6960 §2.2; or "unauthorized"
            // The live signer (never-issued serials, nonces under sign-live, several CertIDs): tryLater over its bounds.
            "SlowPath": {
              "RatePerSecond": 200,   // HSM capacity left after pre-signing / replicas
              "Burst": 400,
              "MaxInFlight": 4,       // signings at once
              "MaxWaiting": 256,      // waiting for a slot; more get tryLater at once
              "CacheSize": 100000,    // extended-revoked answers kept (LRU)
            },
          },

          // The store: serving index (pre-signed responses, always in memory), registry, certificate DER, WAL.
          "Store": {
            "Capacity": {{CAPACITY}},              // certificates it is sized for (~1.1 KB of log memory each, 60 % head-room)
            "CheckpointIntervalSeconds": 60,       // recovery replays the WAL from the last checkpoint
          },

          // The issuing worker's pre-signer and signer rollover.
          "Issuer": {
            "BatchSize": 256,                // responses per HSM bulk batch
            "MaxInFlightBatches": 4,         // online token bulk sessions x 2
            "ScanIntervalSeconds": 300,      // freshness scans (one also runs at start)
            "SignerValidityDays": 90,        // a rolled-over delegated OCSP signer certificate
            "SignerRolloverLeadDays": 30,    // a new signer takes over this long before the old one expires
          },

          // CRLs of the online CAs (Sub-CA 2s), regenerated within about a second of a revocation.
          "Crl": {
            "ValidityDays": 7,
            "DebounceMilliseconds": 500,
          },
        }

        """;

    /// <summary>Renders the config.</summary>
    /// <param name="configPath">Where it is written (for the comment with the serve command).</param>
    /// <param name="address">The public listener's address.</param>
    /// <param name="port">The public listener's port (the one in every AIA URL).</param>
    /// <param name="adminPort">The admin listener's port.</param>
    /// <param name="estPort">The EST listener's port.</param>
    /// <param name="accounts">The <c>Parties:Accounts</c> entries.</param>
    /// <param name="jwtIssuers">The <c>Parties:JwtIssuers</c> entries.</param>
    /// <param name="modulePath">The PKCS#11 module.</param>
    /// <param name="capacity">Certificates the store is sized for.</param>
    /// <returns>The JSON text.</returns>
    public static string Render(string configPath, string address, int port, int adminPort, int estPort, string accounts, string jwtIssuers, string modulePath, long capacity) =>
        Template
            .Replace("{{CONFIG}}", configPath, StringComparison.Ordinal)
            .Replace("{{ADDRESS}}", address, StringComparison.Ordinal)
            .Replace("{{PORT}}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{ADMIN_PORT}}", adminPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{JWT_ISSUERS}}", jwtIssuers, StringComparison.Ordinal)
            .Replace("{{EST_PORT}}", estPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{ACCOUNTS}}", accounts.Trim(), StringComparison.Ordinal)
            .Replace("{{MODULE}}", modulePath.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("{{CAPACITY}}", capacity.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
