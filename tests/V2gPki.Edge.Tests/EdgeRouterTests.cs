// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.


using V2gPki.Edge.Listeners.Public;

namespace V2gPki.Edge.Tests;

public class EdgeRouterTests
{
    [Theory]
    [InlineData("/", "Root", "")]
    [InlineData("/?x=1", "Root", "")]
    [InlineData("/ocsp", "OcspBase", "")]
    [InlineData("/ocsp/", "OcspBase", "")]
    [InlineData("/OCSP", "OcspBase", "")]
    [InlineData("/ocsp/MEUw", "OcspGet", "MEUw")]
    [InlineData("/ocsp//MEUw", "OcspGet", "/MEUw")]
    [InlineData("/MEUw%2F%2B", "OcspGet", "MEUw%2F%2B")]
    [InlineData("//MEUw", "OcspGet", "/MEUw")]
    [InlineData("/MEUw/a//b", "OcspGet", "MEUw/a//b")]
    [InlineData("/MEUw?query", "OcspGet", "MEUw")]
    [InlineData("/ocspx", "OcspGet", "ocspx")]
    [InlineData("/health", "Health", "")]
    [InlineData("/ready", "Ready", "")]
    [InlineData("/metrics", "Metrics", "")]
    [InlineData("/health/x", "OcspGet", "health/x")]
    [InlineData("http://ocsp.example/MEUw", "OcspGet", "MEUw")]
    [InlineData("http://ocsp.example", "Root", "")]
    [InlineData("http://ocsp.example/ocsp/MEUw", "OcspGet", "MEUw")]
    [InlineData("*", "Unknown", "")]
    [InlineData("/crl/cpo-sub2.crl", "Crl", "cpo-sub2.crl")]
    [InlineData("/CRL/v2g-root.crl?x", "Crl", "v2g-root.crl")]
    [InlineData("/crl", "Crl", "")]
    [InlineData("/crlx", "OcspGet", "crlx")]
    [InlineData("/api/v1/ocpp/certificate-status", "Api", "/api/v1/ocpp/certificate-status")]
    [InlineData("http://ocsp.example/crl/mo-sub2.crl", "Crl", "mo-sub2.crl")]
    public void Classify_RawTarget_EndpointAndBase64Span(string target, string endpoint, string encoded)
    {
        var result = EdgeRouter.Classify(target, out var start, out var length);

        Assert.Equal(endpoint, result.ToString());
        Assert.Equal(encoded, target.Substring(start, length));
    }
}
