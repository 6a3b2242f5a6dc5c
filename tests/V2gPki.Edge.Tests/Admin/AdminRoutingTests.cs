// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Configuration;
using V2gPki.Edge.Listeners.Admin;

namespace V2gPki.Edge.Tests.Admin;

public class AdminRoutingTests
{
    [Theory]
    [InlineData("/admin/v1/revoke", AdminAction.Revoke, "POST", null, null)]
    [InlineData("/admin/v1/revoke/", AdminAction.Revoke, "POST", null, null)]
    [InlineData("/admin/v1/unhold", AdminAction.Unhold, "POST", null, null)]
    [InlineData("/admin/v1/cas", AdminAction.Cas, "GET", null, null)]
    [InlineData("/admin/v1/certificates", AdminAction.List, "GET", null, null)]
    [InlineData("/admin/v1/certificates/cpo-sub2/0A1B", AdminAction.Status, "GET", "cpo-sub2", "0A1B")]
    [InlineData("/admin/v1/certificates/cpo-sub2/0A1B/pem", AdminAction.Pem, "GET", "cpo-sub2", "0A1B")]
    [InlineData("/admin/v1/certificates/cpo-sub2/0A1B/der", AdminAction.Unknown, "GET", "cpo-sub2", "0A1B")]
    [InlineData("/admin/v1/certificates/cpo-sub2", AdminAction.Unknown, "GET", null, null)]
    [InlineData("/admin/v1/certificates//0A1B", AdminAction.Unknown, "GET", null, null)]
    [InlineData("/admin/v1/certificates/a/b/pem/x", AdminAction.Unknown, "GET", null, null)]
    [InlineData("/admin/v1/REVOKE", AdminAction.Unknown, "GET", null, null)]
    [InlineData("/admin/v2/revoke", AdminAction.Unknown, "GET", null, null)]
    [InlineData("/", AdminAction.Unknown, "GET", null, null)]
    [InlineData(null, AdminAction.Unknown, "GET", null, null)]
    public void Route_Paths(string? path, object actionValue, string method, string? ca, string? serial)
    {
        var action = (AdminAction)actionValue; // the exe's types are internal; a public theory takes them as object
        var route = AdminApi.Route(path, out var routedCa, out var routedSerial);
        Assert.Equal(action, route.Action);
        Assert.Equal(method, route.Method);
        Assert.Equal(ca, routedCa);
        Assert.Equal(serial, routedSerial);
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("Application/JSON", true)]
    [InlineData("application/merge-patch+json", true)]
    [InlineData("text/json", false)]
    [InlineData("text/plain", false)]
    [InlineData("application/jsonx", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsJson_MediaTypes(string? contentType, bool expected) => Assert.Equal(expected, AdminApi.IsJson(contentType));

    [Fact]
    public void Settings_FromOptions_PathsUnderTheDataDirectory()
    {
        var settings = AdminListenerSettings.FromOptions(new AdminListenerOptions { HttpsCertificateFile = "tls/admin.pem" }, "/srv/v2gpki");

        Assert.Equal("/srv/v2gpki/admin.token", settings.TokenFile);
        Assert.Equal("/srv/v2gpki/audit/admin-audit.jsonl", settings.AuditLogFile);
        Assert.Equal("/srv/v2gpki/tls/admin.pem", settings.HttpsCertificateFile);
        Assert.Null(settings.HttpsKeyFile);
        Assert.Equal(8081, settings.Port);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::", false)]
    [InlineData("192.0.2.10", false)]
    public void Validate_PlainHttp_OnlyOnLoopback(string address, bool valid)
    {
        var settings = AdminListenerSettings.FromOptions(new AdminListenerOptions { Address = address }, "/tmp");
        var problems = settings.Validate();
        Assert.Equal(valid, problems.Count == 0);
        if (!valid)
        {
            Assert.Contains("needs HTTPS", Assert.Single(problems), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_HttpsCertificateMissing_Named()
    {
        var settings = AdminListenerSettings.FromOptions(new AdminListenerOptions { Address = "0.0.0.0", HttpsCertificateFile = "no-such.pem" }, "/tmp");
        Assert.Contains("HttpsCertificateFile", Assert.Single(settings.Validate()), StringComparison.Ordinal);
    }
}
