// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Listeners.Admin;
using V2gPki.Store;

namespace V2gPki.Edge.Tests.Admin;

public class RevocationReasonTextTests
{
    [Theory]
    [InlineData("keyCompromise", RevocationReason.KeyCompromise)]
    [InlineData("KEYCOMPROMISE", RevocationReason.KeyCompromise)]
    [InlineData("key-compromise", RevocationReason.KeyCompromise)]
    [InlineData("key_compromise", RevocationReason.KeyCompromise)]
    [InlineData("cACompromise", RevocationReason.CaCompromise)]
    [InlineData("aACompromise", RevocationReason.AaCompromise)]
    [InlineData("hold", RevocationReason.CertificateHold)]
    [InlineData("removeFromCRL", RevocationReason.RemoveFromCrl)]
    [InlineData("0", RevocationReason.Unspecified)]
    [InlineData("6", RevocationReason.CertificateHold)]
    [InlineData("10", RevocationReason.AaCompromise)]
    public void TryParse_NamesAndCodes_RfcReason(string text, RevocationReason expected)
    {
        Assert.True(RevocationReasonText.TryParse(text, out var reason));
        Assert.Equal(expected, reason);
    }

    [Theory]
    [InlineData("7")]            // RFC 5280 §5.3.1: value 7 is not used
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData("stolen")]
    [InlineData("keyCompromiseeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee")]
    public void TryParse_Unknown_Refused(string text)
    {
        Assert.False(RevocationReasonText.TryParse(text, out var reason));
        Assert.Equal(RevocationReason.None, reason);
    }

    [Fact]
    public void ToName_EveryReason_ParsesBack()
    {
        foreach (var reason in Enum.GetValues<RevocationReason>())
        {
            var name = RevocationReasonText.ToName(reason);
            if (reason == RevocationReason.None)
            {
                Assert.Null(name);
                continue;
            }

            Assert.True(RevocationReasonText.TryParse(name, out var parsed));
            Assert.Equal(reason, parsed);
        }
    }
}
