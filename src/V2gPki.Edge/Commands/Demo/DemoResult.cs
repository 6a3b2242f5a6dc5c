// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using V2gPki.Edge.Configuration;
using V2gPki.Edge.Runtime;
using V2gPki.Pki.Hierarchy;

namespace V2gPki.Edge.Commands.Demo;

/// <summary>A created demo: the started runtime (attached to the listener; the caller disposes it) and what was written.</summary>
/// <param name="Runtime">The runtime.</param>
/// <param name="Layout">The data directory layout.</param>
/// <param name="Options">The configuration loaded back from <paramref name="ConfigPath"/>.</param>
/// <param name="ConfigPath">The config file (<c>v2gpki serve --config</c> runs it again).</param>
/// <param name="OcspUrl">The AIA OCSP URL of every certificate below the root.</param>
/// <param name="Samples">The sample leaves, good and revoked, per kind.</param>
/// <param name="Files">The certificate and request directories.</param>
internal sealed record DemoResult(PkiRuntime Runtime, CaDataLayout Layout, V2gPkiOptions Options, string ConfigPath, Uri OcspUrl, IReadOnlyList<DemoSample> Samples, DemoFiles Files);
