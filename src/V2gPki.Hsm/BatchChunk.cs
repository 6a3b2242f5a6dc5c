// Copyright (c) V2gPki.Edge contributors. Licensed under the MIT licence.

namespace V2gPki.Hsm;

/// <summary>A contiguous range of a batch's entries, signed by one bulk worker in one go.</summary>
/// <param name="Batch">The batch.</param>
/// <param name="Start">The first entry.</param>
/// <param name="End">One past the last entry.</param>
internal readonly record struct BatchChunk(SigningBatch Batch, int Start, int End);
