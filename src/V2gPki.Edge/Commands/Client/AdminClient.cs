// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using V2gPki.Edge.Listeners.Admin;

namespace V2gPki.Edge.Commands.Client;

/// <summary>
/// A client of the admin API for the CLI (<c>v2gpki revoke</c>, <c>v2gpki status</c>): HttpClient over
/// <see cref="SocketsHttpHandler"/>, source-generated JSON (NativeAOT-safe), the bearer token on every request and,
/// for HTTPS with a private CA, trust in one given certificate.
/// </summary>
internal sealed class AdminClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates a client.</summary>
    /// <param name="baseAddress">The admin listener, e.g. <c>http://127.0.0.1:8081</c>.</param>
    /// <param name="token">The bearer token.</param>
    /// <param name="trustedCertificate">For HTTPS: a CA or server certificate to trust besides the system store; null for the system store only.</param>
    /// <param name="timeout">The request timeout (default 30 s).</param>
    public AdminClient(Uri baseAddress, string token, X509Certificate2? trustedCertificate = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrEmpty(token);
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) };
        if (trustedCertificate is not null)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => Trusts(trustedCertificate, certificate, errors),
            };
        }

        _http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = new Uri(baseAddress.ToString().TrimEnd('/') + "/"),
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary><c>POST /admin/v1/revoke</c>.</summary>
    /// <param name="request">CA, serial, reason, optional time.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="HttpRequestException">The listener cannot be reached.</exception>
    public Task<AdminClientResult<StatusChangeResponse>> RevokeAsync(StatusChangeRequestBody request, CancellationToken cancellationToken = default) =>
        PostAsync("admin/v1/revoke", request, AdminJsonContext.Default.StatusChangeResponse, cancellationToken);

    /// <summary><c>POST /admin/v1/unhold</c>.</summary>
    /// <param name="request">CA and serial.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="HttpRequestException">The listener cannot be reached.</exception>
    public Task<AdminClientResult<StatusChangeResponse>> UnholdAsync(StatusChangeRequestBody request, CancellationToken cancellationToken = default) =>
        PostAsync("admin/v1/unhold", request, AdminJsonContext.Default.StatusChangeResponse, cancellationToken);

    /// <summary><c>GET /admin/v1/certificates/{ca}/{serial}</c>.</summary>
    /// <param name="ca">The CA name.</param>
    /// <param name="serial">The serial, hex.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="HttpRequestException">The listener cannot be reached.</exception>
    public Task<AdminClientResult<CertificateDetails>> GetCertificateAsync(string ca, string serial, CancellationToken cancellationToken = default) =>
        GetAsync($"admin/v1/certificates/{Uri.EscapeDataString(ca)}/{Uri.EscapeDataString(serial)}", AdminJsonContext.Default.CertificateDetails, cancellationToken);

    /// <summary><c>GET /admin/v1/certificates?subject=…</c>.</summary>
    /// <param name="subject">The subject ID.</param>
    /// <param name="limit">The most certificates to list; null for the server's default.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="HttpRequestException">The listener cannot be reached.</exception>
    public Task<AdminClientResult<CertificateList>> ListAsync(string subject, int? limit = null, CancellationToken cancellationToken = default)
    {
        var path = "admin/v1/certificates?subject=" + Uri.EscapeDataString(subject);
        if (limit is { } n)
        {
            path += "&limit=" + n.ToString(CultureInfo.InvariantCulture);
        }

        return GetAsync(path, AdminJsonContext.Default.CertificateList, cancellationToken);
    }

    /// <summary><c>GET /admin/v1/cas</c>.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="HttpRequestException">The listener cannot be reached.</exception>
    public Task<AdminClientResult<CaList>> GetCasAsync(CancellationToken cancellationToken = default) =>
        GetAsync("admin/v1/cas", AdminJsonContext.Default.CaList, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private async Task<AdminClientResult<T>> PostAsync<T>(string path, StatusChangeRequestBody body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, AdminJsonContext.Default.StatusChangeRequestBody));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await _http.PostAsync(path, content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AdminClientResult<T>> GetAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await _http.GetAsync(path, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<AdminClientResult<T>> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(bytes);
        var status = (int)response.StatusCode;
        try
        {
            if (status == 200)
            {
                return new AdminClientResult<T>(status, JsonSerializer.Deserialize(bytes, typeInfo), null, text);
            }

            var error = bytes.Length > 0 ? JsonSerializer.Deserialize(bytes, AdminJsonContext.Default.AdminError) : null;
            return new AdminClientResult<T>(status, null, error ?? new AdminError { Error = response.ReasonPhrase ?? "error" }, text);
        }
        catch (JsonException)
        {
            return new AdminClientResult<T>(status == 200 ? 502 : status, null, new AdminError { Error = "bad_response", Detail = $"HTTP {status} with a body that is not the admin API's JSON" }, text);
        }
    }

    private static bool Trusts(X509Certificate2 trusted, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (presented is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        if (leaf.RawDataMemory.Span.SequenceEqual(trusted.RawDataMemory.Span))
        {
            // Pinned: the server presents exactly the trusted certificate (a self-signed admin certificate).
            return true;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf) && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None;
    }
}
