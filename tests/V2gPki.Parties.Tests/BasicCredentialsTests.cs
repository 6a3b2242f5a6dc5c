// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Text;
using Microsoft.Extensions.Time.Testing;
using V2gPki.Parties.Credentials;

namespace V2gPki.Parties.Tests;

public sealed class BasicCredentialsTests
{
    // RFC 7617 §2: user-id "Aladdin", password "open sesame".
    private const string Aladdin = "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==";

    // Far below PasswordHash.MinIterations: these tests count checks, they do not need the cost.
    private const int TestIterations = 1_000;

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Authenticate_Rfc7617Example_Authenticated()
    {
        Assert.Equal(Aladdin, Header("Aladdin:open sesame"));
        var credentials = Make(("Aladdin", "open sesame"));

        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Aladdin, out var account));
        Assert.Equal("Aladdin", account!.Id);
        Assert.Equal(PartyRoles.Cpo, account.Roles);
    }

    [Fact]
    public void Authenticate_Rfc7617Utf8Example_Authenticated()
    {
        // RFC 7617 §2.1: user-id "test", password "123£" in UTF-8.
        var credentials = Make(("test", "123£"));

        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate("Basic dGVzdDoxMjPCow==", out var account));
        Assert.Equal("test", account!.Id);
    }

    [Theory]
    [InlineData("basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")]
    [InlineData("BASIC QWxhZGRpbjpvcGVuIHNlc2FtZQ==")]
    [InlineData("Basic   QWxhZGRpbjpvcGVuIHNlc2FtZQ==")]
    [InlineData(" \tBasic QWxhZGRpbjpvcGVuIHNlc2FtZQ== \t")]
    public void Authenticate_SchemeCaseAndSpaces_Authenticated(string header)
    {
        var credentials = Make(("Aladdin", "open sesame"));

        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(header, out var account));
        Assert.NotNull(account);
    }

    [Fact]
    public void Authenticate_PasswordWithColons_FirstColonEndsTheUserId()
    {
        var credentials = Make(("cpo-acme", "pa:ss:word"));

        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Header("cpo-acme:pa:ss:word"), out _));
        Assert.Equal(CredentialStatus.Invalid, credentials.Authenticate(Header("cpo-acme:pa"), out _));
    }

    public static TheoryData<string, string, CredentialStatus> BadHeaders() => new()
    {
        { "absent", "", CredentialStatus.Missing },
        { "blank", " \t ", CredentialStatus.Missing },
        { "no scheme", "QWxhZGRpbjpvcGVuIHNlc2FtZQ==", CredentialStatus.Malformed },
        { "Bearer", "Bearer QWxhZGRpbjpvcGVuIHNlc2FtZQ==", CredentialStatus.Malformed },
        { "scheme alone", "Basic", CredentialStatus.Malformed },
        { "scheme and a space", "Basic ", CredentialStatus.Malformed },
        { "no space after the scheme", "BasicQWxhZGRpbjpvcGVuIHNlc2FtZQ==", CredentialStatus.Malformed },
        { "a longer scheme", "Basically QWxhZGRpbjpvcGVuIHNlc2FtZQ==", CredentialStatus.Malformed },
        { "a tab after the scheme", "Basic\tQWxhZGRpbjpvcGVuIHNlc2FtZQ==", CredentialStatus.Malformed },
        { "auth-params", "Basic user=\"Aladdin\"", CredentialStatus.Malformed },
        { "not base64", "Basic !!!!", CredentialStatus.Malformed },
        { "base64 without padding", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ", CredentialStatus.Malformed },
        { "base64url", "Basic QWxhZGRpbjpvPz8_", CredentialStatus.Malformed },
        { "a space inside the base64", "Basic QWxhZGRp bjpvcGVuIHNlc2FtZQ==", CredentialStatus.Malformed },
        { "two tokens", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ== QWxhZGRpbjpvcGVuIHNlc2FtZQ==", CredentialStatus.Malformed },
        { "no colon", Header("Aladdin"), CredentialStatus.Malformed },
        { "empty user id", Header(":open sesame"), CredentialStatus.Malformed },
        { "empty user id and password", Header(":"), CredentialStatus.Malformed },
        { "nothing encoded", "Basic ====", CredentialStatus.Malformed },
        { "a control character in the password", Header("Aladdin:open\u0001sesame"), CredentialStatus.Malformed },
        { "a control character in the user id", Header("Alad\u007Fdin:open sesame"), CredentialStatus.Malformed },
        { "not UTF-8", "Basic " + Convert.ToBase64String([.. "Aladdin:open s"u8, 0xE9, .. "same"u8]), CredentialStatus.Malformed },
        { "too long", "Basic " + new string('A', BasicCredentials.MaxCredentialsLength + 4), CredentialStatus.Malformed },
    };

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public void Authenticate_BadHeader_MissingOrMalformedWithoutAPasswordCheck(string description, string header, CredentialStatus expected)
    {
        var credentials = Make(("Aladdin", "open sesame"));

        Assert.True(expected == credentials.Authenticate(header, out var account), description);
        Assert.Null(account);
        Assert.Equal(0, credentials.PasswordChecks);
    }

    [Theory]
    [InlineData("Nobody:open sesame")]
    [InlineData("aladdin:open sesame")]
    [InlineData("Ala din:open sesame")]
    [InlineData("Aladdín:open sesame")]
    public void Authenticate_UnknownUser_InvalidAfterACheckOfTheSameCost(string userPass)
    {
        var credentials = Make(("Aladdin", "open sesame"));

        Assert.Equal(CredentialStatus.Invalid, credentials.Authenticate(Header(userPass), out var account));
        Assert.Null(account);
        Assert.Equal(1, credentials.PasswordChecks);
    }

    [Theory]
    [InlineData("Aladdin:open sesamE")]
    [InlineData("Aladdin:open sesame ")]
    [InlineData("Aladdin:open")]
    public void Authenticate_WrongPassword_Invalid(string userPass)
    {
        var credentials = Make(("Aladdin", "open sesame"));

        Assert.Equal(CredentialStatus.Invalid, credentials.Authenticate(Header(userPass), out var account));
        Assert.Null(account);
        Assert.Equal(1, credentials.PasswordChecks);
    }

    [Fact]
    public void Authenticate_EmptyOrOverlongPassword_InvalidWithoutACheck()
    {
        var credentials = Make(("Aladdin", "open sesame"));

        Assert.Equal(CredentialStatus.Invalid, credentials.Authenticate(Header("Aladdin:"), out _));
        Assert.Equal(CredentialStatus.Invalid, credentials.Authenticate(Header("Aladdin:" + new string('x', PasswordHash.MaxPasswordBytes + 1)), out _));
        Assert.Equal(0, credentials.PasswordChecks);
    }

    [Fact]
    public void Authenticate_SameCredentialTwice_SecondIsACacheHit()
    {
        var credentials = Make(("Aladdin", "open sesame"));

        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Aladdin, out _));
        Assert.Equal(1, credentials.PasswordChecks);
        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate("basic  " + Aladdin[6..], out var account));
        Assert.Equal("Aladdin", account!.Id);
        Assert.Equal(1, credentials.PasswordChecks);
        Assert.Equal(1, credentials.CachedCount);
    }

    [Fact]
    public void Authenticate_AfterTheCacheLifetime_ChecksAgain()
    {
        var credentials = Make(("Aladdin", "open sesame"));
        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Aladdin, out _));

        _time.Advance(BasicCredentials.DefaultCacheLifetime - TimeSpan.FromTicks(1));
        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Aladdin, out _));
        Assert.Equal(1, credentials.PasswordChecks);

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(0, credentials.CachedCount);
        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Aladdin, out _));
        Assert.Equal(2, credentials.PasswordChecks);

        // The new check starts a new lifetime.
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Aladdin, out _));
        Assert.Equal(2, credentials.PasswordChecks);
    }

    [Fact]
    public void Authenticate_ZeroCacheLifetime_ChecksEveryTime()
    {
        var credentials = Make(TimeSpan.Zero, ("Aladdin", "open sesame"));

        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Aladdin, out _));
        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Aladdin, out _));
        Assert.Equal(2, credentials.PasswordChecks);
        Assert.Equal(0, credentials.CachedCount);
    }

    [Fact]
    public void Authenticate_Failures_NeverCached()
    {
        var credentials = Make(("Aladdin", "open sesame"));
        var wrong = Header("Aladdin:open sesamE");

        Assert.Equal(CredentialStatus.Invalid, credentials.Authenticate(wrong, out _));
        Assert.Equal(CredentialStatus.Invalid, credentials.Authenticate(wrong, out _));
        Assert.Equal(2, credentials.PasswordChecks);
        Assert.Equal(0, credentials.CachedCount);

        // With the right credential cached, a wrong one still costs a full check and still fails, and leaves the entry.
        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Aladdin, out _));
        Assert.Equal(CredentialStatus.Invalid, credentials.Authenticate(wrong, out var account));
        Assert.Null(account);
        Assert.Equal(4, credentials.PasswordChecks);
        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Aladdin, out _));
        Assert.Equal(4, credentials.PasswordChecks);
    }

    [Fact]
    public void Authenticate_CachedCredentialOfOneAccount_DoesNotVouchForAnother()
    {
        var credentials = Make(("cpo-a", "shared password"), ("cpo-b", "shared password"));

        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Header("cpo-a:shared password"), out var first));
        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Header("cpo-b:shared password"), out var second));

        Assert.Equal("cpo-a", first!.Id);
        Assert.Equal("cpo-b", second!.Id);
        Assert.Equal(2, credentials.PasswordChecks);
    }

    [Fact]
    public void Authenticate_ManyAttempts_CacheHoldsAtMostOneEntryPerAccount()
    {
        var credentials = Make(("cpo-a", "password a"), ("cpo-b", "password b"), ("cpo-c", "password c"));

        for (var i = 0; i < 50; i++)
        {
            foreach (var id in new[] { "cpo-a", "cpo-b", "cpo-c", "nobody" })
            {
                Assert.Equal(CredentialStatus.Invalid, credentials.Authenticate(Header($"{id}:guess {i}"), out _));
            }
        }

        Assert.Equal(0, credentials.CachedCount);
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Header("cpo-a:password a"), out _));
            Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Header("cpo-b:password b"), out _));
            Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Header("cpo-c:password c"), out _));
        }

        Assert.Equal(3, credentials.CachedCount);
        Assert.Equal(200 + 3, credentials.PasswordChecks);
    }

    [Fact]
    public void Authenticate_NewInstanceAfterPasswordChange_OldPasswordRefused()
    {
        var before = Make(("Aladdin", "open sesame"));
        Assert.Equal(CredentialStatus.Authenticated, before.Authenticate(Aladdin, out _));

        var after = Make(("Aladdin", "close sesame"));

        Assert.Equal(0, after.CachedCount);
        Assert.Equal(CredentialStatus.Invalid, after.Authenticate(Aladdin, out _));
        Assert.Equal(CredentialStatus.Authenticated, after.Authenticate(Header("Aladdin:close sesame"), out _));
    }

    [Fact]
    public void Authenticate_ParallelValidAndInvalid_EachGetsItsAnswer()
    {
        var credentials = Make(("cpo-a", "password a"), ("cpo-b", "password b"));
        var headers = new[]
        {
            (Header("cpo-a:password a"), CredentialStatus.Authenticated, "cpo-a"),
            (Header("cpo-a:password b"), CredentialStatus.Invalid, null),
            (Header("cpo-b:password b"), CredentialStatus.Authenticated, "cpo-b"),
            (Header("cpo-b:password a"), CredentialStatus.Invalid, null),
            (Header("nobody:password a"), CredentialStatus.Invalid, null),
            ("Basic !!!!", CredentialStatus.Malformed, null),
        };
        var failures = 0;

        Parallel.For(0, 600, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (header, expected, id) = headers[i % headers.Length];
            if (credentials.Authenticate(header, out var account) != expected || account?.Id != id)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
        Assert.Equal(2, credentials.CachedCount);
    }

    [Fact]
    public void Authenticate_ConcurrentSameCredentialOnAColdCache_OneCheck()
    {
        // Threads released together, and a check slow enough (tens of milliseconds) that they all miss the cold cache
        // while the first check runs; each would run a check of its own if they did not wait for it.
        const int threads = 8;
        var credentials = new BasicCredentials(
            Accounts("Aladdin"),
            [("Aladdin", PasswordHash.Derive("open sesame"u8, 100_000))],
            _time);
        using var start = new Barrier(threads);
        var results = new CredentialStatus[threads];
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var index = t;
            workers[t] = new Thread(() =>
            {
                start.SignalAndWait();
                results[index] = credentials.Authenticate(Aladdin, out _);
            });
            workers[t].Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        Assert.All(results, status => Assert.Equal(CredentialStatus.Authenticated, status));
        Assert.Equal(1, credentials.PasswordChecks);
    }

    [Fact]
    public void TryCreate_StoredForms_Authenticates()
    {
        Assert.True(BasicCredentials.TryCreate(
            Accounts("Aladdin", "cpo-b"),
            [("Aladdin", PasswordHash.Create("open sesame", PasswordHash.MinIterations))],
            _time,
            BasicCredentials.DefaultCacheLifetime,
            out var credentials,
            out var error), error);

        Assert.Equal(1, credentials.Count);
        Assert.Equal(CredentialStatus.Authenticated, credentials.Authenticate(Aladdin, out _));
        Assert.Equal(CredentialStatus.Invalid, credentials.Authenticate(Header("cpo-b:open sesame"), out _));
    }

    [Theory]
    [InlineData("nobody", "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "'nobody', which is not an account")]
    [InlineData("Aladdin", "open sesame", "account 'Aladdin': the password hash is not of the form")]
    [InlineData("Aladdin", "pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "account 'Aladdin': the iteration count")]
    public void TryCreate_BadEntry_NamesTheAccountNotTheSecret(string accountId, string stored, string expected)
    {
        Assert.False(BasicCredentials.TryCreate(Accounts("Aladdin"), [(accountId, stored)], _time, BasicCredentials.DefaultCacheLifetime, out var credentials, out var error));

        Assert.Null(credentials);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("open sesame", error, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAAAAAA", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_TwoPasswordsForOneAccount_Refused()
    {
        var stored = "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

        Assert.False(BasicCredentials.TryCreate(Accounts("Aladdin"), [("Aladdin", stored), ("Aladdin", stored)], _time, TimeSpan.Zero, out _, out var error));
        Assert.Contains("two passwords", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AccountNotInDirectoryOrTwice_Throws()
    {
        var hash = PasswordHash.Derive("open sesame"u8, TestIterations);

        Assert.Throws<ArgumentException>(() => new BasicCredentials(Accounts("Aladdin"), [("nobody", hash)], _time));
        Assert.Throws<ArgumentException>(() => new BasicCredentials(Accounts("Aladdin"), [("Aladdin", hash), ("Aladdin", hash)], _time));
    }

    [Fact]
    public void Constructor_CacheLifetimeOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(TimeSpan.FromTicks(-1), ("Aladdin", "open sesame")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(BasicCredentials.MaxCacheLifetime + TimeSpan.FromTicks(1), ("Aladdin", "open sesame")));
    }

    private static string Header(string userPass) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userPass));

    private static PartyDirectory Accounts(params string[] ids)
    {
        var accounts = new List<PartyAccount>();
        foreach (var id in ids)
        {
            accounts.Add(new PartyAccount(id, PartyRoles.Cpo, OwnedPrefixes.None));
        }

        return new PartyDirectory(accounts);
    }

    private BasicCredentials Make(params (string Id, string Password)[] accounts) => Make(null, accounts);

    private BasicCredentials Make(TimeSpan? lifetime, params (string Id, string Password)[] accounts)
    {
        var ids = new List<string>();
        var passwords = new List<(string, PasswordHash)>();
        foreach (var (id, password) in accounts)
        {
            ids.Add(id);
            passwords.Add((id, PasswordHash.Derive(Encoding.UTF8.GetBytes(password), TestIterations)));
        }

        return new BasicCredentials(Accounts([.. ids]), passwords, _time, lifetime);
    }
}
