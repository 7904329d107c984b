using Silo.Storage;

namespace Silo.Runtime.Tests.Storage;

public sealed class MemoryGrainStorageConformanceTests : GrainStorageConformanceTests
{
    protected override Task<StorageUnderTest> CreateStorageAsync() => Task.FromResult(new StorageUnderTest(new MemoryGrainStorage()));
}
