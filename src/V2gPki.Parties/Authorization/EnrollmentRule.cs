// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Pki.Identifiers;

namespace V2gPki.Parties.Authorization;

/// <summary>Who may enroll at one branch, and what the CN of what they ask for is.</summary>
/// <param name="Branch">The EST <c>{ca}</c>.</param>
/// <param name="Roles">The roles allowed to enroll there (any one of them).</param>
/// <param name="SubjectTypes">The identifier types the CN may be; empty for a free name (CPS).</param>
public sealed record EnrollmentRule(EnrollmentBranch Branch, PartyRoles Roles, IReadOnlyList<IdType> SubjectTypes);
