// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

using System.Buffers;

namespace V2gPki.Store;

/// <summary>
/// The certificate registry: issuer + serial → <see cref="CertificateRecord"/>, and the certificate DER kept apart from
/// the serving index. Cold path (issuing worker, admin API, verify); lookups may allocate and may wait for the disk.
/// Records are written through <see cref="IStoreWriter"/> so that every change goes through the WAL.
/// </summary>
public interface ICertificateRegistry
{
    /// <summary>Reads a registry record.</summary>
    /// <param name="issuer">The issuing CA.</param>
    /// <param name="serial">The serial number, DER INTEGER content octets.</param>
    /// <param name="record">The record on <see cref="LookupStatus.Found"/>; otherwise null.</param>
    /// <returns>Found, NotFound, NotReady or InvalidKey.</returns>
    LookupStatus TryGetCertificate(IssuerId issuer, ReadOnlySpan<byte> serial, out CertificateRecord? record);

    /// <summary>Reads a certificate's DER into <paramref name="writer"/>.</summary>
    /// <param name="issuer">The issuing CA.</param>
    /// <param name="serial">The serial number, DER INTEGER content octets.</param>
    /// <param name="writer">Receives the DER.</param>
    /// <returns>Found, NotFound, NotReady or InvalidKey.</returns>
    LookupStatus TryGetCertificateDer(IssuerId issuer, ReadOnlySpan<byte> serial, IBufferWriter<byte> writer);

    /// <summary>
    /// Reads the certificates of a subject ID from the subject-ID index (docs/architecture.md §5): the index gives their
    /// keys, the registry their current records. <paramref name="subjectId"/> is folded as the index is keyed
    /// (<see cref="SubjectKey"/>), so any spelling of an ISO 15118 identifier finds the same certificates.
    /// </summary>
    /// <param name="subjectId">The subject ID (EVSE ID, SECC ID, EMAID, PCID, CA name), in any separator and case form.</param>
    /// <param name="records">Receives the records, in the order they were indexed (registration order).</param>
    /// <returns>Found (at least one added), NotFound, NotReady or InvalidKey (empty after folding, or too long).</returns>
    LookupStatus TryGetCertificatesBySubject(string subjectId, ICollection<CertificateRecord> records);

    /// <summary>
    /// Visits the latest version of every registry record (for the re-sign scheduler, CRL building and <c>store verify</c>).
    /// Records written during the scan may or may not be seen.
    /// </summary>
    /// <param name="visitor">Called once per certificate; return false to stop.</param>
    /// <returns>The number of records visited.</returns>
    long ForEachCertificate(Func<CertificateRecord, bool> visitor);
}
