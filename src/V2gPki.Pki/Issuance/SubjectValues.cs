// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Issuance;

/// <summary>
/// The subject attributes of a certificate whose key is ours (CA, OCSP signer, CPS leaf, demo leaves); the DC always
/// comes from the profile.
/// </summary>
/// <param name="CommonName">The CN: a free name for CAs and signers, the normalised identifier for leaves with an ID type.</param>
/// <param name="Organization">The O.</param>
/// <param name="Country">The C (two upper-case letters), or <see langword="null"/> where the profile allows it.</param>
public sealed record SubjectValues(string CommonName, string Organization, string? Country);
