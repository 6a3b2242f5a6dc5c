// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Globalization;
using V2gPki.Issuer.Worker;

namespace V2gPki.Issuer.Import;

/// <summary>What an import did.</summary>
public sealed class ImportReport
{
    private long _imported;
    private long _alreadyPresent;
    private long _unknownIssuer;
    private long _invalid;
    private long _failed;

    /// <summary>Gets certificates registered with a freshly signed first response.</summary>
    public long Imported => Volatile.Read(ref _imported);

    /// <summary>Gets certificates that were already registered.</summary>
    public long AlreadyPresent => Volatile.Read(ref _alreadyPresent);

    /// <summary>Gets certificates whose issuer is not a configured CA.</summary>
    public long UnknownIssuer => Volatile.Read(ref _unknownIssuer);

    /// <summary>Gets files or entries that are not certificates, or whose signature does not verify against their CA.</summary>
    public long Invalid => Volatile.Read(ref _invalid);

    /// <summary>Gets certificates that could not be registered (signing or store failure, serial in use).</summary>
    public long Failed => Volatile.Read(ref _failed);

    /// <summary>Gets the time the import took.</summary>
    public TimeSpan Elapsed { get; internal set; }

    internal void Add(RegistrationStatus status)
    {
        switch (status)
        {
            case RegistrationStatus.Registered: Interlocked.Increment(ref _imported); break;
            case RegistrationStatus.AlreadyRegistered: Interlocked.Increment(ref _alreadyPresent); break;
            case RegistrationStatus.UnknownIssuer: Interlocked.Increment(ref _unknownIssuer); break;
            case RegistrationStatus.InvalidCertificate: Interlocked.Increment(ref _invalid); break;
            default: Interlocked.Increment(ref _failed); break;
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"import: {Imported} imported, {AlreadyPresent} already present, {UnknownIssuer} unknown issuer, {Invalid} invalid, {Failed} failed in {Elapsed.TotalSeconds:0.0} s");
}
