using Silo.Storage;

namespace Silo.Runtime.Tests.Storage;

/// <summary>A provider handed to the conformance suite, and what to dispose after the test (its database, files).</summary>
public sealed record StorageUnderTest(IGrainStorage Storage, IAsyncDisposable? Resources = null);
