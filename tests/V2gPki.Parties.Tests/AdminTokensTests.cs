// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Security.Cryptography;
using V2gPki.Parties.Credentials;

namespace V2gPki.Parties.Tests;

public sealed class AdminTokensTests : IDisposable
{
    private const string First = "first-token-0123456789";
    private const string Second = "second-token-0123456789";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "v2gpki-admin-tokens-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));

    public AdminTokensTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void Load_CommentsIdsAndBareTokens_EachAuthenticatesWithItsId()
    {
        var path = Write("# comment\n\nops " + First + "\n" + Second + "\n");
        var tokens = AdminTokens.Load(path);

        Assert.Equal(2, tokens.Count);
        Assert.Equal(CredentialStatus.Authenticated, tokens.Authenticate("Bearer " + First, out var firstId));
        Assert.Equal("ops", firstId);
        Assert.Equal(CredentialStatus.Authenticated, tokens.Authenticate("bearer  " + Second, out var secondId));
        Assert.StartsWith("sha256:", secondId, StringComparison.Ordinal);
        Assert.DoesNotContain(Second, secondId, StringComparison.Ordinal);
        Assert.Equal(19, secondId!.Length);
    }

    [Theory]
    [InlineData("", CredentialStatus.Missing)]
    [InlineData("   ", CredentialStatus.Missing)]
    [InlineData("Basic b3BzOnNlY3JldA==", CredentialStatus.Malformed)]
    [InlineData("Bearer", CredentialStatus.Malformed)]
    [InlineData("Bearer ", CredentialStatus.Malformed)]
    [InlineData("Bearer a b", CredentialStatus.Malformed)]
    [InlineData("BearerX first-token-0123456789", CredentialStatus.Malformed)]
    [InlineData("Bearer first-token-012345678", CredentialStatus.Invalid)]
    [InlineData("Bearer first-token-01234567890", CredentialStatus.Invalid)]
    [InlineData("Bearer first-tökén-0123456789", CredentialStatus.Invalid)]
    [InlineData("Bearer first-token-0123456789", CredentialStatus.Authenticated)]
    public void Authenticate_HeaderVariants(string header, CredentialStatus expected)
    {
        var tokens = AdminTokens.Create([(null, First)]);
        Assert.Equal(expected, tokens.Authenticate(header, out var id));
        Assert.Equal(expected == CredentialStatus.Authenticated, id is not null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("short\n")]
    [InlineData("a " + First + "\na " + Second + "\n")]
    public void Load_NoUsableToken_ClearError(string content)
    {
        var error = Assert.Throws<InvalidOperationException>(() => AdminTokens.Load(Write(content)));
        Assert.Contains("admin token file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_SaysSo()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AdminTokens.Load(Path.Combine(_directory, "none")));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateFile_RandomTokenMode0600_LoadsAndRefusesOverwrite()
    {
        var path = Path.Combine(_directory, "sub", "admin.token");
        var token = AdminTokens.CreateFile(path);

        Assert.Equal(43, token.Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, (OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(path)));
        Assert.Equal(CredentialStatus.Authenticated, AdminTokens.Load(path).Authenticate("Bearer " + token, out _));
        Assert.Equal(token, AdminTokens.ReadClientToken(path));
        Assert.Throws<IOException>(() => AdminTokens.CreateFile(path));
    }

    [Fact]
    public void ReadClientToken_IdLine_TokenPart()
    {
        Assert.Equal(First, AdminTokens.ReadClientToken(Write("# x\nops " + First + "\n")));
        Assert.Throws<InvalidOperationException>(() => AdminTokens.ReadClientToken(Write("# nothing\n")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string content)
    {
        var path = Path.Combine(_directory, Convert.ToHexString(RandomNumberGenerator.GetBytes(4)) + ".token");
        File.WriteAllText(path, content);
        return path;
    }
}
