// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Issuer.Verify;

/// <summary>One problem found by <c>store verify</c>.</summary>
/// <param name="Issuer">The CA name (or issuer id when unknown).</param>
/// <param name="SerialHex">The serial, hex.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Detail">A human-readable detail.</param>
public sealed record VerifyProblem(string Issuer, string SerialHex, VerifyProblemKind Kind, string Detail);
