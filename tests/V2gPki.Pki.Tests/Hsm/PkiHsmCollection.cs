// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Pki.Tests.Hsm;

/// <summary>Every Pki test that talks to SoftHSM2 shares one token directory and runs in this collection.</summary>
[CollectionDefinition(Name)]
public sealed class PkiHsmCollection : ICollectionFixture<PkiHsmFixture>
{
    public const string Name = "Pki SoftHSM2";
}
