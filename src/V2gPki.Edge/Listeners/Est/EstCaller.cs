// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Parties;
using V2gPki.Parties.Credentials;

namespace V2gPki.Edge.Listeners.Est;

/// <summary>Who is asking, as <see cref="EstAuthenticator"/> found out.</summary>
/// <param name="Status">Whether the credential authenticates.</param>
/// <param name="Account">The party; null unless <see cref="CredentialStatus.Authenticated"/>.</param>
/// <param name="Scheme">How the credential was presented (the 401 challenge depends on it).</param>
/// <param name="Reason">Why it does not authenticate, for the body of the 401 and the audit log; empty on success.</param>
internal readonly record struct EstCaller(CredentialStatus Status, PartyAccount? Account, EstCredentialScheme Scheme, string Reason);
