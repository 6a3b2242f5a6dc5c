// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Edge.Commands.Demo;

/// <summary>Where the demo wrote its sample files.</summary>
/// <param name="CertificateDirectory"><c>&lt;data&gt;/certs</c>: <c>&lt;kind&gt;-good.pem</c>, <c>-revoked.pem</c>, <c>-chain.pem</c>, <c>.key</c> (0600).</param>
/// <param name="RequestDirectory"><c>&lt;data&gt;/certs/requests</c>: DER OCSP requests (<c>*.req</c>, as the perf kit reads them).</param>
internal sealed record DemoFiles(string CertificateDirectory, string RequestDirectory);
