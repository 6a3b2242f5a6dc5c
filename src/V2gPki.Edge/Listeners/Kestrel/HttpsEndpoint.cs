// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace V2gPki.Edge.Listeners.Kestrel;

/// <summary>
/// The TLS side of one HTTPS listener (the admin API bound beyond loopback; the EST and contract listener): the
/// server certificate loaded from a file, TLS 1.2 and 1.3 (libest speaks only 1.2), and whether client certificates
/// are asked for. They are asked for in the handshake, never by renegotiation, which breaks HTTP/2 and TLS 1.3 clients
/// without post-handshake authentication; TLS accepts any certificate the client presents, because whose it is and
/// whether it is trusted or revoked is decided by the listener against the parties' trust and our registry
/// (docs/architecture.md §3).
/// </summary>
internal sealed class HttpsEndpoint : IDisposable
{
    private HttpsEndpoint(X509Certificate2 certificate, ClientCertificateMode clientCertificates)
    {
        Certificate = certificate;
        ClientCertificates = clientCertificates;
    }

    /// <summary>Gets the server certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Gets whether client certificates are asked for (<see cref="ClientCertificateMode.NoCertificate"/>, allowed or required).</summary>
    public ClientCertificateMode ClientCertificates { get; }

    /// <summary>Gets the TLS versions offered.</summary>
    public static SslProtocols Protocols => SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>Loads the server certificate of a listener.</summary>
    /// <param name="certificateFile">PEM (certificate, and its key unless <paramref name="keyFile"/> is given) or PKCS#12 (<c>.pfx</c>/<c>.p12</c>, no password).</param>
    /// <param name="keyFile">The PEM private key when not in <paramref name="certificateFile"/>; null otherwise.</param>
    /// <param name="clientCertificates">Whether to ask for client certificates in the handshake.</param>
    /// <param name="listener">The listener's name for messages (<c>admin listener</c>).</param>
    /// <returns>The endpoint; dispose it with the listener.</returns>
    /// <exception cref="InvalidOperationException">The file cannot be read or holds no certificate with a private key; the message names the file.</exception>
    public static HttpsEndpoint Load(string certificateFile, string? keyFile, ClientCertificateMode clientCertificates, string listener)
    {
        ArgumentException.ThrowIfNullOrEmpty(certificateFile);
        X509Certificate2 certificate;
        try
        {
            var extension = Path.GetExtension(certificateFile);
            certificate = extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase)
                ? X509CertificateLoader.LoadPkcs12FromFile(certificateFile, password: null)
                : X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{listener}: cannot load the HTTPS certificate '{certificateFile}': {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{listener}: cannot load the HTTPS certificate '{certificateFile}': it has no private key (give the key file)");
        }

        return new HttpsEndpoint(certificate, clientCertificates);
    }

    /// <summary>Turns TLS on for one Kestrel endpoint.</summary>
    /// <param name="listen">The endpoint being configured.</param>
    public void Apply(ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        var options = new HttpsConnectionAdapterOptions
        {
            ServerCertificate = Certificate,
            SslProtocols = Protocols,
            ClientCertificateMode = ClientCertificates,
            HandshakeTimeout = TimeSpan.FromSeconds(10),
        };
        if (ClientCertificates != ClientCertificateMode.NoCertificate)
        {
            // Trust is the listener's decision (parties' trust store, revocation in our registry), not the OS store's.
            options.ClientCertificateValidation = static (_, _, _) => true;
        }

        listen.UseHttps(options);
    }

    /// <inheritdoc/>
    public void Dispose() => Certificate.Dispose();
}
