// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Parties.Credentials;

namespace V2gPki.Parties.Tests;

public sealed class PasswordHashTests
{
    // The example in PasswordHash's documentation, made with PasswordHash.Create("open sesame").
    private const string DocumentedExample = "pbkdf2-sha256$600000$3VCt2YvAqu8ojz7w3MOOkQ==$XRE3aScAiGxIeAxostVfsbsnOiCB9OIDuYDL/1/ihkw=";

    // Hashes below are made at the floor, so the suite runs few default-cost checks.
    private static readonly string Cheap = PasswordHash.Create("open sesame", PasswordHash.MinIterations);

    [Fact]
    public void TryParse_DocumentedExample_VerifiesItsPassword()
    {
        Assert.True(PasswordHash.TryParse(DocumentedExample, out var hash, out var error), error);
        Assert.Equal(PasswordHash.DefaultIterations, hash.Iterations);
        Assert.True(hash.Verify("open sesame"));
    }

    [Fact]
    public void Create_DefaultIterations_WritesTheDocumentedForm()
    {
        var text = PasswordHash.Create("open sesame");

        var fields = text.Split('$');
        Assert.Equal(["pbkdf2-sha256", "600000"], fields[..2]);
        Assert.Equal(24, fields[2].Length);
        Assert.Equal(16, Convert.FromBase64String(fields[2]).Length);
        Assert.Equal(44, fields[3].Length);
        Assert.Equal(32, Convert.FromBase64String(fields[3]).Length);
        Assert.DoesNotContain("open sesame", text, StringComparison.Ordinal);
        Assert.True(PasswordHash.TryParse(text, out var hash, out _));
        Assert.Equal(600_000, hash.Iterations);
    }

    [Fact]
    public void Create_ThenTryParse_VerifiesThePasswordOnly()
    {
        Assert.True(PasswordHash.TryParse(Cheap, out var hash, out var error), error);
        Assert.Equal(string.Empty, error);
        Assert.Equal(PasswordHash.MinIterations, hash.Iterations);
        Assert.True(hash.Verify("open sesame"));
        Assert.False(hash.Verify("open sesamE"));
        Assert.False(hash.Verify("open sesame "));
        Assert.False(hash.Verify("open"));
        Assert.False(hash.Verify(string.Empty));
        Assert.False(hash.Verify("open\u0000sesame"));
    }

    [Fact]
    public void Create_SamePasswordTwice_DifferentSalts()
    {
        var other = PasswordHash.Create("open sesame", PasswordHash.MinIterations);

        Assert.NotEqual(Cheap.Split('$')[2], other.Split('$')[2]);
        Assert.NotEqual(Cheap.Split('$')[3], other.Split('$')[3]);
    }

    [Fact]
    public void Verify_NonAsciiPassword_HashedAsUtf8()
    {
        // RFC 7617 §2.1's example password; the hash must not depend on a legacy code page.
        Assert.True(PasswordHash.TryParse(PasswordHash.Create("123£", PasswordHash.MinIterations), out var hash, out _));

        Assert.True(hash.Verify("123£"));
        Assert.True(hash.Verify("123\u00A3"u8));
        Assert.False(hash.Verify("123\u00C2\u00A3"));
    }

    [Theory]
    [InlineData("iterations")]
    [InlineData("salt")]
    [InlineData("hash")]
    public void Verify_TamperedField_Fails(string field)
    {
        var fields = Cheap.Split('$');
        switch (field)
        {
            case "iterations":
                fields[1] = (PasswordHash.MinIterations + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "salt":
                fields[2] = Flip(fields[2]);
                break;
            default:
                fields[3] = Flip(fields[3]);
                break;
        }

        Assert.True(PasswordHash.TryParse(string.Join('$', fields), out var hash, out var error), error);
        Assert.False(hash.Verify("open sesame"));
    }

    public static TheoryData<string, string, string> BadForms() => new()
    {
        { "null", null!, "empty" },
        { "empty", "", "empty" },
        { "a plain-text password", "open sesame", "plain-text" },
        { "three fields", "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==", "has 3 '$'-separated fields" },
        { "five fields", "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$" + Hash32 + "$x", "more than four" },
        { "another scheme", "pbkdf2-sha1$600000$AAAAAAAAAAAAAAAAAAAAAA==$" + Hash32, "scheme pbkdf2-sha256" },
        { "upper-case scheme", "PBKDF2-SHA256$600000$AAAAAAAAAAAAAAAAAAAAAA==$" + Hash32, "scheme pbkdf2-sha256" },
        { "iterations not a number", "pbkdf2-sha256$many$AAAAAAAAAAAAAAAAAAAAAA==$" + Hash32, "not a decimal number" },
        { "negative iterations", "pbkdf2-sha256$-600000$AAAAAAAAAAAAAAAAAAAAAA==$" + Hash32, "not a decimal number" },
        { "iterations with a space", "pbkdf2-sha256$ 600000$AAAAAAAAAAAAAAAAAAAAAA==$" + Hash32, "not a decimal number" },
        { "empty iterations", "pbkdf2-sha256$$AAAAAAAAAAAAAAAAAAAAAA==$" + Hash32, "not a decimal number" },
        { "iterations beyond int", "pbkdf2-sha256$99999999999$AAAAAAAAAAAAAAAAAAAAAA==$" + Hash32, "99999999999, is outside" },
        { "iterations beyond long", "pbkdf2-sha256$99999999999999999999$AAAAAAAAAAAAAAAAAAAAAA==$" + Hash32, "not a decimal number" },
        { "too few iterations", "pbkdf2-sha256$99999$AAAAAAAAAAAAAAAAAAAAAA==$" + Hash32, "99999, is outside 100000 to 10000000" },
        { "too many iterations", "pbkdf2-sha256$10000001$AAAAAAAAAAAAAAAAAAAAAA==$" + Hash32, "10000001, is outside" },
        { "salt not base64", "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAA!!==$" + Hash32, "salt of the password hash is not base64" },
        { "salt without padding", "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA$" + Hash32, "salt of the password hash is not base64" },
        { "salt with a space", "pbkdf2-sha256$600000$AAAAAAAAAAAA AAAAAAAAAA==$" + Hash32, "salt of the password hash is not base64" },
        { "salt base64url", "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAA_==$" + Hash32, "salt of the password hash is not base64" },
        { "empty salt", "pbkdf2-sha256$600000$$" + Hash32, "salt of the password hash is not base64" },
        { "short salt", "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAA$" + Hash32, "salt of the password hash has 12 bytes, not 16" },
        { "short hash", "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==", "hash of the password hash has 16 bytes, not 32" },
        { "hash not base64", "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$secret-password", "hash of the password hash is not base64" },
        { "trailing newline", "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$" + Hash32 + "\n", "hash of the password hash is not base64" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public void TryParse_BadForm_NamesWhatIsWrongWithoutQuotingIt(string description, string text, string expected)
    {
        Assert.False(PasswordHash.TryParse(text, out var hash, out var error), description);
        Assert.Null(hash);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("open sesame", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-password", error, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAAAAAA", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\there")]
    [InlineData("del\u007F")]
    public void Create_UnusablePassword_Throws(string password)
    {
        Assert.Throws<ArgumentException>(() => PasswordHash.Create(password, PasswordHash.MinIterations));
    }

    [Fact]
    public void Create_LoneSurrogate_Throws()
    {
        // Built in code: an attribute argument would carry it as UTF-8, which turns it into U+FFFD.
        var password = new string(['a', '\uD800', 'b']);

        Assert.Throws<ArgumentException>(() => PasswordHash.Create(password, PasswordHash.MinIterations));
        Assert.True(PasswordHash.TryParse(Cheap, out var hash, out _));
        Assert.False(hash.Verify(password));
    }

    [Fact]
    public void Create_PasswordLongerThanTheLimit_Throws()
    {
        Assert.Throws<ArgumentException>(() => PasswordHash.Create(new string('x', PasswordHash.MaxPasswordBytes + 1), PasswordHash.MinIterations));
        Assert.Throws<ArgumentException>(() => PasswordHash.Create(new string('£', (PasswordHash.MaxPasswordBytes / 2) + 1), PasswordHash.MinIterations));
    }

    [Theory]
    [InlineData(PasswordHash.MinIterations - 1)]
    [InlineData(PasswordHash.MaxIterations + 1)]
    [InlineData(0)]
    public void Create_IterationsOutOfRange_Throws(int iterations)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordHash.Create("open sesame", iterations));
    }

    [Fact]
    public void ToString_NamesSchemeAndIterations_NotSaltOrHash()
    {
        Assert.True(PasswordHash.TryParse(Cheap, out var hash, out _));

        Assert.Equal("pbkdf2-sha256, 100000 iterations", hash.ToString());
    }

    private const string Hash32 = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private static string Flip(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        bytes[0] ^= 1;
        return Convert.ToBase64String(bytes);
    }
}
