// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Lint;

/// <summary>One finding of the pre-issuance lint.</summary>
/// <param name="Code">What kind of problem.</param>
/// <param name="Message">What is wrong, with the expected and the seen value.</param>
public readonly record struct LintFinding(LintCode Code, string Message);
