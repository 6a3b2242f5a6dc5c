// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Identifiers;

/// <summary>How an identifier is parsed.</summary>
/// <param name="Strictness">Whether a wrong EMAID check digit or an unknown EMAID country code is an error or a warning.</param>
/// <param name="Version">The ISO 15118 part whose limits apply (the PCID length).</param>
public readonly record struct IdParseOptions(IdStrictness Strictness = IdStrictness.Lenient, Iso15118Version Version = Iso15118Version.Part2);
