// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.CommandLine;
using V2gPki.Hsm;
using V2gPki.Pki;

namespace V2gPki.Edge.Commands.Ca;

/// <summary>
/// The options of the <c>ca</c> subcommands, one set per subcommand. The values of <c>--iso</c>, <c>--key</c>,
/// <c>--ocsp-url</c> and <c>--country</c> are checked as they are read (<see cref="ValueOption.Check"/>), every
/// occurrence, so a bad one is an error even next to <c>--help</c>, as it was.
/// </summary>
internal sealed class CaOptions
{
    private readonly Option<bool> _demo = CliOptions.Flag("--demo", "create the complete demo hierarchy, both tokens online");
    private readonly Option<string> _data = CliOptions.Value("--data", "dir", "the data directory (default $V2GPKI_DATA or ./data)");
    private readonly Option<string> _iso = CliOptions.Value("--iso", "2|20", "the ISO 15118 part (default 2)", static value =>
        value is "2" or "20" ? null : $"--iso is 2 or 20, not '{value}'");

    private readonly Option<string> _key = CliOptions.Value("--key", "p521|ed448", "the key type of an ISO 15118-20 hierarchy (default p521)", static value =>
        IsKey(value, "p521") || IsKey(value, "ed448") ? null : $"--key is p521 or ed448 (ISO 15118-20), not '{value}'");

    private readonly Option<string> _ocspUrl = CliOptions.Value("--ocsp-url", "url", "the AIA OCSP URL (default http://127.0.0.1:8080/)", static value =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp ? null : $"--ocsp-url must be an absolute http:// URL (RFC 5019, ISO 15118), not '{value}'");

    private readonly Option<bool> _separateMoRoot = CliOptions.Flag("--separate-mo-root", "an MO root of its own (mo-root) instead of the V2G root");
    private readonly Option<bool> _separateOemRoot = CliOptions.Flag("--separate-oem-root", "an OEM root of its own (oem-root) instead of the V2G root");
    private readonly Option<string> _org = CliOptions.Value("--org", "O", "the organisation (O) of the CA names");
    private readonly Option<string> _country = CliOptions.Value("--country", "C", "the country (C) of the CA names, two upper-case letters", static value =>
        value.Length == 2 && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1]) ? null : $"--country is two upper-case letters, not '{value}'");

    private readonly Option<string> _module = CliOptions.Value("--module", "pkcs11.so", "the PKCS#11 module (default SoftHSM2)");
    private readonly Option<string> _out = CliOptions.Value("--out", "file", "also write the CSR to this file (else to stdout)");
    private readonly Option<string> _chain = CliOptions.Value("--chain", "chain.pem", "the issuer chain, PEM, when the hierarchy does not hold it");

    /// <summary>Every option, in the order of the help.</summary>
    public IReadOnlyList<Option> All => [_demo, _data, _iso, _key, _ocspUrl, _separateMoRoot, _separateOemRoot, _org, _country, _module, _out, _chain];

    /// <summary>Reads the checked values.</summary>
    /// <param name="parseResult">The parse (without errors).</param>
    /// <param name="positionals">The positional arguments.</param>
    /// <returns>The arguments with their defaults.</returns>
    public CaArguments Read(ParseResult parseResult, IReadOnlyList<string> positionals) => new()
    {
        Positionals = positionals,
        Demo = parseResult.GetValue(_demo),
        DataDirectory = parseResult.GetValue(_data) ?? (Environment.GetEnvironmentVariable("V2GPKI_DATA") is { Length: > 0 } d ? d : "data"),
        Version = parseResult.GetValue(_iso) == "20" ? Iso15118Version.Part20 : Iso15118Version.Part2,
        Part20Key = parseResult.GetValue(_key) is { } key && IsKey(key, "ed448") ? HsmKeyType.Ed448 : HsmKeyType.EcP521,
        OcspUrl = parseResult.GetValue(_ocspUrl),
        Organization = parseResult.GetValue(_org),
        Country = parseResult.GetValue(_country),
        Module = parseResult.GetValue(_module),
        Out = parseResult.GetValue(_out),
        Chain = parseResult.GetValue(_chain),
        SeparateMoRoot = parseResult.GetValue(_separateMoRoot),
        SeparateOemRoot = parseResult.GetValue(_separateOemRoot),
    };

    private static bool IsKey(string value, string name) => string.Equals(value, name, StringComparison.OrdinalIgnoreCase);
}
