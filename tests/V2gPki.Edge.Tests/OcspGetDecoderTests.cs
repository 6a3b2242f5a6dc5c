// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;
using CsCheck;
using V2gPki.Edge.Listeners.Public;

namespace V2gPki.Edge.Tests;

/// <summary>
/// RFC 5019 §5 GET decoding with the tolerances of docs/architecture.md §3, on real openssl requests.
/// </summary>
public class OcspGetDecoderTests
{
    /// <summary>Every way a client is known to put base64 into the path, applied to standard base64.</summary>
    public static TheoryData<string> Variants => new()
    {
        "plain", "percent-upper", "percent-lower", "percent-all", "percent-slash-only", "plus-as-%20", "plus-as-space",
        "base64url", "base64url-padded", "no-padding", "one-pad-missing", "doubled-slash-prefix", "many-slash-prefix",
        "percent-padding-only", "mixed-alphabets",
    };

    public static string Apply(string variant, string b64) => variant switch
    {
        "plain" => b64,
        "percent-upper" => b64.Replace("+", "%2B").Replace("/", "%2F").Replace("=", "%3D"),
        "percent-lower" => b64.Replace("+", "%2b").Replace("/", "%2f").Replace("=", "%3d"),
        "percent-all" => PercentAll(b64),
        "percent-slash-only" => b64.Replace("/", "%2F"),
        "plus-as-%20" => b64.Replace("+", "%20"),
        "plus-as-space" => b64.Replace('+', ' '),
        "base64url" => b64.Replace('+', '-').Replace('/', '_').TrimEnd('='),
        "base64url-padded" => b64.Replace('+', '-').Replace('/', '_'),
        "no-padding" => b64.TrimEnd('='),
        "one-pad-missing" => b64.EndsWith("==", StringComparison.Ordinal) ? b64[..^1] : b64,
        "doubled-slash-prefix" => "/" + b64,
        "many-slash-prefix" => "///" + b64,
        "percent-padding-only" => b64.Replace("=", "%3D"),
        "mixed-alphabets" => MixAlphabets(b64),
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    public static TheoryData<string, string> RequestsAndVariants()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Fixtures.RequestNames())
        {
            foreach (var variant in Variants)
            {
                data.Add(name, variant);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RequestsAndVariants))]
    public void TryDecode_RealOpensslRequestInEveryClientVariant_ReturnsTheDerBytes(string fixture, string variant)
    {
        var der = Fixtures.Read(fixture);
        var encoded = Apply(variant, Convert.ToBase64String(der));
        var buffer = new byte[OcspGetDecoder.RequiredBufferLength(encoded.Length)];

        var status = OcspGetDecoder.TryDecode(encoded, buffer, out var written);

        Assert.Equal(OcspGetDecodeStatus.Done, status);
        Assert.Equal(der, buffer.AsSpan(0, written).ToArray());
    }

    [Fact]
    public void Fixtures_CoverPlusSlashPaddingAndDoubleSlash()
    {
        var plusSlash = Convert.ToBase64String(Fixtures.Read("get-plus-slash.req"));
        Assert.Contains('+', plusSlash);
        Assert.Contains('/', plusSlash);
        Assert.EndsWith("=", plusSlash, StringComparison.Ordinal);
        Assert.Contains("//", Convert.ToBase64String(Fixtures.Read("get-double-slash.req")), StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_DoubleSlashInsideBase64_IsNeverCollapsed()
    {
        // 0xFF 0xFF 0xFF → "////": slashes inside the data are data (docs/architecture.md §3).
        byte[] der = [0x30, 0x06, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
        var b64 = Convert.ToBase64String(der);
        Assert.Contains("//", b64, StringComparison.Ordinal);
        var buffer = new byte[64];

        Assert.Equal(OcspGetDecodeStatus.Done, OcspGetDecoder.TryDecode("/" + b64, buffer, out var written));
        Assert.Equal(der, buffer.AsSpan(0, written).ToArray());
    }

    [Theory]
    [InlineData("", OcspGetDecodeStatus.Empty, "nothing after the prefix")]
    [InlineData("/", OcspGetDecodeStatus.Empty, "only the doubled slash")]
    [InlineData("///", OcspGetDecodeStatus.Empty, "only slashes")]
    [InlineData("MEUw!A==", OcspGetDecodeStatus.InvalidCharacter, "not base64")]
    [InlineData("MEUw.ico", OcspGetDecodeStatus.InvalidCharacter, "a file name")]
    [InlineData("MEUw%0A", OcspGetDecodeStatus.InvalidCharacter, "escaped newline")]
    [InlineData("MEUw%252F", OcspGetDecodeStatus.InvalidCharacter, "double-encoded slash is decoded once only")]
    [InlineData("MEUw%2", OcspGetDecodeStatus.InvalidEscape, "truncated escape")]
    [InlineData("MEUw%", OcspGetDecodeStatus.InvalidEscape, "bare percent")]
    [InlineData("MEUw%G1", OcspGetDecodeStatus.InvalidEscape, "non-hex escape")]
    [InlineData("ME=Uw", OcspGetDecodeStatus.MisplacedPadding, "data after padding")]
    [InlineData("=", OcspGetDecodeStatus.MisplacedPadding, "padding only")]
    [InlineData("MEUwA", OcspGetDecodeStatus.InvalidLength, "4n+1 characters")]
    [InlineData("MEU===", OcspGetDecodeStatus.InvalidLength, "three padding characters")]
    [InlineData("MEUw\u00e9", OcspGetDecodeStatus.InvalidCharacter, "non-ASCII")]
    public void TryDecode_InvalidInput_ReturnsItsStatusAndWritesNothing(string encoded, object expectedValue, string why)
    {
        var expected = (OcspGetDecodeStatus)expectedValue; // the exe's types are internal; a public theory takes them as object
        var buffer = new byte[64];

        var status = OcspGetDecoder.TryDecode(encoded, buffer, out var written);

        Assert.True(expected == status, why);
        Assert.Equal(0, written);
    }

    [Fact]
    public void TryDecode_BufferShorterThanRequired_ReturnsDestinationTooSmall()
    {
        var encoded = Convert.ToBase64String(Fixtures.Read("get-plus-slash.req")).TrimEnd('=');

        Assert.Equal(OcspGetDecodeStatus.DestinationTooSmall, OcspGetDecoder.TryDecode(encoded, new byte[encoded.Length - 1], out _));
        Assert.Equal(OcspGetDecodeStatus.DestinationTooSmall, OcspGetDecoder.TryDecode(encoded, new byte[encoded.Length], out _));
        Assert.Equal(OcspGetDecodeStatus.Done, OcspGetDecoder.TryDecode(encoded, new byte[OcspGetDecoder.RequiredBufferLength(encoded.Length)], out _));
    }

    [Fact]
    public void TryDecode_AnyBytesInAnyVariant_RoundTrips()
    {
        var variants = new List<string>();
        foreach (var v in Variants)
        {
            variants.Add(v);
        }

        // Bytes start with 0x30 as every DER OCSPRequest does, so the base64 starts with 'M', never with a slash.
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Int[0, variants.Count - 1].Select(i => variants[i])).Sample((tail, variant) =>
        {
            byte[] bytes = [0x30, .. tail];
            var encoded = Apply(variant, Convert.ToBase64String(bytes));
            var buffer = new byte[OcspGetDecoder.RequiredBufferLength(encoded.Length)];
            return OcspGetDecoder.TryDecode(encoded, buffer, out var written) == OcspGetDecodeStatus.Done
                && buffer.AsSpan(0, written).SequenceEqual(bytes);
        });
    }

    [Fact]
    public void TryDecode_ArbitraryText_NeverThrows()
    {
        Gen.String.Sample(text =>
        {
            var buffer = new byte[OcspGetDecoder.RequiredBufferLength(text.Length)];
            OcspGetDecoder.TryDecode(text, buffer, out var written);
            Assert.InRange(written, 0, buffer.Length);
        });
    }

    [Fact]
    public void TryDecode_HotPath_AllocatesNothing()
    {
        var encoded = Apply("percent-upper", Convert.ToBase64String(Fixtures.Read("get-plus-slash.req")));
        var buffer = new byte[OcspGetDecoder.RequiredBufferLength(encoded.Length)];

        var allocated = AllocationProbe.LeastPerRound(i => OcspGetDecoder.TryDecode(encoded, buffer, out _));

        Assert.Equal(0, allocated);
    }

    private static string PercentAll(string b64)
    {
        var sb = new StringBuilder();
        foreach (var c in b64)
        {
            sb.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static string MixAlphabets(string b64)
    {
        var chars = b64.ToCharArray();
        for (var i = 0; i < chars.Length; i += 2)
        {
            chars[i] = chars[i] switch { '+' => '-', '/' => '_', var c => c };
        }

        return new string(chars);
    }
}
